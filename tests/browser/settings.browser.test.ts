/**
 * The desk settings in a real browser: the superadmin changes the critical SLA in minutes,
 * saves, and still sees it after a reload, marked as changed by them; a supervisor sees the same
 * settings without any way to change them.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium, signInPage } from '../support/browser';
import { createUser, startStack, type Stack } from '../support/stack';

const SCREENS = resolve(__dirname, '../../tmp/screens');

describe('desk settings in the browser', () => {
  let stack: Stack;
  let browser: Browser;
  const password = 'rahasia-sekali-123';
  const supervisor = `spv-${randomUUID().slice(0, 8)}@sigap.test`;

  beforeAll(async () => {
    stack = await startStack();
    await createUser(stack, { email: supervisor, password, role: 'supervisor', name: 'Sari Supervisor' });
    browser = await launchChromium();
    mkdirSync(SCREENS, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('lets the superadmin change the critical SLA in minutes, kept after a reload', async () => {
    const { page, errors } = await signInPage(browser, stack.baseUrl, { ...stack.admin, path: '/unit-pengaturan' });
    const critical = page.getByTestId('setting-slaSeconds.critical');
    await critical.waitFor();
    expect(await critical.inputValue()).toBe('15');
    await expect(page.getByTestId('setting-origin-slaSeconds.critical').textContent()).resolves.toContain('Bawaan lingkungan');

    await critical.fill('5');
    await page.getByTestId('settings-save').click();
    await page.getByRole('status').filter({ hasText: 'Pengaturan disimpan' }).waitFor();
    const { rows } = await stack.db.query<{ value: number }>(`SELECT value FROM desk_settings WHERE key = 'slaSeconds.critical'`);
    expect(rows).toEqual([{ value: 300 }]);

    await page.reload();
    await page.getByTestId('setting-slaSeconds.critical').waitFor();
    expect(await page.getByTestId('setting-slaSeconds.critical').inputValue()).toBe('5');
    const origin = page.getByTestId('setting-origin-slaSeconds.critical');
    expect(await origin.textContent()).toContain('Diubah oleh');
    expect(await page.getByTestId('setting-reset-slaSeconds.critical').isVisible()).toBe(true);
    await page.getByTestId('settings-panel').screenshot({ path: resolve(SCREENS, 'settings-superadmin.png') });
    expect(errors).toEqual([]);
  });

  it('shows a supervisor the settings read-only', async () => {
    const { page, errors } = await signInPage(browser, stack.baseUrl, { email: supervisor, password, path: '/unit-pengaturan' });
    const table = page.getByTestId('settings-table');
    await table.waitFor();
    const first = page.getByTestId('setting-row').first();
    expect(await first.textContent()).toContain('5 menit');
    expect(await first.textContent()).toContain('Diubah oleh');
    expect(await page.getByTestId('settings-panel').textContent()).toContain('hanya superadmin');
    expect(await page.getByTestId('settings-save').count()).toBe(0);
    expect(await page.getByTestId('setting-slaSeconds.critical').count()).toBe(0);
    expect(await page.getByTestId('setting-reset-slaSeconds.critical').count()).toBe(0);
    expect(await page.getByTestId('add-opd-form').count()).toBe(0);
    await page.getByTestId('settings-panel').screenshot({ path: resolve(SCREENS, 'settings-supervisor.png') });
    expect(errors).toEqual([]);
  });
});
