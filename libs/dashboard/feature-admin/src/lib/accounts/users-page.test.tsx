import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { SessionView, UserAccount } from '@sigap/contracts';
import { authStore } from '@sigap/dashboard/data-access';
import { renderWithApi, type ApiCall, type ApiHandler } from '../../testing/render-with-api';
import { UsersPage } from './users-page';


const account = (overrides: Partial<UserAccount>): UserAccount => ({
  id: 'u-rina',
  email: 'rina@bandung.go.id',
  name: 'Rina DLH',
  role: 'admin',
  opds: ['DLH'],
  disabled: false,
  trainee: false,
  capacity: 10,
  telegramChatId: null,
  whatsappNumber: null,
  createdAt: '2026-11-01T00:00:00.000Z',
  lastLoginAt: null,
  ...overrides,
});

const session: SessionView = {
  id: 's-1',
  createdAt: '2026-11-28T01:00:00.000Z',
  expiresAt: '2026-11-28T13:00:00.000Z',
  lastSeenAt: '2026-11-28T02:00:00.000Z',
  revokedAt: null,
  ip: '10.0.0.7',
  userAgent: 'Firefox',
  active: true,
};

const calls: ApiCall[] = [];

const renderPage = (handler: ApiHandler) =>
  renderWithApi(
    <UsersPage />,
    (path, method, body) =>
      handler(path, method, body) ??
      (path === '/reference/opds'
        ? { status: 200, body: [{ code: 'DLH', name: 'Lingkungan Hidup', kind: 'opd' }, { code: 'DISHUB', name: 'Perhubungan', kind: 'opd' }] }
        : undefined),
    calls,
  );

describe('UsersPage', () => {
  beforeEach(() => {
    authStore.setFromLogin({ accessToken: 'token', expiresIn: 3600, user: { id: 'u-super', email: 's@b.id', name: 'Super', role: 'superadmin', opds: [] } });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    authStore.clear();
  });

  it('lists users with role, OPDs and state, in Bahasa Indonesia', async () => {
    renderPage((path) => {
      if (path === '/users') return { status: 200, body: [account({}), account({ id: 'u-2', name: 'Budi', role: 'supervisor', opds: [], disabled: true, trainee: true })] };
      return undefined;
    });
    const rows = await screen.findAllByTestId('user-row');
    expect(rows).toHaveLength(2);
    expect(within(rows[0]).getByText('Admin OPD')).toBeTruthy();
    expect(within(rows[0]).getByText('DLH')).toBeTruthy();
    expect(within(rows[0]).getByText('Belum pernah')).toBeTruthy();
    expect(within(rows[1]).getByText('Nonaktif')).toBeTruthy();
    expect(within(rows[1]).getByText('Magang')).toBeTruthy();
  });

  it('edits a user, sends only what changed, and shows the server’s field error', async () => {
    renderPage((path, method, body) => {
      if (path === '/users' && method === 'GET') return { status: 200, body: [account({})] };
      if (path === '/users/u-rina/sessions') return { status: 200, body: [session] };
      if (path === '/users/u-rina' && method === 'PATCH') {
        const changes = body as { capacity?: number };
        if (changes.capacity === 0) {
          return { status: 400, body: { statusCode: 400, code: 'VALIDATION_FAILED', message: 'x', details: [{ field: 'capacity', message: 'kapasitas ditolak' }] } };
        }
        return { status: 200, body: account({ ...changes }) };
      }
      return undefined;
    });
    fireEvent.click(within((await screen.findAllByTestId('user-row'))[0]).getByText('Ubah'));
    expect(await screen.findByText('Ubah pengguna: Rina DLH')).toBeTruthy();
    expect(await screen.findByText('10.0.0.7')).toBeTruthy();

    const capacity = screen.getByLabelText('Kapasitas (pesan sekaligus)');
    fireEvent.change(capacity, { target: { value: '0' } });
    fireEvent.click(screen.getByTestId('user-save'));
    expect(await screen.findByText('kapasitas ditolak')).toBeTruthy();
    expect(calls.find((call) => call.method === 'PATCH')?.body).toEqual({ capacity: 0 });

    fireEvent.change(capacity, { target: { value: '5' } });
    fireEvent.click(screen.getByTestId('user-save'));
    expect(await screen.findByText('Pengguna Rina DLH disimpan.')).toBeTruthy();
    expect(calls.filter((call) => call.method === 'PATCH').at(-1)?.body).toEqual({ capacity: 5 });
  });

  it('ends every session of a user from the edit form', async () => {
    renderPage((path, method) => {
      if (path === '/users' && method === 'GET') return { status: 200, body: [account({})] };
      if (path === '/users/u-rina/sessions') return { status: 200, body: [session] };
      if (path === '/users/u-rina/sessions/revoke' && method === 'POST') return { status: 200, body: { revoked: 1 } };
      return undefined;
    });
    fireEvent.click(within((await screen.findAllByTestId('user-row'))[0]).getByText('Ubah'));
    await screen.findByText('10.0.0.7');
    fireEvent.click(screen.getByTestId('revoke-sessions'));
    expect(await screen.findByText('1 sesi diakhiri.')).toBeTruthy();
    await waitFor(() => expect(calls.some((call) => call.path === '/users/u-rina/sessions/revoke')).toBe(true));
  });

  it('does not let a superadmin switch off their own account or role', async () => {
    renderPage((path, method) => {
      if (path === '/users' && method === 'GET') return { status: 200, body: [account({ id: 'u-super', name: 'Super', role: 'superadmin', opds: [] })] };
      if (path === '/users/u-super/sessions') return { status: 200, body: [] };
      return undefined;
    });
    fireEvent.click(within((await screen.findAllByTestId('user-row'))[0]).getByText('Ubah'));
    await screen.findByText('Ubah pengguna: Super');
    expect((screen.getByLabelText('Nonaktifkan akun (semua sesi diakhiri)') as HTMLInputElement).disabled).toBe(true);
  });
});
