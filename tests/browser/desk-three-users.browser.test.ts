/// <reference lib="dom" />
// page.evaluate callbacks here run in the browser and use its DOM.
/**
 * The desk with three people at once, each in their own Chromium context at 1366×768: two
 * admins of the same OPD (Ani, Bayu) and a supervisor (Sari), all signed in through the form.
 *
 * A critical mention arrives; Ani claims it and Bayu sees who holds it without a reload, and his
 * own claim is refused with Ani's name. Ani answers with a template (filling its variables);
 * because the mention is critical the reply waits for approval, which all three see. Sari
 * approves it from the approvals page, the outbox delivers it to a local webhook, and all three
 * see "Dibalas" and the reply "Terkirim", again without a reload.
 *
 * Starts its own stack (built API + worker serving dist/dashboard) and drives Chromium at
 * /usr/bin/chromium (or SIGAP_TEST_CHROMIUM). Screenshots go to tmp/screenshots/desk-three-*.png.
 */
import { mkdirSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { BROWSER_WAIT_MS as WAIT, launchChromium, signInPage, type SignedInPage } from '../support/browser';
import type { Mention, OutboxDelivery, ReplyTemplateView } from '@sigap/contracts';
import { apiCall, createUser, freePort, login, mention, postMentions, startStack, waitFor, type Stack } from '../support/stack';

const SCREENSHOT_DIR = resolve(__dirname, '../../tmp/screenshots');
/** A flood with people trapped: the triage reads it as critical (see the triage engine's tests). */
const CRITICAL_TEXT = 'Tolong!! Warga terjebak banjir di Cipamokolan, air sudah sedada 🆘';

type NoReloadWindow = { __noReload?: boolean };

describe('three people on one critical mention in the browser', () => {
  let stack: Stack;
  let browser: Browser;
  let webhook: Server;
  const delivered: OutboxDelivery[] = [];
  const password = 'rahasia-sekali-123';
  const run = randomUUID().slice(0, 8);
  const signedIn: SignedInPage[] = [];
  const approvalsPageErrors: string[] = [];
  let mentionId = '';
  let opd = '';
  let template: ReplyTemplateView;
  let ani: Page;
  let bayu: Page;
  let sari: Page;

  const shot = async (page: Page, name: string): Promise<void> => {
    await page.screenshot({ path: resolve(SCREENSHOT_DIR, `desk-three-${name}.png`) });
  };

  const signIn = async (email: string): Promise<Page> => {
    const session = await signInPage(browser, stack.baseUrl, { email, password });
    signedIn.push(session);
    return session.page;
  };

  /** Opens the mention in the inbox, waits for the live socket, and marks the page to catch a reload. */
  const openMention = async (page: Page): Promise<void> => {
    await page.goto(`${stack.baseUrl}/?m=${mentionId}`);
    await page.locator('[data-testid="live-status"][data-state="live"]').waitFor();
    await page.locator(`[data-testid="mention-detail"][data-mention-id="${mentionId}"]`).waitFor();
    await page.evaluate(() => {
      (globalThis as unknown as NoReloadWindow).__noReload = true;
    });
  };

  const notReloaded = (page: Page): Promise<boolean | undefined> => page.evaluate(() => (globalThis as unknown as NoReloadWindow).__noReload);
  const detailOf = (page: Page) => page.locator(`[data-testid="mention-detail"][data-mention-id="${mentionId}"]`);

  beforeAll(async () => {
    const port = await freePort();
    webhook = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        delivered.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as OutboxDelivery);
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ externalUrl: `https://x.com/pemkot/status/${delivered.length}` }));
      });
    });
    await new Promise<void>((done) => webhook.listen(port, '127.0.0.1', done));
    const outboxEnv = { SIGAP_OUTBOX_WEBHOOK_URL: `http://127.0.0.1:${port}/outbox`, SIGAP_OUTBOX_BACKOFF_MS: '50' };
    stack = await startStack({ workerEnv: outboxEnv, apiEnv: outboxEnv });

    // The mention first: the admins belong to the OPD the triage routes it to.
    const externalId = `three-${run}`;
    expect((await postMentions(stack, mention(externalId, CRITICAL_TEXT, { author: { handle: 'warga_cipamokolan' } }))).status).toBe(202);
    mentionId = await waitFor('the mention', async () => {
      const { rows } = await stack.db.query<{ id: string }>('SELECT id FROM mentions WHERE external_id = $1', [externalId]);
      return rows[0]?.id;
    });

    await createUser(stack, { email: `sari-${run}@sigap.test`, password, role: 'supervisor', name: 'Sari Supervisor' });
    const supervisor = await login(stack, `sari-${run}@sigap.test`, password);
    const read = await apiCall<Mention>(stack, 'GET', `/mentions/${mentionId}`, supervisor.accessToken);
    expect(read.status).toBe(200);
    expect(read.body.urgency).toBe('critical');
    expect(read.body.opdCodes.length).toBeGreaterThan(0);
    opd = read.body.opdCodes[0];
    await createUser(stack, { email: `ani-${run}@sigap.test`, password, role: 'admin', opds: [opd], name: 'Ani Lestari' });
    await createUser(stack, { email: `bayu-${run}@sigap.test`, password, role: 'admin', opds: [opd], name: 'Bayu Pratama' });

    const created = await apiCall<ReplyTemplateView>(stack, 'POST', '/templates', supervisor.accessToken, {
      title: `Evakuasi ${run}`,
      body: 'Halo {nama}, laporan {nomor_tiket} sudah kami terima. Tim {opd} sedang menuju lokasi, mohon tetap di tempat yang tinggi.',
      category: 'banjir',
      scope: 'all',
    });
    expect(created.status).toBe(201);
    template = created.body;

    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    browser = await launchChromium();
    ani = await signIn(`ani-${run}@sigap.test`);
    bayu = await signIn(`bayu-${run}@sigap.test`);
    sari = await signIn(`sari-${run}@sigap.test`);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    await new Promise<void>((done) => (webhook ? webhook.close(() => done()) : done()));
  });

  it('shows Ani\'s claim to Bayu without a reload and refuses his claim with her name', async () => {
    await openMention(ani);
    await openMention(bayu);
    await openMention(sari);
    await bayu.getByTestId('desk-claim').waitFor();
    await shot(bayu, '1-before-claim');

    // Bayu's page notes the moment the holder appears (same machine, same clock as the click).
    await bayu.evaluate(() => {
      const scope = globalThis as unknown as { __heldSeenAt?: number };
      const observer = new MutationObserver(() => {
        if (document.querySelector('[data-testid="desk-holder"]')?.textContent?.includes('Ani Lestari')) {
          scope.__heldSeenAt = Date.now();
          observer.disconnect();
        }
      });
      observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    const clicked = Date.now();
    await ani.getByTestId('desk-claim').click();
    await bayu.getByTestId('desk-holder').filter({ hasText: 'Ditangani Ani Lestari' }).waitFor();
    const seenAt = await bayu.evaluate(() => (globalThis as unknown as { __heldSeenAt?: number }).__heldSeenAt);
    console.log(`claim visible to the other admin ${seenAt === undefined ? '?' : seenAt - clicked} ms after the click`);
    await ani.getByTestId('desk-holder').filter({ hasText: 'Anda yang menangani' }).waitFor();
    await sari.getByTestId('desk-holder').filter({ hasText: 'Ditangani Ani Lestari' }).waitFor();
    expect(await bayu.getByTestId('desk-claim').count()).toBe(0);

    // Bayu still tries, with the claim key: the server refuses and names the holder.
    await bayu.locator('body').click({ position: { x: 5, y: 740 } });
    await bayu.keyboard.press('c');
    await bayu.getByText('Sudah diklaim oleh Ani Lestari').waitFor();
    await shot(ani, '2-ani-claimed');
    await shot(bayu, '2-bayu-refused');
    const { rows } = await stack.db.query<{ name: string }>('SELECT u.name FROM mentions m JOIN users u ON u.id = m.claimed_by WHERE m.id = $1', [mentionId]);
    expect(rows[0].name).toBe('Ani Lestari');
    expect(await notReloaded(bayu)).toBe(true);
  }, 60_000);

  it('sends Ani\'s template reply to approval, which all three see', async () => {
    const composer = ani.getByTestId('reply-composer');
    // `r` goes to the reply box.
    await ani.locator('body').click({ position: { x: 5, y: 740 } });
    await ani.keyboard.press('r');
    expect(await ani.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('reply-template-picker');
    await composer.getByTestId('reply-template-picker').click();
    await ani.getByRole('option', { name: new RegExp(`Evakuasi ${run}`) }).click();
    await composer.getByTestId('reply-variable-nama').fill('Bu Rina');
    // Writing a reply shows as typing to the colleagues on the same mention.
    await bayu.getByTestId('presence-typing').filter({ hasText: 'Ani Lestari sedang mengetik…' }).waitFor();
    await sari.getByTestId('presence-typing').filter({ hasText: 'Ani Lestari sedang mengetik…' }).waitFor();
    await shot(bayu, '3-bayu-sees-typing');
    await composer.getByTestId('reply-preview').filter({ hasText: 'Halo Bu Rina, laporan BDG-' }).waitFor();
    await shot(ani, '3-ani-composing');
    await composer.getByTestId('reply-send').click();
    await bayu.getByTestId('presence-strip').filter({ hasText: 'Ani Lestari' }).waitFor();
    await bayu.getByTestId('presence-typing').waitFor({ state: 'detached' });

    for (const page of [ani, bayu, sari]) {
      await detailOf(page).getByTestId('reply-item').filter({ hasText: 'Menunggu persetujuan' }).waitFor();
      await detailOf(page).getByText('Menunggu persetujuan').first().waitFor();
    }
    const { rows } = await stack.db.query<{ status: string }>('SELECT status FROM mentions WHERE id = $1', [mentionId]);
    expect(rows[0].status).toBe('menunggu_persetujuan');
    await shot(ani, '4-ani-awaiting');
    await shot(bayu, '4-bayu-awaiting');
    await shot(sari, '4-sari-awaiting');
    expect(delivered).toEqual([]);
  }, 60_000);

  it('lets Sari approve; the outbox delivers and all three see Dibalas and Terkirim without a reload', async () => {
    const approvals = await sari.context().newPage();
    approvals.setDefaultTimeout(WAIT);
    approvals.on('pageerror', (error) => approvalsPageErrors.push(error.message));
    await approvals.goto(`${stack.baseUrl}/approvals`);
    const item = approvals.getByTestId('approval-item').filter({ hasText: 'Halo Bu Rina' });
    await item.waitFor();
    await approvals.screenshot({ path: resolve(SCREENSHOT_DIR, 'desk-three-5-sari-approvals.png') });
    await item.getByTestId('approval-approve').click();

    await waitFor('the webhook delivery', async () => (delivered.length > 0 ? true : undefined), WAIT);
    expect(delivered).toHaveLength(1);
    expect(delivered[0].text).toContain('Halo Bu Rina, laporan BDG-');

    for (const page of [ani, bayu, sari]) {
      await detailOf(page).getByTestId('reply-item').filter({ hasText: 'Terkirim' }).waitFor();
      await detailOf(page).getByTestId('mention-status').filter({ hasText: 'Dibalas' }).waitFor();
      expect(await notReloaded(page)).toBe(true);
    }
    await shot(ani, '6-ani-final');
    await shot(bayu, '6-bayu-final');
    await shot(sari, '6-sari-final');
    const { rows } = await stack.db.query<{ usage_count: number }>('SELECT usage_count FROM reply_templates WHERE id = $1', [template.id]);
    expect(rows[0].usage_count).toBe(1);
    expect([...signedIn.flatMap((session) => session.pageErrors), ...approvalsPageErrors]).toEqual([]);
  }, 90_000);
});
