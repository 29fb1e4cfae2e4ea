import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { DeskSettingsView, OpdView } from '@sigap/contracts';
import { authStore } from '@sigap/dashboard/data-access';
import { renderWithApi, type ApiCall, type ApiHandler } from '../../testing/render-with-api';
import { UnitsPage } from './units-page';


const OPDS: OpdView[] = [
  { code: 'DLH', name: 'Dinas Lingkungan Hidup', kind: 'opd', active: true },
  { code: 'KEC-LAMA', name: 'Kecamatan Lama', kind: 'kecamatan', active: false },
];

const unchanged = <T,>(value: T) => ({ value, default: value, changed: false, changedBy: null, changedAt: null });

const SETTINGS: DeskSettingsView = {
  slaSeconds: { critical: 600, high: 3600, normal: 14400, low: 86400 },
  claimIdleSeconds: 1200,
  presenceTtlSeconds: 60,
  outboxWebhookConfigured: true,
  outboxSigned: false,
  notifyWebhookConfigured: false,
  hotlines: { DINKES: '119' },
  defaultHotline: '112',
  login: { maxFailures: 5, maxFailuresPerIp: 50, windowSeconds: 900 },
  environmentVariables: { 'slaSeconds.critical': 'SIGAP_SLA_CRITICAL_SECONDS', outboxWebhookConfigured: 'SIGAP_OUTBOX_WEBHOOK_URL' },
  entries: {
    'slaSeconds.critical': { value: 600, default: 900, changed: true, changedBy: { id: 'u-super', name: 'Super Admin' }, changedAt: '2026-03-01T02:00:00.000Z' },
    'slaSeconds.high': unchanged(3600),
    'slaSeconds.normal': unchanged(14400),
    'slaSeconds.low': unchanged(86400),
    claimIdleSeconds: unchanged(1200),
    presenceTtlSeconds: unchanged(60),
    'login.maxFailures': unchanged(5),
    'login.maxFailuresPerIp': unchanged(50),
    'login.windowSeconds': unchanged(900),
    hotlines: unchanged({ DINKES: '119' }),
    defaultHotline: unchanged('112'),
  },
};

const calls: ApiCall[] = [];

const renderPage = (handler: ApiHandler = () => undefined) =>
  renderWithApi(
    <UnitsPage />,
    (path, method, body) =>
      handler(path, method, body) ??
      (path === '/reference/opds' && method === 'GET'
        ? { status: 200, body: OPDS }
        : path === '/settings'
          ? { status: 200, body: SETTINGS }
          : undefined),
    calls,
  );

describe('UnitsPage', () => {
  beforeEach(() => {
    authStore.setFromLogin({ accessToken: 'token', expiresIn: 3600, user: { id: 'u-super', email: 's@b.id', name: 'Super', role: 'superadmin', opds: [] } });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    authStore.clear();
  });

  it('lists units with their kind and active state, in Bahasa Indonesia', async () => {
    renderPage();
    const rows = await screen.findAllByTestId('opd-row');
    expect(rows).toHaveLength(2);
    expect(within(rows[1]).getByText('Kecamatan')).toBeTruthy();
    const switches = screen.getAllByTestId('opd-active') as HTMLInputElement[];
    expect(switches.map((input) => input.checked)).toEqual([true, false]);
  });

  it('deactivates and renames a unit', async () => {
    renderPage((path, method) => (method === 'PATCH' ? { status: 200, body: { ...OPDS[0], name: 'Dinas LH', active: false } } : undefined));
    await screen.findAllByTestId('opd-row');
    fireEvent.click(screen.getAllByTestId('opd-active')[0]);
    await waitFor(() => expect(calls).toContainEqual({ path: '/reference/opds/DLH', method: 'PATCH', body: { active: false } }));

    fireEvent.click(screen.getAllByTestId('opd-rename')[0]);
    fireEvent.change(screen.getByTestId('opd-rename-input'), { target: { value: ' Dinas LH ' } });
    fireEvent.click(screen.getByTestId('opd-rename-save'));
    await waitFor(() => expect(calls).toContainEqual({ path: '/reference/opds/DLH', method: 'PATCH', body: { name: 'Dinas LH' } }));
  });

  it('adds a unit and shows a refused code in Indonesian', async () => {
    renderPage((path, method) =>
      path === '/reference/opds' && method === 'POST'
        ? { status: 409, body: { statusCode: 409, code: 'CONFLICT', message: 'an OPD with this code already exists', details: [{ field: 'code', message: 'is already used by another OPD' }] } }
        : undefined,
    );
    await screen.findAllByTestId('opd-row');
    fireEvent.change(screen.getByTestId('opd-code'), { target: { value: 'dlh' } });
    fireEvent.change(screen.getByTestId('opd-name'), { target: { value: 'Dinas Lain' } });
    fireEvent.submit(screen.getByTestId('add-opd-form'));
    await waitFor(() => expect(calls).toContainEqual({ path: '/reference/opds', method: 'POST', body: { code: 'DLH', name: 'Dinas Lain', kind: 'opd' } }));
    expect(await screen.findByText(/^Gagal menyimpan:/)).toBeTruthy();
    expect(screen.queryByText(/already exists/)).toBeNull();
  });

  it('shows supervisors the units and settings read-only, with where each value comes from', async () => {
    authStore.setFromLogin({ accessToken: 'token', expiresIn: 3600, user: { id: 'u-spv', email: 'v@b.id', name: 'Sari', role: 'supervisor', opds: [] } });
    renderPage();
    const rows = await screen.findAllByTestId('setting-row');
    expect(rows[0].textContent).toContain('10 menit');
    expect(rows[0].textContent).toContain('Diubah oleh Super Admin');
    expect(rows[0].textContent).toContain('SIGAP_SLA_CRITICAL_SECONDS');
    expect(rows[1].textContent).toContain('1 jam');
    expect(rows[1].textContent).toContain('Bawaan lingkungan');
    expect(screen.getByTestId('settings-panel').textContent).toContain('hanya superadmin');
    expect(screen.getAllByText('Terpasang').length).toBeGreaterThan(0);
    expect(screen.queryByTestId('settings-save')).toBeNull();
    expect(screen.queryByTestId('setting-slaSeconds.critical')).toBeNull();
    expect(screen.queryByTestId('setting-reset-slaSeconds.critical')).toBeNull();
    expect(screen.queryByTestId('add-opd-form')).toBeNull();
    expect(screen.queryByTestId('opd-rename')).toBeNull();
    expect((screen.getAllByTestId('opd-active')[0] as HTMLInputElement).disabled).toBe(true);
  });

  it('saves only the changed settings, SLA typed in minutes, and confirms', async () => {
    renderPage((path, method) =>
      path === '/settings' && method === 'PATCH' ? { status: 200, body: { ...SETTINGS, entries: { ...SETTINGS.entries, 'slaSeconds.high': unchanged(1800) } } } : undefined,
    );
    const input = (await screen.findByTestId('setting-slaSeconds.high')) as HTMLInputElement;
    expect(input.value).toBe('60');
    expect((screen.getByTestId('settings-save') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(input, { target: { value: '30' } });
    fireEvent.click(screen.getByTestId('settings-save'));
    await waitFor(() => expect(calls).toContainEqual({ path: '/settings', method: 'PATCH', body: { slaSeconds: { high: 1800 } } }));
    expect((await screen.findByRole('status')).textContent).toContain('Pengaturan disimpan');
  });

  it('shows the server’s field errors on the fields they name', async () => {
    renderPage((path, method) =>
      path === '/settings' && method === 'PATCH'
        ? {
            status: 400,
            body: {
              statusCode: 400,
              code: 'VALIDATION_FAILED',
              message: 'x',
              details: [
                { field: 'login.maxFailures', message: 'batas ditolak server' },
                { field: 'hotlines.DINKES', message: 'nomor ditolak server' },
              ],
            },
          }
        : undefined,
    );
    const failures = await screen.findByTestId('setting-login.maxFailures');
    fireEvent.change(failures, { target: { value: '3' } });
    fireEvent.change(screen.getAllByTestId('hotline-number')[0], { target: { value: '119 ext' } });
    fireEvent.click(screen.getByTestId('settings-save'));
    await waitFor(() =>
      expect(calls).toContainEqual({ path: '/settings', method: 'PATCH', body: { login: { maxFailures: 3 }, hotlines: { DINKES: '119 ext' } } }),
    );
    expect(await screen.findByText('batas ditolak server')).toBeTruthy();
    expect(screen.getByText('nomor ditolak server')).toBeTruthy();
    expect(screen.getAllByRole('alert').some((alert) => alert.textContent?.includes('Pengaturan tidak disimpan'))).toBe(true);
  });

  it('removes a hotline and resets a changed setting to its environment default', async () => {
    renderPage((path, method) => (path === '/settings' && method === 'PATCH' ? { status: 200, body: SETTINGS } : undefined));
    fireEvent.click(await screen.findByTestId('hotline-remove'));
    fireEvent.click(screen.getByTestId('settings-save'));
    await waitFor(() => expect(calls).toContainEqual({ path: '/settings', method: 'PATCH', body: { hotlines: {} } }));
    fireEvent.click(screen.getByTestId('setting-reset-slaSeconds.critical'));
    await waitFor(() => expect(calls).toContainEqual({ path: '/settings', method: 'PATCH', body: { slaSeconds: { critical: null } } }));
    expect(screen.queryByTestId('setting-reset-slaSeconds.high')).toBeNull();
  });
});
