import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import type { DeskPersonView, OnCallView, Role, RotaShiftView } from '@sigap/contracts';
import { authStore } from '@sigap/dashboard/data-access';
import { dashboardTheme, initI18n } from '@sigap/dashboard/ui';
import { RotaPage } from './rota-page';

const shift = (id: string, name: string, startsAt: string, endsAt: string, roleInShift: 'admin' | 'supervisor' = 'admin'): RotaShiftView => ({
  id,
  opdCode: 'DLH',
  user: { id: `u-${id}`, name },
  startsAt,
  endsAt,
  roleInShift,
  createdBy: null,
  createdAt: '2026-12-01T00:00:00.000Z',
});

const shifts = [shift('s1', 'Asep DLH', '2026-12-01T00:00:00.000Z', '2026-12-01T08:00:00.000Z'), shift('s2', 'Budi DLH', '2026-12-01T08:00:00.000Z', '2026-12-01T16:00:00.000Z')];
const onCall: OnCallView[] = [{ opdCode: 'DLH', now: [shifts[0]], next: [shifts[1]] }];
const people: DeskPersonView[] = [
  { id: 'u-asep', name: 'Asep DLH', role: 'admin', opds: ['DLH'] },
  { id: 'u-dina', name: 'Dina Dishub', role: 'admin', opds: ['DISHUB'] },
  { id: 'u-spv', name: 'Sari Supervisor', role: 'supervisor', opds: [] },
];

const calls: { path: string; method: string; body: unknown }[] = [];

const renderPage = (role: Role) => {
  calls.length = 0;
  authStore.setFromLogin({ accessToken: 'token', expiresIn: 3600, user: { id: 'me', email: 'me@sigap.test', name: 'Saya', role, opds: role === 'admin' ? ['DLH'] : [] } });
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const path = url.replace('/api/v1', '');
      const method = init?.method ?? 'GET';
      const body = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
      calls.push({ path, method, body });
      const route = path.split('?')[0];
      const answer: { status: number; body?: unknown } =
        route === '/reference/opds'
          ? { status: 200, body: [
                { code: 'DLH', name: 'Lingkungan Hidup', kind: 'opd', active: true },
                { code: 'DISHUB', name: 'Perhubungan', kind: 'opd', active: true },
                { code: 'DISTARU', name: 'Dinas yang dibubarkan', kind: 'opd', active: false },
              ] }
          : route === '/rota/on-call'
            ? { status: 200, body: onCall }
            : route === '/rota/people'
              ? { status: 200, body: people }
              : route === '/rota' && method === 'GET'
                ? { status: 200, body: path.includes('opd=DLH') ? shifts : [] }
                : route === '/rota' && method === 'POST'
                  ? { status: 201, body: shift('s3', 'Asep DLH', body.startsAt, body.endsAt) }
                  : method === 'DELETE'
                    ? { status: 204 }
                    : { status: 404, body: { statusCode: 404, code: 'NOT_FOUND', message: 'no mock' } };
      return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), { status: answer.status, headers: { 'Content-Type': 'application/json' } });
    }),
  );
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <MantineProvider theme={dashboardTheme}>
      <I18nextProvider i18n={initI18n('id')}>
        <QueryClientProvider client={queryClient}>
          <RotaPage />
        </QueryClientProvider>
      </I18nextProvider>
    </MantineProvider>,
  );
};

describe('RotaPage', () => {
  afterEach(() => {
    authStore.clear();
    vi.unstubAllGlobals();
  });

  it('shows who is on call now and next, and the shifts of the chosen OPD', async () => {
    renderPage('supervisor');
    expect(await screen.findByText('Jadwal piket')).toBeTruthy();
    await waitFor(() => expect(within(screen.getByTestId('on-call-now')).getByText('Asep DLH')).toBeTruthy());
    expect(within(screen.getByTestId('on-call-next')).getByText('Budi DLH')).toBeTruthy();
    expect(await screen.findAllByTestId('rota-row')).toHaveLength(2);
  });

  it('lets a supervisor add a shift for an admin of the OPD, and remove one', async () => {
    renderPage('supervisor');
    const person = (await screen.findByTestId('add-shift-person')) as HTMLSelectElement;
    await waitFor(() => expect(within(person).queryByText('Asep DLH')).toBeTruthy());
    // Admins of other OPDs and supervisors are not offered for an admin shift.
    expect(within(person).queryByText('Dina Dishub')).toBeNull();
    expect(within(person).queryByText('Sari Supervisor')).toBeNull();
    fireEvent.change(person, { target: { value: 'u-asep' } });
    fireEvent.click(screen.getByTestId('add-shift-submit'));
    await screen.findByText('Jadwal disimpan');
    const post = calls.find((call) => call.method === 'POST');
    expect(post?.body).toMatchObject({ opdCode: 'DLH', userId: 'u-asep', roleInShift: 'admin' });

    fireEvent.click((await screen.findAllByRole('button', { name: 'Hapus jadwal Asep DLH' }))[0]);
    await waitFor(() => expect(calls.some((call) => call.method === 'DELETE' && call.path === '/rota/s1')).toBe(true));
  });

  it('does not offer an inactive OPD, which takes no new shifts', async () => {
    renderPage('supervisor');
    const select = (await screen.findByTestId('rota-opd')) as HTMLSelectElement;
    await waitFor(() => expect(select.options.length).toBe(2));
    expect([...select.options].map((option) => option.value)).toEqual(['DLH', 'DISHUB']);
  });

  it('is read-only for an admin, who sees only their OPDs', async () => {
    renderPage('admin');
    expect(await screen.findByText('Hanya supervisor yang dapat mengubah jadwal.')).toBeTruthy();
    expect(screen.queryByTestId('add-shift-form')).toBeNull();
    const select = screen.getByTestId('rota-opd') as HTMLSelectElement;
    await waitFor(() => expect(select.options.length).toBe(1));
    expect(select.value).toBe('DLH');
    expect(calls.some((call) => call.path.startsWith('/rota/people'))).toBe(false);
  });
});
