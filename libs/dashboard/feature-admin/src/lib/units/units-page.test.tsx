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

const SETTINGS: DeskSettingsView = {
  slaSeconds: { critical: 900, high: 3600, normal: 14400, low: 86400 },
  claimIdleSeconds: 1200,
  presenceTtlSeconds: 60,
  outboxWebhookConfigured: true,
  outboxSigned: false,
  notifyWebhookConfigured: false,
  hotlines: { DINKES: '119' },
  defaultHotline: '112',
  login: { maxFailures: 5, maxFailuresPerIp: 50, windowSeconds: 900 },
  environmentVariables: { 'slaSeconds.critical': 'SIGAP_SLA_CRITICAL_SECONDS', outboxWebhookConfigured: 'SIGAP_OUTBOX_WEBHOOK_URL' },
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

  it('shows the settings read-only, naming their environment variables', async () => {
    renderPage();
    const rows = await screen.findAllByTestId('setting-row');
    expect(rows[0].textContent).toContain('900 detik');
    expect(rows[0].textContent).toContain('SIGAP_SLA_CRITICAL_SECONDS');
    expect(screen.getByTestId('settings-panel').textContent).toContain('variabel lingkungan');
    expect(screen.getAllByText('Terpasang').length).toBeGreaterThan(0);
    expect(screen.queryByRole('textbox', { name: /SLA/ })).toBeNull();
  });
});
