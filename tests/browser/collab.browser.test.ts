/**
 * Two admins of the same OPD in two Chromium contexts, on one mention: each sees the other
 * viewing and typing (with a collision warning), a note's @handle is completed from the
 * suggestions and notifies the colleague live in the header bell, whose click opens the
 * mention; the history shows the note.
 *
 * Starts its own stack (built API + worker serving dist/dashboard) and drives Chromium at
 * /usr/bin/chromium (or SIGAP_TEST_CHROMIUM). Run through `npm test`.
 */
import { mkdirSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, signInPage, type SignedInPage } from '../support/browser';
import { createUser, mention, postMentions, startStack, waitFor, type Stack } from '../support/stack';

const SCREENSHOT_DIR = resolve(__dirname, '../../tmp/screenshots');

describe('working together on a mention in the browser', () => {
  let stack: Stack;
  let browser: Browser;
  let budi: Page;
  let siti: Page;
  let mentionId = '';
  const password = 'rahasia-sekali-123';
  const signedIn: SignedInPage[] = [];

  const signIn = async (email: string): Promise<Page> => {
    const session = await signInPage(browser, stack.baseUrl, { email, password, viewport: { width: 1366, height: 900 } });
    signedIn.push(session);
    return session.page;
  };

  const openMention = async (page: Page): Promise<void> => {
    await page.goto(`${stack.baseUrl}/?m=${mentionId}`);
    await page.locator('[data-testid="live-status"][data-state="live"]').waitFor();
    await page.locator(`[data-testid="mention-detail"][data-mention-id="${mentionId}"]`).waitFor();
    await page.getByTestId('mention-collab').waitFor();
  };

  beforeAll(async () => {
    stack = await startStack();
    await createUser(stack, { email: 'budi.s@sigap.test', name: 'Budi Santoso', password, role: 'admin', opds: ['DLH'] });
    await createUser(stack, { email: 'siti@sigap.test', name: 'Siti Aminah', password, role: 'admin', opds: ['DLH'] });
    const externalId = `collab-browser-${randomUUID().slice(0, 8)}`;
    expect((await postMentions(stack, mention(externalId, 'sampah numpuk di TPS pasar sudah seminggu belum diangkut, bau banget'))).status).toBe(202);
    mentionId = await waitFor('the mention', async () => {
      const { rows } = await stack.db.query<{ id: string }>(`SELECT id FROM mentions WHERE external_id = $1 AND 'DLH' = ANY(opd_codes)`, [externalId]);
      return rows[0]?.id;
    });
    browser = await launchChromium();
    budi = await signIn('budi.s@sigap.test');
    siti = await signIn('siti@sigap.test');
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('shows who is viewing and typing, and warns of a collision', async () => {
    await openMention(budi);
    await openMention(siti);
    await siti.getByTestId('presence-strip').filter({ hasText: 'Sedang dilihat oleh Budi Santoso' }).waitFor();
    await budi.getByTestId('presence-strip').filter({ hasText: 'Siti Aminah' }).waitFor();
    await siti.getByTestId('online-users').filter({ hasText: '2 daring' }).waitFor();

    await budi.getByTestId('note-input').fill('Sudah dicek ke lapangan, @si');
    await siti.getByTestId('presence-typing').filter({ hasText: 'Budi Santoso sedang mengetik…' }).waitFor();
    await siti.getByTestId('note-input').fill('Saya juga sedang menulis');
    await siti.getByTestId('collision-warning').filter({ hasText: 'Budi Santoso juga sedang mengetik' }).waitFor();
    await budi.getByTestId('collision-warning').filter({ hasText: 'Siti Aminah juga sedang mengetik' }).waitFor();
    await siti.getByTestId('note-input').fill('');
  }, 60_000);

  it('completes an @handle, notifies the colleague in the bell, and opens the mention from it', async () => {
    await budi.getByRole('option', { name: /Siti Aminah/ }).click();
    expect(await budi.getByTestId('note-input').inputValue()).toBe('Sudah dicek ke lapangan, @siti ');
    await budi.getByTestId('note-input').pressSequentially('tolong konfirmasi');
    await budi.getByTestId('note-submit').click();
    await budi.getByTestId('note').filter({ hasText: '@siti tolong konfirmasi' }).waitFor();

    // Siti is told live, without a reload.
    await siti.getByRole('button', { name: /Notifikasi · 1 belum dibaca/ }).waitFor();
    await siti.getByTestId('note').filter({ hasText: '@siti tolong konfirmasi' }).waitFor();
    await siti.goto(`${stack.baseUrl}/`);
    await siti.getByTestId('notification-bell').click();
    const item = siti.getByTestId('notification').filter({ hasText: 'Budi Santoso menyebut Anda di catatan' });
    await item.waitFor();
    await item.click();
    await siti.waitForURL((url) => url.searchParams.get('m') === mentionId);
    await siti.locator(`[data-testid="mention-detail"][data-mention-id="${mentionId}"]`).waitFor();
    await siti.getByRole('button', { name: 'Notifikasi' }).waitFor();

    await siti.getByRole('tab', { name: 'Riwayat' }).click();
    await siti.getByTestId('timeline').filter({ hasText: 'Budi Santoso menulis catatan' }).waitFor();
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await siti.getByTestId('mention-collab').screenshot({ path: resolve(SCREENSHOT_DIR, 'collab-timeline.png') });
    await budi.getByTestId('mention-collab').screenshot({ path: resolve(SCREENSHOT_DIR, 'collab-notes.png') });
    expect(signedIn.flatMap((session) => session.pageErrors)).toEqual([]);
  }, 60_000);
});
