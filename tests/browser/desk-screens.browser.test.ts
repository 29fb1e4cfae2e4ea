/// <reference lib="dom" />
// page.evaluate callbacks here run in the browser and use its DOM.
/**
 * Every screen of the desk, per role, as one product: each role signs in through the login page
 * and opens every page its navigation offers (the header, or the "Kelola" menu), which must show
 * its heading, its page title in the tab, and no page or console error. The liaison reads without
 * a single action button and without personal data. Screenshots at 1366×768 (and the admin's
 * inbox and detail at 390×844, a phone) go to tmp/screens/.
 *
 * Starts its own stack (built API + worker serving dist/dashboard, see tests/support/stack.ts)
 * and drives Chromium at /usr/bin/chromium (or SIGAP_TEST_CHROMIUM).
 */
import { mkdirSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { BROWSER_WAIT_MS as WAIT, LAPTOP, PHONE, launchChromium, signInPage } from '../support/browser';
import type { LoginResponse, Role, UserAccount } from '@sigap/contracts';
import { apiCall, login, mention, postMentions, startStack, storedMentionId, waitFor, type Stack } from '../support/stack';

const SCREENS = resolve(__dirname, '../../tmp/screens');
const PHONE_NUMBER = '081234567890';

type PageKey = 'inbox' | 'myWork' | 'board' | 'approvals' | 'templates' | 'rota' | 'rules' | 'queues' | 'users' | 'units' | 'audit' | 'channels';

interface Screen {
  nav: string;
  path: string;
  title: string;
  /** What tells the page has rendered: its heading, or for the inbox views their landmark. */
  landmark: (page: Page) => ReturnType<Page['getByRole']>;
}

const heading = (name: string) => (page: Page) => page.getByRole('heading', { level: 2, name, exact: true });

const SCREENS_BY_KEY: Record<PageKey, Screen> = {
  inbox: { nav: 'nav-inbox', path: '/', title: 'Kotak masuk · Sigap', landmark: (page) => page.getByRole('region', { name: 'Daftar pesan' }) },
  myWork: { nav: 'nav-my-work', path: '/pekerjaan-saya', title: 'Pekerjaan saya · Sigap', landmark: (page) => page.getByRole('group', { name: 'Pekerjaan saya' }) },
  board: { nav: 'nav-board', path: '/papan', title: 'Papan · Sigap', landmark: heading('Papan supervisor') },
  approvals: { nav: 'nav-approvals', path: '/persetujuan', title: 'Persetujuan · Sigap', landmark: heading('Persetujuan balasan') },
  templates: { nav: 'nav-templates', path: '/templat', title: 'Templat · Sigap', landmark: heading('Templat balasan') },
  rota: { nav: 'nav-rota', path: '/jadwal-piket', title: 'Jadwal piket · Sigap', landmark: heading('Jadwal piket') },
  rules: { nav: 'nav-rules', path: '/aturan-triase', title: 'Aturan triase · Sigap', landmark: heading('Aturan triase') },
  queues: { nav: 'nav-queues', path: '/antrean', title: 'Antrean · Sigap', landmark: heading('Antrean kerja') },
  users: { nav: 'nav-users', path: '/pengguna', title: 'Pengguna · Sigap', landmark: heading('Pengguna') },
  units: { nav: 'nav-units', path: '/unit-pengaturan', title: 'Unit & pengaturan · Sigap', landmark: heading('Unit & pengaturan') },
  audit: { nav: 'nav-audit', path: '/log-audit', title: 'Log audit · Sigap', landmark: heading('Log audit') },
  channels: { nav: 'nav-channels', path: '/kanal', title: 'Kanal · Sigap', landmark: heading('Kanal') },
};

const PAGES_OF: Record<Role, PageKey[]> = {
  superadmin: ['inbox', 'myWork', 'board', 'approvals', 'templates', 'rota', 'rules', 'queues', 'users', 'units', 'channels', 'audit'],
  supervisor: ['inbox', 'myWork', 'board', 'approvals', 'templates', 'rota', 'rules', 'queues', 'units', 'channels', 'audit'],
  admin: ['inbox', 'myWork', 'rota'],
  liaison: ['inbox'],
};

describe('every desk screen, per role, in the browser', () => {
  let stack: Stack;
  let browser: Browser;
  const password = 'rahasia-sekali-123';
  const run = randomUUID().slice(0, 8);
  const emails: Record<Role, string> = {
    superadmin: '',
    supervisor: `sari-${run}@sigap.test`,
    admin: `ani-${run}@sigap.test`,
    liaison: `lia-${run}@sigap.test`,
  };
  const ids: Record<string, string> = {};

  const seedMention = async (name: string, urgency: string, text: string): Promise<void> => {
    const externalId = `screens-${run}-${name}`;
    expect((await postMentions(stack, mention(externalId, text))).status).toBe(202);
    ids[name] = await storedMentionId(stack, externalId);
    // Triage decides urgency from the words; the screens need one of each, whatever the rules say.
    await stack.db.query(
      `UPDATE mentions SET urgency = $2, urgency_rank = $3, status = 'baru', opd_codes = '{DLH}', claimed_by = NULL, received_at = now() - interval '9 minutes'
        WHERE id = $1`,
      [ids[name], urgency, ['critical', 'high', 'normal', 'low'].indexOf(urgency)],
    );
  };

  const call = async <T,>(method: string, path: string, token: string, body?: unknown): Promise<T> => {
    const response = await apiCall<T>(stack, method, path, token, body);
    if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  };

  /** A fresh browser context signed in through the login page, failing on any page or console error. */
  const signIn = async (role: Role, viewport = LAPTOP): Promise<{ page: Page; errors: string[] }> => {
    const { page, errors } = await signInPage(browser, stack.baseUrl, {
      email: emails[role],
      password: role === 'superadmin' ? stack.admin.password : password,
      viewport,
    });
    await page.getByTestId('notification-bell').waitFor();
    return { page, errors };
  };

  /** Queries answered and spinners gone, so a screenshot shows the page, not its loading state. */
  const settled = async (page: Page): Promise<void> => {
    await page.waitForLoadState('networkidle');
    await waitFor('the spinners to go', async () => ((await page.locator('.mantine-Loader-root').count()) === 0 ? true : undefined), WAIT);
  };

  /** One line, nothing overlapping, nothing cut: navigation, live state, bell and logout side by side. */
  const expectHeaderFits = async (page: Page, width: number): Promise<void> => {
    const header = page.locator('header');
    expect((await header.boundingBox())?.height).toBeLessThanOrEqual(60);
    const boxes = await Promise.all(
      [header.locator('nav'), header.getByTestId('live-status'), header.getByTestId('notification-bell'), header.getByTestId('logout')].map(async (part) => {
        const box = await part.boundingBox();
        if (!box) throw new Error('a header part is not shown');
        return box;
      }),
    );
    for (let i = 1; i < boxes.length; i++) expect(boxes[i - 1].x + boxes[i - 1].width).toBeLessThanOrEqual(boxes[i].x);
    expect(boxes[3].x + boxes[3].width).toBeLessThanOrEqual(width);
    // No label clipped inside its button.
    const clipped = await header.locator('nav a, nav button, [data-testid="logout"]').evaluateAll((items) => items.filter((item) => item.scrollWidth > item.clientWidth + 1).map((item) => item.textContent));
    expect(clipped).toEqual([]);
  };

  /** Menus and popovers fade in; a screenshot waits until the dropdown is fully there. */
  const fullyOpen = async (page: Page, role: 'menu' | 'dialog' = 'menu'): Promise<void> => {
    await waitFor(`the ${role} to finish opening`, async () => ((await page.getByRole(role).evaluate((element) => getComputedStyle(element).opacity)) === '1' ? true : undefined), WAIT);
  };

  const visit = async (page: Page, key: PageKey, errors: string[]): Promise<void> => {
    const screen = SCREENS_BY_KEY[key];
    // A role with a single page to manage gets it in the header instead of a one-item menu.
    const inHeader = page.locator('nav[aria-label="Navigasi utama"]').getByTestId(screen.nav);
    if (await inHeader.count()) {
      await inHeader.click();
    } else {
      await page.getByTestId('nav-manage').click();
      await page.getByRole('menu').getByTestId(screen.nav).click();
      await page.getByRole('menu').waitFor({ state: 'detached' });
    }
    await page.waitForURL((url) => url.pathname === screen.path);
    try {
      await screen.landmark(page).waitFor({ timeout: 10_000 });
    } catch (error) {
      throw new Error(`${key} did not render (${String(error)}); errors: ${errors.join(' | ')}`);
    }
    await waitFor(`the title of ${key}`, async () => ((await page.title()) === screen.title ? true : undefined), WAIT);
    await settled(page);
  };

  beforeAll(async () => {
    stack = await startStack();
    emails.superadmin = stack.admin.email;
    const superadmin: LoginResponse = await login(stack, stack.admin.email, stack.admin.password);
    const created: Partial<Record<Role, UserAccount>> = {};
    for (const [role, name, opds] of [
      ['supervisor', 'Sari Wulandari', []],
      ['admin', 'Ani Lestari', ['DLH']],
      ['liaison', 'Lia Permata', []],
    ] as const) {
      created[role] = await call<UserAccount>('POST', '/users', superadmin.accessToken, { email: emails[role], name, password, role, opds: [...opds] });
    }

    await seedMention('kritis', 'critical', 'Banjir setinggi dada di Jl. Pagarsih, warga terjebak di lantai dua');
    await seedMention('tinggi', 'high', `Sampah menutup saluran di pasar Kosambi, hubungi saya ${PHONE_NUMBER}`);
    await seedMention('normal', 'normal', 'Lampu taman di Cikapayang mati sejak kemarin');
    await seedMention('rendah', 'low', 'Usul: tambah tempat sampah terpilah di Taman Lansia');

    const supervisor = await login(stack, emails.supervisor, password);
    const admin = await login(stack, emails.admin, password);
    await call('POST', '/templates', supervisor.accessToken, {
      title: 'Banjir: tim menuju lokasi',
      body: 'Terima kasih {nama}, laporan Anda ({nomor_tiket}) sudah kami teruskan ke {opd}. Darurat: {hotline}.',
      category: 'banjir',
      scope: 'all',
    });
    const hour = 3_600_000;
    await call('POST', '/rota', supervisor.accessToken, {
      opdCode: 'DLH',
      userId: created.admin?.id,
      startsAt: new Date(Date.now() - hour).toISOString(),
      endsAt: new Date(Date.now() + 8 * hour).toISOString(),
      roleInShift: 'admin',
    });
    await call('POST', `/mentions/${ids.tinggi}/notes`, supervisor.accessToken, { text: `@ani-${run} tolong cek ke lapangan hari ini` });
    // A reply to a critical mention waits for a supervisor: the approval queue has one item.
    await call('POST', `/mentions/${ids.kritis}/replies`, admin.accessToken, { text: 'Tim DLH dan BPBD sedang menuju Jl. Pagarsih. Darurat: 112.' });

    mkdirSync(SCREENS, { recursive: true });
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it.each(['superadmin', 'supervisor', 'admin', 'liaison'] as const)('%s opens every page the navigation offers', async (role) => {
    const { page, errors } = await signIn(role);
    const offered = await page.locator('nav[aria-label="Navigasi utama"]').locator('a[data-testid^="nav-"], button[data-testid^="nav-"]').evaluateAll((items) => items.map((item) => item.getAttribute('data-testid')));
    if (await page.getByTestId('nav-manage').count()) {
      await page.getByTestId('nav-manage').click();
      await page.getByRole('menu').waitFor();
      const inMenu = await page.getByRole('menuitem').evaluateAll((items) => items.map((item) => item.getAttribute('data-testid')));
      offered.push(...inMenu);
      await fullyOpen(page);
      await page.screenshot({ path: resolve(SCREENS, `${role}-manage-menu.png`) });
      await page.keyboard.press('Escape');
      await page.getByRole('menu').waitFor({ state: 'detached' });
    }
    const expected = PAGES_OF[role].map((key) => SCREENS_BY_KEY[key].nav);
    expect(offered.filter((testId) => testId !== 'nav-manage').sort()).toEqual([...expected].sort());

    await expectHeaderFits(page, LAPTOP.width);
    await page.getByTestId('notification-bell').waitFor();

    for (const key of PAGES_OF[role]) {
      await visit(page, key, errors);
      await page.screenshot({ path: resolve(SCREENS, `${role}-${key}.png`) });
    }
    // A smaller office screen still fits the header on one line.
    await page.setViewportSize({ width: 1024, height: 768 });
    await expectHeaderFits(page, 1024);
    await page.screenshot({ path: resolve(SCREENS, `${role}-1024.png`) });
    expect(errors).toEqual([]);
    await page.context().close();
  }, 180_000);

  it('tells the admin of the @mention in the bell, opens the mention from it, and sends old addresses to the new pages', async () => {
    const { page, errors } = await signIn('admin');
    await page.getByRole('button', { name: /Notifikasi · 1 belum dibaca/ }).click();
    const item = page.getByTestId('notification').filter({ hasText: 'Sari Wulandari menyebut Anda di catatan' });
    await item.waitFor();
    // The popover fades in; shoot it once it is fully there.
    await waitFor('the popover to finish opening', async () =>
      (await item.evaluate((element) => getComputedStyle(element.closest('[data-position]') ?? element).opacity)) === '1' ? true : undefined,
    );
    await page.screenshot({ path: resolve(SCREENS, 'admin-notifications.png') });
    await item.click();
    await page.waitForURL((url) => url.searchParams.get('m') === ids.tinggi);
    await page.locator(`[data-testid="mention-detail"][data-mention-id="${ids.tinggi}"]`).waitFor();
    await settled(page);
    await page.screenshot({ path: resolve(SCREENS, 'admin-detail.png') });

    await page.goto(`${stack.baseUrl}/rota`);
    await page.waitForURL((url) => url.pathname === '/jadwal-piket');
    await SCREENS_BY_KEY.rota.landmark(page).waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('shows the liaison no action and no personal data', async () => {
    const { page, errors } = await signIn('liaison');
    await page.goto(`${stack.baseUrl}/?m=${ids.tinggi}`);
    await page.locator(`[data-testid="mention-detail"][data-mention-id="${ids.tinggi}"]`).waitFor();
    await page.getByTestId('read-only-badge').waitFor();
    await settled(page);
    await page.screenshot({ path: resolve(SCREENS, 'liaison-detail.png') });
    const body = (await page.locator('body').textContent()) ?? '';
    expect(body).not.toContain(PHONE_NUMBER);
    for (const action of ['desk-claim', 'desk-status', 'note-input', 'reply-composer', 'reply-text', 'bulk-action-bar', 'online-users']) {
      expect({ action, count: await page.getByTestId(action).count() }).toEqual({ action, count: 0 });
    }
    const buttons = await page
      .getByRole('main')
      .getByRole('button')
      .evaluateAll((items) => items.map((item) => (item.textContent ?? '').trim() || item.getAttribute('aria-label')));
    expect(buttons.filter((label) => /klaim|lepas|balas|kirim|tugaskan|simpan|ubah|setujui|tambah/i.test(label ?? ''))).toEqual([]);

    // The desk's own pages are not offered, and typed in they refuse without asking the server.
    await page.goto(`${stack.baseUrl}/jadwal-piket`);
    await page.getByTestId('notification-bell').waitFor();
    await settled(page);
    expect(await page.getByTestId('rota-page').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('gives the admin a usable single column on a phone: inbox, detail, the bell, the menu', async () => {
    const { page, errors } = await signIn('admin', PHONE);
    await page.getByTestId('mention-row').first().waitFor();
    await settled(page);
    await page.screenshot({ path: resolve(SCREENS, 'admin-phone-inbox.png') });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(PHONE.width);

    await page.locator(`[data-testid="mention-row"][data-mention-id="${ids.tinggi}"]`).click();
    await page.locator(`[data-testid="mention-detail"][data-mention-id="${ids.tinggi}"]`).waitFor();
    await settled(page);
    await page.screenshot({ path: resolve(SCREENS, 'admin-phone-detail.png'), fullPage: true });
    // The bell stays within reach on a phone.
    expect(await page.getByTestId('notification-bell').isVisible()).toBe(true);

    await page.getByRole('button', { name: /Kembali ke daftar/ }).click();
    await page.getByTestId('nav-phone').click();
    await fullyOpen(page);
    await page.screenshot({ path: resolve(SCREENS, 'admin-phone-menu.png') });
    await page.getByRole('menuitem', { name: 'Jadwal piket' }).click();
    await SCREENS_BY_KEY.rota.landmark(page).waitFor();
    await settled(page);
    await page.screenshot({ path: resolve(SCREENS, 'admin-phone-rota.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);
});
