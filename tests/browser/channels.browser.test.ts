/// <reference lib="dom" />
/**
 * The "Kanal" page in Chromium: the superadmin creates an ingest key and sees it exactly once
 * (a connector can send with it), switches a channel off (the ingest API then refuses its items),
 * and a supervisor sees the same page without a single control to change it.
 *
 * Starts its own stack (built API + worker serving dist/dashboard, see tests/support/stack.ts).
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import type { IngestResponse } from '@sigap/contracts';
import { launchChromium, signInPage } from '../support/browser';
import { countMentions, createUser, mention, postMentions, startStack, waitFor, type Stack } from '../support/stack';

const BANJIR = 'banjir di underpass, motor mogok semua';
const SCREENS = resolve(__dirname, '../../tmp/screens');

describe('Kanal page', () => {
  let stack: Stack;
  let browser: Browser;
  const password = 'rahasia-sekali-123';
  const run = randomUUID().slice(0, 8);

  beforeAll(async () => {
    stack = await startStack();
    await createUser(stack, { email: 'spv@sigap.test', password, role: 'supervisor' });
    browser = await launchChromium();
    mkdirSync(SCREENS, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('lets the superadmin create a key shown once and switch a channel off', async () => {
    const { page, errors } = await signInPage(browser, stack.baseUrl, { email: stack.admin.email, password: stack.admin.password });
    await page.getByTestId('nav-manage').click();
    await page.getByTestId('nav-channels').click();
    await page.getByRole('heading', { level: 2, name: 'Kanal', exact: true }).waitFor();
    expect(await page.title()).toBe('Kanal · Sigap');

    const instagram = page.locator('[data-testid="channel-row"][data-channel="instagram"]');
    await instagram.getByTestId('channel-create-key').click();
    await page.getByTestId('channel-key-name').fill('Konektor Instagram');
    await page.getByTestId('channel-key-submit').click();
    const key = (await page.getByTestId('channel-key-value').textContent())?.trim() ?? '';
    expect(key).toMatch(/^sgp_instagram_[A-Za-z0-9_-]{43}$/);
    await page.getByText('Kunci tidak akan ditampilkan lagi', { exact: false }).waitFor();
    await page.getByTestId('channel-key-copy').waitFor();
    await page.screenshot({ path: resolve(SCREENS, 'superadmin-channel-key-created.png') });
    await page.getByTestId('channel-key-done').click();
    await page.getByTestId('channel-key-value').waitFor({ state: 'detached' });

    // The list shows the key by its prefix only, and nowhere in full.
    await instagram.getByTestId('channel-key').filter({ hasText: 'Konektor Instagram' }).waitFor();
    expect(await instagram.getByTestId('channel-key').textContent()).toContain(`${key.slice(0, 'sgp_instagram_'.length + 6)}…`);
    expect(await page.content()).not.toContain(key);

    const sent = await postMentions(stack, mention(`ig-browser-${run}`, BANJIR, { channel: 'instagram' }), key);
    expect(sent.status).toBe(202);
    expect(((await sent.json()) as IngestResponse).accepted).toBe(1);

    // Switch YouTube off: its items are refused from then on.
    const youtube = page.locator('[data-testid="channel-row"][data-channel="youtube"]');
    await youtube.getByTestId('channel-enabled').click({ force: true });
    await page.getByRole('status').filter({ hasText: 'Kanal YouTube disimpan.' }).waitFor();
    expect(await youtube.getByTestId('channel-enabled').isChecked()).toBe(false);
    const refused = (await (await postMentions(stack, mention(`yt-browser-${run}`, BANJIR, { channel: 'youtube' }))).json()) as IngestResponse;
    expect(refused.items[0].error).toEqual([{ field: 'channel', message: 'youtube is disabled' }]);
    await waitFor('the Instagram mention to be stored', async () => ((await countMentions(stack, `ig-browser-${run}`)) === 1 ? true : undefined));
    expect(await countMentions(stack, `yt-browser-${run}`)).toBe(0);

    // After a reload the key's last use and the channel's 24 h count are there; the key still is not.
    await page.reload();
    await instagram.getByTestId('channel-received').filter({ hasText: '1' }).waitFor();
    await instagram.getByTestId('channel-key').filter({ hasText: 'terakhir dipakai' }).waitFor();
    expect(await page.content()).not.toContain(key);
    await page.screenshot({ path: resolve(SCREENS, 'superadmin-channels-in-use.png') });
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('shows the supervisor the same channels, read-only', async () => {
    const { page, errors } = await signInPage(browser, stack.baseUrl, { email: 'spv@sigap.test', password, path: '/kanal' });
    await page.getByRole('heading', { level: 2, name: 'Kanal', exact: true }).waitFor();
    await page.getByTestId('channels-read-only').waitFor();
    await page.locator('[data-testid="channel-row"][data-channel="instagram"]').getByTestId('channel-key').first().waitFor();
    expect(await page.getByTestId('channel-row').count()).toBe(10);
    expect(await page.getByTestId('channel-create-key').count()).toBe(0);
    expect(await page.getByTestId('channel-edit').count()).toBe(0);
    expect(await page.getByTestId('channel-revoke-key').count()).toBe(0);
    const switches = page.getByTestId('channel-enabled');
    for (let i = 0; i < (await switches.count()); i++) expect(await switches.nth(i).isDisabled()).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);
});
