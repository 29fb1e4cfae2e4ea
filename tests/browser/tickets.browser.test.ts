/**
 * Citizens' tickets in a real browser: a follow-up quoting a ticket shows "Lanjutan tiket …" in
 * the detail pane and opens the ticket's mention; an admin links a message to a ticket by hand
 * (a refused number is explained next to the field), sees the thread in "Riwayat", and unlinks.
 *
 * Starts its own stack (built API + worker serving dist/dashboard, see tests/support/stack.ts)
 * and drives Chromium at /usr/bin/chromium (or SIGAP_TEST_CHROMIUM). Screenshots at 1366×768
 * go to tmp/screens/.
 */
import { mkdirSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { ticketNumberOf } from '@sigap/contracts';
import { launchChromium, signInPage, type SignedInPage } from '../support/browser';
import { createUser, mention, postMentions, startStack, waitFor, type Stack } from '../support/stack';

const SCREENS = resolve(__dirname, '../../tmp/screens');

describe('citizen tickets in the browser', () => {
  let stack: Stack;
  let browser: Browser;
  const password = 'rahasia-sekali-123';
  const run = randomUUID().slice(0, 8);
  const signedIn: SignedInPage[] = [];
  let serial = 0;

  /** Stores a mention routed to DLH; its id and ticket number. */
  const seed = async (text: string): Promise<{ id: string; ticket: string }> => {
    const externalId = `tickets-${run}-${++serial}`;
    expect((await postMentions(stack, mention(externalId, text))).status).toBe(202);
    const row = await waitFor(`mention ${externalId}`, async () => {
      const { rows } = await stack.db.query<{ id: string; seq: string; received_at: Date }>('SELECT id, seq, received_at FROM mentions WHERE external_id = $1', [externalId]);
      return rows[0];
    });
    await stack.db.query(`UPDATE mentions SET opd_codes = '{DLH}' WHERE id = $1`, [row.id]);
    return { id: row.id, ticket: ticketNumberOf(Number(row.seq), row.received_at) };
  };

  beforeAll(async () => {
    stack = await startStack();
    await createUser(stack, { email: `ani-${run}@sigap.test`, password, role: 'admin', opds: ['DLH'], name: 'Ani Lestari' });
    mkdirSync(SCREENS, { recursive: true });
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('shows a follow-up’s ticket, opens it, and links and unlinks a message by hand', async () => {
    const root = await seed('Banjir setinggi lutut di Jl. Pagarsih, saluran tersumbat sampah');
    const followUp = await seed(`Min, air makin naik. Lanjutan tiket ${root.ticket.toLowerCase()}`);
    const other = await seed('Saya tetangganya, di gang sebelah juga banjir');

    const session = await signInPage(browser, stack.baseUrl, { email: `ani-${run}@sigap.test`, password, path: `/?m=${followUp.id}` });
    signedIn.push(session);
    const { page } = session;
    const detail = (id: string) => page.locator(`[data-testid="mention-detail"][data-mention-id="${id}"]`);

    // The follow-up names its ticket; the link opens the ticket's mention, which counts its follow-ups.
    await detail(followUp.id).waitFor();
    const followUpOf = page.getByTestId('mention-follow-up-of');
    expect(await followUpOf.textContent()).toBe(`Lanjutan tiket ${root.ticket}`);
    await followUpOf.click();
    await page.waitForURL((url) => url.searchParams.get('m') === root.id);
    await detail(root.id).waitFor();
    expect(await page.getByTestId('mention-follow-up-count').textContent()).toBe('1 pesan lanjutan');

    // Linking another message by hand: its own number is refused next to the field, the ticket's is taken.
    await page.goto(`${stack.baseUrl}/?m=${other.id}`);
    await detail(other.id).waitFor();
    await page.getByTestId('mention-follow-up-edit').click();
    const input = page.getByTestId('mention-follow-up-input');
    await input.fill(other.ticket);
    await page.getByTestId('mention-follow-up-save').click();
    await page.getByText('Ini nomor tiket pesan ini sendiri.').waitFor();
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    await input.fill(root.ticket.toLowerCase());
    await page.getByTestId('mention-follow-up-save').click();
    await page.getByTestId('mention-follow-up-notice').filter({ hasText: `Tertaut ke tiket ${root.ticket}.` }).waitFor();
    await page.getByTestId('mention-follow-up-of').filter({ hasText: `Lanjutan tiket ${root.ticket}` }).waitFor();

    // "Riwayat" shows the thread: the ticket and its other follow-up, marked as linked, and the link made.
    await page.getByRole('tab', { name: 'Riwayat' }).click();
    const timeline = page.getByTestId('timeline');
    await timeline.filter({ hasText: `Ani Lestari menautkan pesan ini ke tiket ${root.ticket}` }).waitFor();
    expect(await page.getByTestId('timeline-linked-by-ticket').count()).toBe(2);
    await page.getByTestId('mention-detail').screenshot({ path: resolve(SCREENS, 'tickets-follow-up.png') });

    await page.getByTestId('mention-follow-up-unlink').click();
    await page.getByTestId('mention-follow-up-notice').filter({ hasText: 'Tautan tiket dilepas.' }).waitFor();
    await page.getByTestId('mention-follow-up-of').waitFor({ state: 'detached' });
    const { rows } = await stack.db.query<{ follows_up_id: string | null }>('SELECT follows_up_id FROM mentions WHERE id = $1', [other.id]);
    expect(rows[0].follows_up_id).toBeNull();

    // The refused link was answered 400 on purpose; nothing else failed.
    expect(session.pageErrors).toEqual([]);
    expect(session.errors.filter((line) => !line.includes('/follow-up'))).toEqual([]);
  });
});
