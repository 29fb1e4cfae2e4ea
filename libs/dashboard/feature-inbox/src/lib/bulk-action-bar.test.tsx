import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import type { MentionBulkResult } from '@sigap/contracts';
import { dashboardTheme, initI18n } from '@sigap/dashboard/ui';
import { BulkActionBar } from './bulk-action-bar';

const result: MentionBulkResult = {
  total: 500,
  succeeded: 498,
  failed: [
    { id: '11111111-aaaa-4bbb-8ccc-000000000001', code: 'CONFLICT', message: 'a mention that is "selesai" cannot become "spam"' },
    { id: '11111111-aaaa-4bbb-8ccc-000000000002', code: 'NOT_FOUND', message: 'mention not found' },
  ],
};

const renderBar = (supervisor: boolean) => {
  const requests: unknown[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      if (url.includes('/mentions/bulk')) {
        requests.push(JSON.parse(String(init?.body)));
        return new Response(JSON.stringify(result), { status: 200, headers: { 'Content-Type': 'application/json' } });
      }
      if (url.includes('/templates')) {
        return new Response(JSON.stringify([{ id: 'tpl-1', title: 'Sampah segera diangkut', body: 'Halo {nama}', category: 'sampah', scope: 'all' }]), {
          status: 200,
          headers: { 'Content-Type': 'application/json' },
        });
      }
      return new Response(JSON.stringify([{ id: 'u-1', name: 'Asep DLH', role: 'admin', opds: ['DLH'] }]), { status: 200, headers: { 'Content-Type': 'application/json' } });
    }),
  );
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  render(
    <MantineProvider theme={dashboardTheme}>
      <I18nextProvider i18n={initI18n('id')}>
        <QueryClientProvider client={queryClient}>
          <BulkActionBar ids={['a', 'b']} supervisor={supervisor} onClear={() => undefined} />
        </QueryClientProvider>
      </I18nextProvider>
    </MantineProvider>,
  );
  return requests;
};

describe('BulkActionBar', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('sets a status on the checked mentions and reports what failed and why', async () => {
    const requests = renderBar(false);
    expect(screen.getByText('2 dipilih')).toBeTruthy();
    fireEvent.change(screen.getByTestId('bulk-status'), { target: { value: 'selesai' } });
    fireEvent.click(screen.getByRole('button', { name: 'Terapkan' }));
    expect(await screen.findByText('498 berhasil, 2 gagal')).toBeTruthy();
    expect(screen.getByText('11111111: Data tidak ditemukan atau di luar OPD Anda.')).toBeTruthy();
    expect(requests).toEqual([{ ids: ['a', 'b'], action: { kind: 'status', status: 'selesai' } }]);
    expect(screen.queryByTestId('bulk-assign')).toBeNull();
  });

  it('adds labels, lower-cased and split on commas', async () => {
    const requests = renderBar(true);
    fireEvent.change(screen.getByTestId('bulk-tag'), { target: { value: 'Banjir, gedebage ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Tambah label' }));
    await screen.findByTestId('bulk-result');
    expect(requests).toEqual([{ ids: ['a', 'b'], action: { kind: 'tag', add: ['banjir', 'gedebage'] } }]);
    expect(screen.getByTestId('bulk-assign')).toBeTruthy();
  });

  it('replies to the checked mentions with a chosen template', async () => {
    const requests = renderBar(false);
    const send = screen.getByTestId('bulk-reply-send');
    expect(send.textContent).toBe('Kirim ke 2 aduan');
    expect((send as HTMLButtonElement).disabled).toBe(true);
    await screen.findByRole('option', { name: 'Sampah segera diangkut' });
    fireEvent.change(screen.getByTestId('bulk-reply-template'), { target: { value: 'tpl-1' } });
    fireEvent.click(screen.getByTestId('bulk-reply-send'));
    expect(await screen.findByText('498 berhasil, 2 gagal')).toBeTruthy();
    expect(requests).toEqual([{ ids: ['a', 'b'], action: { kind: 'reply', templateId: 'tpl-1' } }]);
  });
});
