/**
 * The desk views in a real browser: a supervisor reads the board and drills from a tile into
 * the inbox; an admin claims with the keyboard (j, c) and finds the mention in "Pekerjaan saya";
 * the "bukan wewenang" form asks for a target OPD and a reason.
 *
 * The board follows the live stream (a claim elsewhere changes it without a reload).
 *
 * Starts its own stack (built API + worker serving dist/dashboard, see tests/support/stack.ts)
 * and drives Chromium at /usr/bin/chromium (or SIGAP_TEST_CHROMIUM). Screenshots at 1366×768
 * go to tmp/screens/.
 */
import { mkdirSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, signInPage, type SignedInPage } from '../support/browser';
import { apiCall, createUser, login, mention, postMentions, startStack, storedMentionId, waitFor, type Stack } from '../support/stack';

const SCREENS = resolve(__dirname, '../../tmp/screens');

describe('desk views in the browser', () => {
  let stack: Stack;
  let browser: Browser;
  const password = 'rahasia-sekali-123';
  const run = randomUUID().slice(0, 8);
  const ids: Record<string, string> = {};
  const signedIn: SignedInPage[] = [];

  const seed = async (name: string, urgency: string, text: string): Promise<void> => {
    const externalId = `views-${run}-${name}`;
    expect((await postMentions(stack, mention(externalId, text))).status).toBe(202);
    ids[name] = await storedMentionId(stack, externalId);
    await stack.db.query(
      `UPDATE mentions SET urgency = $2, urgency_rank = $3, status = 'baru', opd_codes = '{DLH}', claimed_by = NULL, received_at = now() - interval '13 minutes'
        WHERE id = $1`,
      [ids[name], urgency, ['critical', 'high', 'normal', 'low'].indexOf(urgency)],
    );
  };

  const signIn = async (email: string): Promise<Page> => {
    const session = await signInPage(browser, stack.baseUrl, { email, password });
    signedIn.push(session);
    return session.page;
  };

  beforeAll(async () => {
    stack = await startStack();
    await createUser(stack, { email: `spv-${run}@sigap.test`, password, role: 'supervisor', name: 'Sari Supervisor' });
    await createUser(stack, { email: `ani-${run}@sigap.test`, password, role: 'admin', opds: ['DLH'], name: 'Ani Lestari' });
    await seed('kritis1', 'critical', 'Banjir setinggi dada di Jl. Pagarsih, warga terjebak di lantai dua');
    await seed('kritis2', 'critical', 'Tembok sekolah roboh di Cibaduyut, ada anak tertimpa');
    await seed('tinggi', 'high', 'Sampah menumpuk menutup saluran air di pasar Kosambi');
    await seed('normal', 'normal', 'Lampu taman di Cikapayang mati sejak kemarin');
    mkdirSync(SCREENS, { recursive: true });
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('shows the supervisor board and drills from a tile into the filtered inbox', async () => {
    const page = await signIn(`spv-${run}@sigap.test`);
    await page.getByTestId('nav-board').click();
    await page.waitForURL(/\/papan$/);
    await page.getByTestId('board-tile-critical-count').filter({ hasText: /^2$/ }).waitFor();
    expect(await page.getByTestId('board-tile-high-count').textContent()).toBe('1');
    expect(await page.getByTestId('board-tile-normal-count').textContent()).toBe('1');
    expect(await page.getByTestId('board-tile-low-count').textContent()).toBe('0');
    // 13 minutes of a 15-minute limit: at risk, not breached.
    expect(await page.getByTestId('board-tile-critical-at-risk').textContent()).toContain('2 hampir lewat');
    expect(await page.getByTestId('board-tile-critical').textContent()).toContain('KRITIS');
    expect(await page.getByTestId('board-oldest-item').count()).toBe(3);
    await page.getByTestId('board-person').filter({ hasText: 'Ani Lestari' }).waitFor();
    await page.getByTestId('board-opd').filter({ hasText: 'DLH' }).waitFor();
    await page.getByTestId('board-approvals').waitFor();
    await page.screenshot({ path: resolve(SCREENS, 'board.png') });

    // Live, without a reload: a claim elsewhere empties the NORMAL tile.
    await page.evaluate(() => {
      (globalThis as unknown as { __noReload: boolean }).__noReload = true;
    });
    const supervisor = await login(stack, `spv-${run}@sigap.test`, password);
    expect((await apiCall(stack, 'POST', `/mentions/${ids.normal}/claim`, supervisor.accessToken)).status).toBe(200);
    await page.getByTestId('board-tile-normal-count').filter({ hasText: /^0$/ }).waitFor();
    await page.getByTestId('board-person').filter({ hasText: 'Sari Supervisor' }).getByTestId('board-person-holding').filter({ hasText: /^1$/ }).waitFor();
    expect(await page.evaluate(() => (globalThis as unknown as { __noReload?: boolean }).__noReload)).toBe(true);

    await page.getByTestId('board-tile-critical').click();
    await page.waitForURL((url) => url.pathname === '/' && url.searchParams.get('urgency') === 'critical');
    const url = new URL(page.url());
    expect(url.searchParams.get('holder')).toBe('none');
    // The statuses the board counts as waiting: forwarded mentions wait for their new OPD too.
    expect(url.searchParams.get('status')).toBe('baru,bukan_wewenang,eskalasi');
    await page.getByTestId('mention-row').first().waitFor();
    await waitFor('two critical rows', async () => ((await page.getByTestId('mention-row').count()) === 2 ? true : undefined));
    const shown = await page.getByTestId('mention-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-mention-id')).sort());
    expect(shown).toEqual([ids.kritis1, ids.kritis2].sort());
    await page.context().close();
  });

  it('lets an admin claim with j and c, then finds the mention in Pekerjaan saya', async () => {
    const page = await signIn(`ani-${run}@sigap.test`);
    await page.goto(`${stack.baseUrl}/?urgency=critical`);
    await page.locator('[data-testid="live-status"][data-state="live"]').waitFor();
    await page.getByTestId('mention-row').first().waitFor();
    await page.keyboard.press('j');
    const selected = page.locator('[data-testid="mention-row"][aria-selected="true"]');
    await selected.waitFor();
    const id = await selected.getAttribute('data-mention-id');
    expect(id).toBeTruthy();
    await page.keyboard.press('c');
    await page.getByTestId('desk-holder').filter({ hasText: 'Anda yang menangani' }).waitFor();
    await selected.getByTestId('mention-row-holder').waitFor();
    expect(await selected.getByTestId('mention-row-holder').getAttribute('aria-label')).toBe('Ditangani Ani Lestari');

    await page.keyboard.press('m');
    await page.waitForURL((url) => url.pathname === '/pekerjaan-saya' && url.searchParams.get('holder') === 'me');
    await page.locator(`[data-testid="mention-row"][data-mention-id="${id}"]`).waitFor();
    await page.getByTestId('my-work-holding-count').filter({ hasText: /^1$/ }).waitFor();
    await page.locator(`[data-testid="mention-row"][data-mention-id="${id}"]`).click();
    await page.getByTestId('desk-controls').waitFor();
    await page.screenshot({ path: resolve(SCREENS, 'my-work.png') });

    // The help lists the shortcuts in Indonesian.
    await page.locator('body').click({ position: { x: 5, y: 700 } });
    await page.keyboard.press('?');
    await page.getByTestId('shortcut-help').waitFor();
    expect(await page.getByTestId('shortcut-help').textContent()).toContain('Klaim pesan terpilih');
    await page.keyboard.press('Escape');

    const { rows } = await stack.db.query('SELECT claimed_by FROM mentions WHERE id = $1', [id]);
    expect(rows[0].claimed_by).not.toBeNull();
    await page.context().close();
  });

  it('asks for a target OPD and a reason before forwarding as bukan wewenang', async () => {
    const page = await signIn(`ani-${run}@sigap.test`);
    await page.goto(`${stack.baseUrl}/?m=${ids.tinggi}`);
    await page.getByTestId('desk-status').waitFor();
    await page.getByTestId('desk-status').selectOption('bukan_wewenang');
    const form = page.getByTestId('forward-form');
    await form.waitFor();
    await page.getByTestId('status-submit').click();
    expect(await form.getByText('Wajib diisi').count()).toBe(2);

    await page.getByTestId('forward-opd').click();
    await page.getByTestId('forward-opd').fill('DISHUB');
    await page.getByRole('option', { name: /^DISHUB/ }).first().click();
    await page.getByTestId('status-reason').fill('Saluran air di jalan nasional, urusan Dishub');
    await page.getByTestId('desk-controls').screenshot({ path: resolve(SCREENS, 'bukan-wewenang-form.png') });
    await page.screenshot({ path: resolve(SCREENS, 'bukan-wewenang-page.png') });
    await page.getByTestId('status-submit').click();

    await waitFor('the forward', async () => {
      const { rows } = await stack.db.query('SELECT to_opd, reason FROM mention_forwards WHERE mention_id = $1', [ids.tinggi]);
      return rows[0];
    });
    expect(await page.getByTestId('desk-error').count()).toBe(0);
    await page.context().close();
  });

  it('drills from the board’s bounce count of DLH into the mentions DLH forwarded', async () => {
    const page = await signIn(`spv-${run}@sigap.test`);
    await page.goto(`${stack.baseUrl}/papan`);
    const bounced = page.getByTestId('board-opd').filter({ hasText: 'DLH' }).getByTestId('board-opd-bounced');
    await bounced.filter({ hasText: /^1$/ }).waitFor();
    await bounced.click();
    await page.waitForURL((url) => url.searchParams.get('forwardedFrom') === 'DLH');
    await page.getByTestId('filter-forwarded-from').waitFor();
    const rows = page.locator('[data-testid="mention-row"]');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(1);
    expect(await rows.first().getAttribute('data-mention-id')).toBe(ids.tinggi);
    await page.screenshot({ path: resolve(SCREENS, 'board-bounced-drill.png') });
    // The way out: clearing the filter leaves the rest of the inbox's filters as they were.
    await page.getByTestId('filter-forwarded-from').getByRole('button').click();
    await page.waitForURL((url) => !url.searchParams.has('forwardedFrom'));
    expect(signedIn.flatMap((session) => session.pageErrors)).toEqual([]);
    await page.context().close();
  });
});
