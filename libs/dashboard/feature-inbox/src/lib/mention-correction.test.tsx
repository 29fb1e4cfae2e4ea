import type { ReactElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { correctedMarkerOf, type Mention, type MentionCorrectionView, type OpdView, type Role } from '@sigap/contracts';
import { authStore, emptyMentionFilters, queryKeys, type MentionListData } from '@sigap/dashboard/data-access';
import { dashboardTheme, initI18n } from '@sigap/dashboard/ui';
import { correctionRequest, MentionCorrectionSection } from './mention-correction';

const mention: Mention = {
  id: '00000000-0000-4000-8000-000000000001',
  seq: 7,
  channel: 'x',
  externalId: 'ext-7',
  text: 'Banjir di Gedebage',
  author: { handle: 'warga', name: null, followers: null, verified: false },
  postedAt: '2025-03-12T07:00:00.000Z',
  receivedAt: '2025-03-12T07:00:01.000Z',
  url: null,
  inReplyTo: null,
  media: [],
  location: null,
  status: 'baru',
  urgency: 'normal',
  score: 40,
  opdCodes: ['DLH', 'KEC-3273010'],
  kecamatanCode: null,
  tags: {
    urgency: 'normal',
    score: 40,
    opd: [
      { code: 'DLH', confidence: 0.7 },
      { code: 'KEC-3273010', confidence: 0.5 },
    ],
    kecamatan: null,
    kelurahan: null,
    topic: null,
    reasons: [],
    ruleSetVersion: 'test',
  },
  clusterId: null,
  clusterSize: 1,
  claimedBy: null,
  claimedAt: null,
  assignedTo: null,
  ticketNumber: 'BDG-2026-000001',
  labels: [],
  escalationLevel: 0,
  followUpOf: null,
  followUpCount: 0,
};

const opds: OpdView[] = [
  { code: 'DLH', name: 'Dinas Lingkungan Hidup', kind: 'opd', active: true },
  { code: 'DPU', name: 'Dinas Pekerjaan Umum', kind: 'opd', active: true },
];

const login = (role: Role): void => {
  authStore.setFromLogin({
    accessToken: 'token',
    expiresIn: 3600,
    user: { id: 'u-1', email: 'a@b.c', name: 'A', role, opds: [] },
  });
};

const json = (status: number, body: unknown): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/** Answers the reference list, the correction (with `answer`) and the refetch of the mention. */
const serve = (answer: (body: unknown) => Response): void => {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      if (url.startsWith('/api/v1/reference/opds')) return json(200, opds);
      if (url.endsWith('/corrections')) return answer(JSON.parse(String(init?.body)));
      return json(404, { statusCode: 404, code: 'NOT_FOUND', message: 'mention not found' });
    }),
  );
};

const renderSection = (client: QueryClient, ui: ReactElement) =>
  render(
    <QueryClientProvider client={client}>
      <MantineProvider theme={dashboardTheme}>
        <I18nextProvider i18n={initI18n('id')}>{ui}</I18nextProvider>
      </MantineProvider>
    </QueryClientProvider>,
  );

const newClient = (): QueryClient => new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });

describe('MentionCorrectionSection', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    authStore.clear();
  });

  it('is hidden for a liaison', () => {
    login('liaison');
    serve(() => json(500, {}));
    renderSection(newClient(), <MentionCorrectionSection mention={mention} />);
    expect(screen.queryByTestId('correction-form')).toBeNull();
  });

  it('posts only what changed and shows the saved correction in the cached list', async () => {
    login('admin');
    const client = newClient();
    const filters = emptyMentionFilters();
    client.setQueryData<MentionListData>(queryKeys.mentionList(filters), {
      pages: [{ items: [mention], nextCursor: null }],
      pageParams: [null],
    });
    const posted: unknown[] = [];
    serve((body) => {
      posted.push(body);
      const view: MentionCorrectionView = {
        id: 'c-1',
        mentionId: mention.id,
        userId: 'u-1',
        before: { urgency: 'normal', opd: ['DLH'] },
        after: { urgency: 'critical', opd: ['DLH'] },
        createdAt: '2025-03-12T08:00:00.000Z',
      };
      return json(201, view);
    });
    renderSection(client, <MentionCorrectionSection mention={mention} />);

    const urgency = screen.getByTestId<HTMLSelectElement>('correction-urgency');
    expect(urgency.value).toBe('normal');
    const save = screen.getByTestId<HTMLButtonElement>('correction-save');
    expect(save.disabled).toBe(true);

    fireEvent.change(urgency, { target: { value: 'critical' } });
    expect(save.disabled).toBe(false);
    fireEvent.click(save);

    await screen.findByText('Koreksi disimpan — dipakai untuk melatih model');
    expect(posted).toEqual([{ urgency: 'critical' }]);
    const item = client.getQueryData<MentionListData>(queryKeys.mentionList(filters))?.pages[0].items[0];
    expect(item?.urgency).toBe('critical');
    expect(item?.opdCodes).toEqual(['DLH', 'KEC-3273010']);
    expect(item && correctedMarkerOf(item.tags)?.before).toEqual({ urgency: 'normal', opd: ['DLH'] });
  });

  it('says in Indonesian why the correction was refused', async () => {
    login('admin');
    serve(() => json(404, { statusCode: 404, code: 'NOT_FOUND', message: 'mention not found' }));
    renderSection(newClient(), <MentionCorrectionSection mention={mention} />);

    fireEvent.change(screen.getByTestId('correction-urgency'), { target: { value: 'low' } });
    fireEvent.click(screen.getByTestId('correction-save'));

    const alert = await screen.findByTestId('correction-error');
    expect(alert.textContent).toBe('Koreksi gagal: Data tidak ditemukan atau di luar OPD Anda.');
    await waitFor(() => expect(screen.getByTestId<HTMLButtonElement>('correction-save').disabled).toBe(false));
  });
});

describe('correctionRequest', () => {
  it('leaves out what did not change and keeps the OPD order', () => {
    expect(correctionRequest(mention, 'normal', ['DLH'])).toBeNull();
    expect(correctionRequest(mention, 'high', ['DLH'])).toEqual({ urgency: 'high' });
    expect(correctionRequest(mention, 'normal', ['DPU', 'DLH'])).toEqual({ opd: ['DPU', 'DLH'] });
    expect(correctionRequest(mention, 'low', [])).toEqual({ urgency: 'low', opd: [] });
  });
});
