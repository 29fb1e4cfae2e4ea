import { afterEach, describe, expect, it, vi } from 'vitest';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { templateVariablesIn, type Mention, type MentionViewer, type RenderTemplateResult, type ReplyTemplateView, type ReplyView, type Role } from '@sigap/contracts';
import { applyReplyUpdate, authStore, collabKeys, replyKeys } from '@sigap/dashboard/data-access';
import { dashboardTheme, initI18n } from '@sigap/dashboard/ui';
import { ReplyComposer } from './reply-composer';

const mention: Mention = {
  id: '00000000-0000-4000-8000-000000000001',
  seq: 7,
  channel: 'x',
  externalId: 'ext-7',
  text: 'Sampah numpuk di pasar',
  author: { handle: 'warga', name: 'Siti', followers: null, verified: false },
  postedAt: '2026-03-12T07:00:00.000Z',
  receivedAt: '2026-03-12T07:00:01.000Z',
  url: null,
  inReplyTo: null,
  media: [],
  location: null,
  status: 'baru',
  urgency: 'normal',
  score: 40,
  opdCodes: ['DLH'],
  kecamatanCode: null,
  tags: { urgency: 'normal', score: 40, opd: [{ code: 'DLH', confidence: 0.7 }], kecamatan: null, kelurahan: null, topic: null, reasons: [], ruleSetVersion: 'test' },
  clusterId: null,
  clusterSize: 1,
  claimedBy: null,
  claimedAt: null,
  assignedTo: null,
  ticketNumber: 'BDG-2026-000007',
  labels: [],
  escalationLevel: 0,
  followUpOf: null,
  followUpCount: 0,
};

const template: ReplyTemplateView = {
  id: 't-1',
  title: 'Sampah diangkut',
  body: 'Halo {nama}, sampah di {kecamatan} segera diangkut.',
  category: 'sampah',
  scope: 'all',
  opdCode: null,
  incidentId: null,
  usageCount: 3,
  archived: false,
  createdBy: null,
  updatedBy: null,
  createdAt: '2026-03-01T00:00:00.000Z',
  updatedAt: '2026-03-01T00:00:00.000Z',
};

const reply = (overrides: Partial<ReplyView> = {}): ReplyView => ({
  id: 'r-1',
  mentionId: mention.id,
  author: { id: 'u-1', name: 'Admin DLH' },
  text: 'Halo Siti, sampah di Cibiru segera diangkut.',
  templateId: template.id,
  status: 'antri',
  direct: false,
  reviewedBy: null,
  reviewedAt: null,
  reviewComment: null,
  attempts: 0,
  lastError: null,
  sentAt: null,
  externalUrl: null,
  createdAt: '2026-03-12T08:00:00.000Z',
  updatedAt: '2026-03-12T08:00:00.000Z',
  ...overrides,
});

const login = (role: Role): void => {
  authStore.setFromLogin({ accessToken: 'token', expiresIn: 3600, user: { id: 'u-1', email: 'a@b.c', name: 'Admin DLH', role, opds: ['DLH'] } });
};

const json = (status: number, body: unknown): Response => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/** A server that renders the template like the API does: `{kecamatan}` only once the caller gives it. */
const serve = (existing: ReplyView[] = []) => {
  const posted: { url: string; body: unknown }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const body = init?.body ? JSON.parse(String(init.body)) : undefined;
      if (init?.method === 'POST') posted.push({ url, body });
      if (url.startsWith('/api/v1/templates?')) return json(200, [template]);
      if (url.endsWith('/render')) {
        const variables: Record<string, string> = { nama: 'Siti', ...body.variables };
        let text = template.body;
        const missing = templateVariablesIn(template.body).filter((name) => !variables[name]);
        for (const [name, value] of Object.entries(variables)) text = text.replaceAll(`{${name}}`, value);
        return json(200, { text, missing, variables } satisfies RenderTemplateResult);
      }
      if (url.endsWith(`/mentions/${mention.id}/replies`) && init?.method === 'POST') return json(201, reply({ text: 'terkirim ke server' }));
      if (url.endsWith(`/mentions/${mention.id}/replies`)) return json(200, existing);
      if (url.endsWith('/retry')) return json(200, reply({ status: 'antri', lastError: null }));
      return json(404, { statusCode: 404, code: 'NOT_FOUND', message: 'not found' });
    }),
  );
  return posted;
};

const newClient = (): QueryClient => new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });

const renderComposer = (client = newClient()) => {
  render(
    <QueryClientProvider client={client}>
      <MantineProvider theme={dashboardTheme}>
        <I18nextProvider i18n={initI18n('id')}>
          <ReplyComposer mention={mention} />
        </I18nextProvider>
      </MantineProvider>
    </QueryClientProvider>,
  );
  return client;
};

const sendButton = () => screen.getByTestId<HTMLButtonElement>('reply-send');

describe('ReplyComposer', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    authStore.clear();
  });

  it('is hidden for a liaison', () => {
    login('liaison');
    serve();
    renderComposer();
    expect(screen.queryByTestId('reply-composer')).toBeNull();
  });

  it('flags a missing variable and keeps Send disabled until it is filled', async () => {
    login('admin');
    const posted = serve();
    renderComposer();

    fireEvent.click(screen.getByTestId('reply-template-picker'));
    fireEvent.click(await screen.findByText('Sampah diangkut · sampah'));

    const warning = await screen.findByTestId('reply-missing');
    expect(warning.textContent).toContain('{kecamatan}');
    expect(sendButton().disabled).toBe(true);
    expect(screen.getByTestId('reply-preview').textContent).toBe('Halo Siti, sampah di {kecamatan} segera diangkut.');

    fireEvent.change(screen.getByTestId('reply-variable-kecamatan'), { target: { value: 'Cibiru' } });
    await waitFor(() => expect(screen.getByTestId('reply-preview').textContent).toBe('Halo Siti, sampah di Cibiru segera diangkut.'));
    await waitFor(() => expect(sendButton().disabled).toBe(false));
    expect(screen.queryByTestId('reply-missing')).toBeNull();

    fireEvent.click(sendButton());
    await screen.findByText('Balasan tersimpan: Antri.');
    expect(posted.filter((p) => p.url.endsWith('/replies'))).toEqual([
      { url: `/api/v1/mentions/${mention.id}/replies`, body: { templateId: template.id, variables: { kecamatan: 'Cibiru' } } },
    ]);
    // The form starts again: no preview of the reply just sent is left behind.
    await waitFor(() => expect(screen.queryByTestId('reply-preview')).toBeNull());
  });

  it('warns while a colleague types on the same mention too', () => {
    login('admin');
    serve();
    const client = newClient();
    client.setQueryData<MentionViewer[]>(collabKeys.mentionPresence(mention.id), [{ id: 'u-2', name: 'Budi', typing: true }]);
    renderComposer(client);
    fireEvent.click(screen.getByText('Teks bebas'));
    expect(screen.queryByTestId('reply-collision')).toBeNull();
    fireEvent.change(screen.getByTestId('reply-text'), { target: { value: 'Terima kasih, tim' } });
    expect(screen.getByTestId('reply-collision').textContent).toContain('Budi juga sedang mengetik');
    fireEvent.change(screen.getByTestId('reply-text'), { target: { value: '' } });
    expect(screen.queryByTestId('reply-collision')).toBeNull();
  });

  it('marks the field the `r` key focuses in every mode', () => {
    login('admin');
    serve();
    renderComposer();
    expect(screen.getByTestId('reply-template-picker').hasAttribute('data-reply-input')).toBe(true);
    fireEvent.click(screen.getByText('Teks bebas'));
    expect(screen.getByTestId('reply-text').hasAttribute('data-reply-input')).toBe(true);
    fireEvent.click(screen.getByText('Sudah dibalas'));
    expect(screen.getByTestId('reply-link').hasAttribute('data-reply-input')).toBe(true);
    expect(document.querySelectorAll('[data-reply-input]')).toHaveLength(1);
  });

  it('marks a mention answered directly only with an http(s) link', async () => {
    login('admin');
    const posted = serve();
    renderComposer();
    fireEvent.click(screen.getByText('Sudah dibalas'));
    const link = screen.getByTestId('reply-link');
    fireEvent.change(link, { target: { value: 'javascript:alert(1)' } });
    expect(sendButton().disabled).toBe(true);
    fireEvent.change(link, { target: { value: 'https://x.com/pemkot/status/1' } });
    expect(sendButton().disabled).toBe(false);
    fireEvent.click(sendButton());
    await waitFor(() => expect(posted.map((p) => p.body)).toEqual([{ direct: true, link: 'https://x.com/pemkot/status/1' }]));
  });

  it('shows replies with their live status and sends a failed one again', async () => {
    login('admin');
    const posted = serve([reply({ status: 'gagal', attempts: 5, lastError: 'webhook answered 500' })]);
    const client = renderComposer();
    const item = await screen.findByTestId('reply-item');
    expect(within(item).getByTestId('reply-status').textContent).toBe('Gagal');
    expect(item.textContent).toContain('webhook answered 500');

    fireEvent.click(within(item).getByTestId('reply-retry'));
    await waitFor(() => expect(within(screen.getByTestId('reply-item')).getByTestId('reply-status').textContent).toBe('Antri'));
    expect(posted.map((p) => p.url)).toEqual(['/api/v1/replies/r-1/retry']);

    // The outbox delivers: the live update reaches the list without a reload; an older one is ignored.
    applyReplyUpdate(client, reply({ status: 'terkirim', updatedAt: '2026-03-12T08:01:00.000Z' }));
    await waitFor(() => expect(screen.getByTestId('reply-status').textContent).toBe('Terkirim'));
    applyReplyUpdate(client, reply({ status: 'antri', updatedAt: '2026-03-12T08:00:30.000Z' }));
    expect(client.getQueryData<ReplyView[]>(replyKeys.ofMention(mention.id))?.[0].status).toBe('terkirim');
  });
});
