import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ChannelView, CreatedChannelKey, Role } from '@sigap/contracts';
import { authStore } from '@sigap/dashboard/data-access';
import { renderWithApi, type ApiCall, type ApiHandler } from '../../testing/render-with-api';
import { ChannelsPage } from './channels-page';

const KEY = 'sgp_x_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde';

const CHANNELS: ChannelView[] = [
  {
    code: 'x',
    label: 'X (Twitter)',
    account: '@humasbdg',
    enabled: true,
    updatedAt: '2026-11-28T01:00:00.000Z',
    keys: [
      { id: 'k-1', name: 'Konektor produksi', prefix: 'sgp_x_AbCdEf', createdAt: '2026-11-27T01:00:00.000Z', createdBy: 'u-super', lastUsedAt: '2026-11-28T01:00:00.000Z', revokedAt: null },
      { id: 'k-0', name: 'Kunci lama', prefix: 'sgp_x_ZyXwVu', createdAt: '2026-11-20T01:00:00.000Z', createdBy: 'u-super', lastUsedAt: null, revokedAt: '2026-11-21T01:00:00.000Z' },
    ],
    stats: { received24h: 1234, lastReceivedAt: '2026-11-28T01:00:00.000Z' },
  },
  {
    code: 'tiktok',
    label: 'TikTok',
    account: null,
    enabled: false,
    updatedAt: '2026-11-28T01:00:00.000Z',
    keys: [],
    stats: { received24h: 0, lastReceivedAt: null },
  },
];

const CREATED: CreatedChannelKey = {
  key: KEY,
  view: { id: 'k-2', name: 'Konektor cadangan', prefix: KEY.slice(0, 12), createdAt: '2026-11-28T02:00:00.000Z', createdBy: 'u-super', lastUsedAt: null, revokedAt: null },
};

const calls: ApiCall[] = [];

const renderAs = (role: Role, handler: ApiHandler = () => undefined) => {
  authStore.setFromLogin({ accessToken: 'token', expiresIn: 3600, user: { id: `u-${role}`, email: 's@b.id', name: 'Nama', role, opds: [] } });
  return renderWithApi(<ChannelsPage />, (path, method, body) => handler(path, method, body) ?? (path === '/channels' && method === 'GET' ? { status: 200, body: CHANNELS } : undefined), calls);
};

describe('ChannelsPage', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    authStore.clear();
  });

  it('lists channels with account, switch, 24 h count, last message and keys, in Bahasa Indonesia', async () => {
    renderAs('superadmin');
    const rows = await screen.findAllByTestId('channel-row');
    expect(rows).toHaveLength(2);
    expect(within(rows[0]).getByText('@humasbdg')).toBeTruthy();
    expect(within(rows[0]).getByTestId('channel-received').textContent).toBe('1.234');
    expect(within(rows[1]).getByText('Belum diisi')).toBeTruthy();
    expect(within(rows[1]).getByText('Belum pernah')).toBeTruthy();
    expect(within(rows[1]).getByText('Belum ada kunci')).toBeTruthy();
    // Off is said in words, not only by the switch and the grey.
    expect(within(rows[1]).getByTestId('channel-disabled').textContent).toBe('Nonaktif');
    expect(within(rows[0]).queryByTestId('channel-disabled')).toBeNull();
    const keys = within(rows[0]).getAllByTestId('channel-key');
    expect(keys.map((key) => key.getAttribute('data-revoked'))).toEqual(['false', 'true']);
    expect(keys[0].textContent).toContain('sgp_x_AbCdEf…');
    expect(keys[1].textContent).toContain('Dicabut');
    // Only the active key can be revoked.
    expect(within(keys[1]).queryByTestId('channel-revoke-key')).toBeNull();
    expect((screen.getAllByTestId('channel-enabled') as HTMLInputElement[]).map((input) => input.checked)).toEqual([true, false]);
    expect(screen.queryByTestId('channels-read-only')).toBeNull();
  });

  it('switches a channel on', async () => {
    renderAs('superadmin', (path, method) => (method === 'PATCH' ? { status: 200, body: { ...CHANNELS[1], enabled: true } } : undefined));
    await screen.findAllByTestId('channel-row');
    fireEvent.click(screen.getAllByTestId('channel-enabled')[1]);
    await waitFor(() => expect(calls).toContainEqual({ path: '/channels/tiktok', method: 'PATCH', body: { enabled: true } }));
    expect(await screen.findByText('Kanal TikTok disimpan.')).toBeTruthy();
  });

  it('creates a key and shows it once with a copy button and a warning', async () => {
    renderAs('superadmin', (path, method) => (path === '/channels/x/keys' && method === 'POST' ? { status: 201, body: CREATED } : undefined));
    await screen.findAllByTestId('channel-row');
    fireEvent.click(screen.getAllByTestId('channel-create-key')[0]);
    fireEvent.change(await screen.findByTestId('channel-key-name'), { target: { value: ' Konektor cadangan ' } });
    fireEvent.click(screen.getByTestId('channel-key-submit'));
    await waitFor(() => expect(calls).toContainEqual({ path: '/channels/x/keys', method: 'POST', body: { name: 'Konektor cadangan' } }));
    expect((await screen.findByTestId('channel-key-value')).textContent).toBe(KEY);
    expect(screen.getByTestId('channel-key-copy')).toBeTruthy();
    expect(screen.getByText(/tidak akan ditampilkan lagi/)).toBeTruthy();

    fireEvent.click(screen.getByTestId('channel-key-done'));
    await waitFor(() => expect(screen.queryByTestId('channel-key-value')).toBeNull());
    expect(screen.queryByText(KEY)).toBeNull();
  });

  it('shows a refused key name next to the field', async () => {
    renderAs('superadmin', (path, method) =>
      method === 'POST'
        ? { status: 400, body: { statusCode: 400, code: 'VALIDATION_FAILED', message: 'name: must be 1-100 characters', details: [{ field: 'name', message: 'must be 1-100 characters' }] } }
        : undefined,
    );
    await screen.findAllByTestId('channel-row');
    fireEvent.click(screen.getAllByTestId('channel-create-key')[0]);
    fireEvent.change(await screen.findByTestId('channel-key-name'), { target: { value: 'x' } });
    fireEvent.click(screen.getByTestId('channel-key-submit'));
    expect(await screen.findByText('harus 1–100 karakter')).toBeTruthy();
    expect(screen.getByText(/^Gagal menyimpan: Periksa isian: nama\./)).toBeTruthy();
  });

  it('revokes a key after confirmation', async () => {
    renderAs('superadmin', (path, method) =>
      method === 'DELETE' ? { status: 200, body: { ...CHANNELS[0].keys[0], revokedAt: '2026-11-28T03:00:00.000Z' } } : undefined,
    );
    await screen.findAllByTestId('channel-row');
    fireEvent.click(screen.getByTestId('channel-revoke-key'));
    expect((await screen.findByTestId('channel-revoke-dialog')).textContent).toContain('sgp_x_AbCdEf…');
    expect(calls.filter((call) => call.method === 'DELETE')).toEqual([]);
    fireEvent.click(screen.getByTestId('channel-revoke-confirm'));
    await waitFor(() => expect(calls).toContainEqual({ path: '/channels/x/keys/k-1', method: 'DELETE', body: undefined }));
    expect(await screen.findByText('Kunci "Konektor produksi" dicabut.')).toBeTruthy();
  });

  it('edits label and account, showing a server field error next to its field', async () => {
    renderAs('superadmin', (path, method, body) => {
      if (method !== 'PATCH') return undefined;
      const { account } = body as { account: string };
      return account.length > 5
        ? { status: 400, body: { statusCode: 400, code: 'VALIDATION_FAILED', message: 'account: too long', details: [{ field: 'account', message: 'must be text of at most 200 characters, or null' }] } }
        : { status: 200, body: { ...CHANNELS[0], label: 'X Humas', account: null } };
    });
    await screen.findAllByTestId('channel-row');
    fireEvent.click(screen.getAllByTestId('channel-edit')[0]);
    fireEvent.change(await screen.findByTestId('channel-account'), { target: { value: '@akun-yang-panjang' } });
    fireEvent.click(screen.getByTestId('channel-edit-save'));
    expect(await screen.findByText('maksimal 200 karakter')).toBeTruthy();

    fireEvent.change(screen.getByTestId('channel-label'), { target: { value: ' X Humas ' } });
    fireEvent.change(screen.getByTestId('channel-account'), { target: { value: '' } });
    fireEvent.click(screen.getByTestId('channel-edit-save'));
    await waitFor(() => expect(calls).toContainEqual({ path: '/channels/x', method: 'PATCH', body: { label: 'X Humas', account: '' } }));
    expect(await screen.findByText('Kanal X Humas disimpan.')).toBeTruthy();
  });

  it('is read-only for supervisors', async () => {
    renderAs('supervisor');
    await screen.findAllByTestId('channel-row');
    expect(screen.getByTestId('channels-read-only')).toBeTruthy();
    expect(screen.queryByTestId('channel-create-key')).toBeNull();
    expect(screen.queryByTestId('channel-edit')).toBeNull();
    expect(screen.queryByTestId('channel-revoke-key')).toBeNull();
    expect((screen.getAllByTestId('channel-enabled') as HTMLInputElement[]).every((input) => input.disabled)).toBe(true);
  });
});
