/**
 * The inbox in a real browser against a running Sigap: log in through the UI, ingest mentions
 * over the API and watch them arrive over the live socket, with hostile markup shown as text.
 *
 * Starts its own stack (built API + worker serving dist/dashboard, see tests/support/stack.ts)
 * and drives Chromium at /usr/bin/chromium (or SIGAP_TEST_CHROMIUM). Run through `npm test`.
 */
import { mkdirSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { BROWSER_WAIT_MS as WAIT, launchChromium } from '../support/browser';
import type { IngestResponse, MentionInput } from '@sigap/contracts';
import { startStack, type Stack } from '../support/stack';

let stack: Stack;
let base = '';

/** Generous: the ingest pipeline (queue, triage, store, broadcast) runs between the post and the row. */
const SCREENSHOT_DIR = resolve(__dirname, '../../tmp/screenshots');


type IngestResult = Partial<IngestResponse>;

/** Posts one mention the way other systems do; the server must accept it (not as a duplicate). */
const ingest = async (externalId: string, text: string): Promise<IngestResult> => {
  const input: MentionInput = {
    channel: 'x',
    externalId,
    text,
    author: { handle: 'e2e_warga' },
    postedAt: new Date().toISOString(),
  };
  const response = await fetch(`${base}/api/v1/mentions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Api-Key': stack.ingestKey },
    body: JSON.stringify(input),
  });
  const body = await response.text();
  if (!response.ok) throw new Error(`Ingest answered ${response.status}: ${body}`);
  const result = (body ? JSON.parse(body) : {}) as IngestResult;
  if (typeof result.rejected === 'number') expect(result.rejected).toBe(0);
  if (typeof result.duplicates === 'number') expect(result.duplicates).toBe(0);
  return result;
};

describe('inbox in the browser', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];
  const dialogs: string[] = [];
  // One token per run keeps this run's mentions apart from anything else in the database.
  const token = `e2e${randomUUID().replace(/-/g, '').slice(0, 12)}`;

  beforeAll(async () => {
    stack = await startStack();
    base = stack.baseUrl;
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
    page = await context.newPage();
    page.setDefaultTimeout(WAIT);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await stack?.stop();
  });

  it('logs in through the form and goes live', async () => {
    await page.goto(`${base}/`);
    await page.waitForURL(/\/login/);
    await page.getByTestId('login-email').fill(stack.admin.email);
    await page.getByTestId('login-password').fill(stack.admin.password);
    await page.getByTestId('login-submit').click();

    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.locator('[data-testid="live-status"][data-state="live"]').waitFor();
  });

  it('shows a freshly ingested mention without a reload', async () => {
    // Narrow the inbox to this run's token, newest first, so the rows land at the top.
    await page.goto(`${base}/?sort=newest&q=${token}`);
    await page.locator('[data-testid="live-status"][data-state="live"]').waitFor();
    await page.evaluate(() => {
      (globalThis as unknown as { __noReload: boolean }).__noReload = true;
    });

    const text = `Pohon tumbang menutup jalan di Dago ${token} mohon dibantu`;
    await ingest(`${token}-plain`, text);

    const row = page.getByTestId('mention-row').filter({ hasText: token });
    await row.first().waitFor();
    expect(await row.first().getAttribute('data-mention-id')).toBeTruthy();
    expect(await row.first().textContent()).toContain('@e2e_warga');
    expect(await page.evaluate(() => (globalThis as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
  });

  it('renders hostile markup in a mention as literal text, in the row and in the detail pane', async () => {
    const script = '<script>window.__xss=1</script>';
    const img = '<img src=x onerror="window.__xss=2">';
    const marker = `${token}xss`;
    await ingest(`${token}-xss`, `${marker} ${script} ${img}`);

    const row = page.getByTestId('mention-row').filter({ hasText: marker });
    await row.waitFor();
    const rowText = (await row.getByTestId('mention-row-text').textContent()) ?? '';
    expect(rowText).toContain(script);
    expect(rowText).toContain(img);

    await row.click();
    const detail = page.getByTestId('mention-detail');
    await detail.filter({ hasText: marker }).waitFor();
    const detailText = (await detail.getByTestId('mention-detail-text').textContent()) ?? '';
    expect(detailText).toContain(script);
    expect(detailText).toContain(img);

    // Give any injected handler a moment to run if it had been injected.
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (globalThis as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.locator('[data-testid="mention-detail"] script').count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => (globalThis as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
  });

  it('takes a screenshot of the inbox', async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.goto(`${base}/`);
    await page.getByTestId('live-status').waitFor();
    await page.getByTestId('mention-row').first().waitFor();
    await page.getByTestId('mention-row').first().click();
    await page.getByTestId('mention-detail').waitFor();
    await page.screenshot({ path: resolve(SCREENSHOT_DIR, 'inbox.png') });
    expect(pageErrors).toEqual([]);
  });

  it('corrects the urgency of a mention from the detail pane and shows it in the row without a reload', async () => {
    const marker = `${token}fix`;
    await ingest(`${token}-fix`, `Lampu jalan mati di Jl. Riau ${marker}`);
    await page.goto(`${base}/?sort=newest&q=${marker}`);
    await page.locator('[data-testid="live-status"][data-state="live"]').waitFor();
    await page.evaluate(() => {
      (globalThis as unknown as { __noReload: boolean }).__noReload = true;
    });

    const row = page.getByTestId('mention-row').filter({ hasText: marker });
    await row.waitFor();
    const before = await row.locator('[data-urgency]').getAttribute('data-urgency');
    const after = before === 'critical' ? 'low' : 'critical';

    await row.click();
    await page.getByTestId('mention-detail').filter({ hasText: marker }).waitFor();
    const form = page.getByTestId('correction-form');
    await form.waitFor();
    expect(await page.getByTestId('mention-corrected').count()).toBe(0);
    await page.getByTestId('correction-urgency').selectOption(after);
    await page.getByTestId('correction-save').click();

    await form.getByText('Koreksi disimpan — dipakai untuk melatih model').waitFor();
    await row.locator(`[data-urgency="${after}"]`).waitFor();
    await page.getByTestId('mention-corrected').waitFor();
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await form.screenshot({ path: resolve(SCREENSHOT_DIR, 'correction.png') });
    expect(await page.getByTestId('correction-error').count()).toBe(0);
    expect(await page.evaluate(() => (globalThis as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
    expect(pageErrors).toEqual([]);
  });
});
