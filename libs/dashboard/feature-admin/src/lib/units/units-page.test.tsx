import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import type { DeskSettingsView, OpdView } from '@sigap/contracts';
import { authStore } from '@sigap/dashboard/data-access';
import { dashboardTheme, initI18n } from '@sigap/dashboard/ui';
import { UnitsPage } from './units-page';

type Handler = (path: string, method: string, body: unknown) => { status: number; body?: unknown } | undefined;

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

const calls: { path: string; method: string; body: unknown }[] = [];

const renderPage = (handler: Handler = () => undefined) => {
  calls.length = 0;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const path = url.replace('/api/v1', '');
      const method = init?.method ?? 'GET';
      const body = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
      calls.push({ path, method, body });
      const answer =
        handler(path, method, body) ??
        (path === '/reference/opds' && method === 'GET'
          ? { status: 200, body: OPDS }
          : path === '/settings'
            ? { status: 200, body: SETTINGS }
            : { status: 404, body: { statusCode: 404, code: 'NOT_FOUND', message: `no mock for ${method} ${path}` } });
      return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), { status: answer.status, headers: { 'Content-Type': 'application/json' } });
    }),
  );
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <MantineProvider theme={dashboardTheme}>
      <I18nextProvider i18n={initI18n('id')}>
        <QueryClientProvider client={queryClient}>
          <UnitsPage />
        </QueryClientProvider>
      </I18nextProvider>
    </MantineProvider>,
  );
};

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
