import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { FOLLOW_UP_FIELD_ERRORS, type Mention, type MentionFollowUpState, type Role } from '@sigap/contracts';
import { authStore, queryKeys } from '@sigap/dashboard/data-access';
import { newTestQueryClient, renderInApp } from '@sigap/dashboard/ui/testing';
import { MentionFollowUpSection } from './mention-follow-up';

/** Where the inbox stands while the part is shown. */
const PATH = '/?urgency=high';

const ROOT = '00000000-0000-4000-8000-000000000007';
const MENTION = '00000000-0000-4000-8000-000000000009';

const mentionOf = (overrides: Partial<Mention> = {}): Mention => ({
  id: MENTION,
  seq: 9,
  channel: 'x',
  externalId: 'x-9',
  text: 'air masih naik',
  author: { handle: 'warga', name: null, followers: null, verified: false },
  postedAt: '2026-11-28T09:00:00.000Z',
  receivedAt: '2026-11-28T09:00:01.000Z',
  url: null,
  inReplyTo: null,
  media: [],
  location: null,
  status: 'baru',
  urgency: 'high',
  score: 60,
  opdCodes: ['DSDABM'],
  kecamatanCode: null,
  tags: { urgency: 'high', score: 60, opd: [], kecamatan: null, kelurahan: null, topic: null, reasons: [], ruleSetVersion: 'v1' },
  clusterId: null,
  clusterSize: 1,
  claimedBy: null,
  claimedAt: null,
  assignedTo: null,
  ticketNumber: 'BDG-2026-000009',
  labels: [],
  escalationLevel: 0,
  followUpOf: null,
  followUpCount: 0,
  ...overrides,
});

const login = (role: Role): void => {
  authStore.setFromLogin({ accessToken: 'token', expiresIn: 3600, user: { id: 'u-1', email: 'a@b.c', name: 'A', role, opds: ['DSDABM'] } });
};

const json = (status: number, body: unknown): Response => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

const stateOf = (followUpOf: MentionFollowUpState['followUpOf']): MentionFollowUpState => ({
  id: MENTION,
  status: 'baru',
  claimedBy: null,
  claimedAt: null,
  assignedTo: null,
  opdCodes: ['DSDABM'],
  labels: [],
  escalationLevel: 0,
  followUpOf,
});

/** Answers the follow-up route with `answer` and records what was posted. */
const serve = (answer: (body: { ticketNumber: string | null }) => Response): unknown[] => {
  const posted: unknown[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      if (url.endsWith('/follow-up')) {
        const body = JSON.parse(String(init?.body)) as { ticketNumber: string | null };
        posted.push(body);
        return answer(body);
      }
      return json(404, { statusCode: 404, code: 'NOT_FOUND', message: 'not found' });
    }),
  );
  return posted;
};

describe('MentionFollowUpSection', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    authStore.clear();
  });

  it('shows the ticket followed up and the follow-up count to a liaison, without the link action', () => {
    login('liaison');
    serve(() => json(500, {}));
    renderInApp(<MentionFollowUpSection mention={mentionOf({ followUpOf: { mentionId: ROOT, ticketNumber: 'BDG-2026-000007' }, followUpCount: 2 })} />, { path: PATH });
    expect(screen.getByTestId('mention-follow-up-of').textContent).toBe('Lanjutan tiket BDG-2026-000007');
    expect(screen.getByTestId('mention-follow-up-count').textContent).toBe('2 pesan lanjutan');
    expect(screen.getByTestId('mention-follow-up-count').getAttribute('href')).toBe(`/?q=BDG-2026-000009&m=${MENTION}`);
    expect(screen.queryByTestId('mention-follow-up-edit')).toBeNull();
    expect(screen.queryByTestId('mention-follow-up-unlink')).toBeNull();
  });

  it('renders nothing for a liaison on a mention outside any thread', () => {
    login('liaison');
    serve(() => json(500, {}));
    renderInApp(<MentionFollowUpSection mention={mentionOf()} />, { path: PATH });
    expect(screen.queryByTestId('mention-follow-up')).toBeNull();
  });

  it('opens the ticket’s mention in the same list', () => {
    login('admin');
    serve(() => json(500, {}));
    renderInApp(<MentionFollowUpSection mention={mentionOf({ followUpOf: { mentionId: ROOT, ticketNumber: 'BDG-2026-000007' } })} />, { path: PATH });
    fireEvent.click(screen.getByTestId('mention-follow-up-of'));
    expect(screen.getByTestId('address').textContent).toBe(`/?urgency=high&m=${ROOT}`);
  });

  it('refuses a malformed number before asking the server, then shows the server’s field error next to the field', async () => {
    login('admin');
    const posted = serve(() => json(400, { statusCode: 400, code: 'VALIDATION_FAILED', message: 'invalid', details: [{ field: 'ticketNumber', message: FOLLOW_UP_FIELD_ERRORS.cycle }] }));
    renderInApp(<MentionFollowUpSection mention={mentionOf()} />, { path: PATH });
    fireEvent.click(screen.getByTestId('mention-follow-up-edit'));
    const input = screen.getByTestId('mention-follow-up-input');
    fireEvent.change(input, { target: { value: 'tiket 7' } });
    fireEvent.click(screen.getByTestId('mention-follow-up-save'));
    expect(await screen.findByText('Bukan nomor tiket (contoh BDG-2026-000123).')).toBeTruthy();
    expect(posted).toEqual([]);

    fireEvent.change(input, { target: { value: 'bdg-2026-000007' } });
    fireEvent.click(screen.getByTestId('mention-follow-up-save'));
    expect(await screen.findByText('Tiket itu adalah lanjutan dari pesan ini; tautan akan berputar.')).toBeTruthy();
    expect(posted).toEqual([{ ticketNumber: 'bdg-2026-000007' }]);
    expect(input.getAttribute('aria-invalid')).toBe('true');
  });

  it('says a ticket outside the admin’s OPDs is not found', async () => {
    login('admin');
    serve(() => json(404, { statusCode: 404, code: 'NOT_FOUND', message: 'ticket not found' }));
    renderInApp(<MentionFollowUpSection mention={mentionOf()} />, { path: PATH });
    fireEvent.click(screen.getByTestId('mention-follow-up-edit'));
    fireEvent.change(screen.getByTestId('mention-follow-up-input'), { target: { value: 'BDG-2026-000123' } });
    fireEvent.click(screen.getByTestId('mention-follow-up-save'));
    expect(await screen.findByText('Tiket tidak ditemukan atau di luar OPD Anda.')).toBeTruthy();
  });

  it('links, shows the link in the cached mention, and unlinks', async () => {
    login('admin');
    const client = newTestQueryClient();
    client.setQueryData(queryKeys.mentionDetail(MENTION), mentionOf());
    const posted = serve((body) => json(200, stateOf(body.ticketNumber ? { mentionId: ROOT, ticketNumber: 'BDG-2026-000007' } : null)));
    const view = renderInApp(<MentionFollowUpSection mention={mentionOf()} />, { client, path: PATH });
    fireEvent.click(screen.getByTestId('mention-follow-up-edit'));
    fireEvent.change(screen.getByTestId('mention-follow-up-input'), { target: { value: ' BDG-2026-000007 ' } });
    fireEvent.click(screen.getByTestId('mention-follow-up-save'));
    expect((await screen.findByTestId('mention-follow-up-notice')).textContent).toBe('Tertaut ke tiket BDG-2026-000007.');
    expect(posted).toEqual([{ ticketNumber: 'BDG-2026-000007' }]);
    const cached = client.getQueryData<Mention>(queryKeys.mentionDetail(MENTION));
    expect(cached?.followUpOf).toEqual({ mentionId: ROOT, ticketNumber: 'BDG-2026-000007' });

    if (!cached) throw new Error('no cached mention');
    view.unmount();
    renderInApp(<MentionFollowUpSection mention={cached} />, { client, path: PATH });
    fireEvent.click(screen.getByTestId('mention-follow-up-unlink'));
    await waitFor(() => expect(screen.getByTestId('mention-follow-up-notice').textContent).toBe('Tautan tiket dilepas.'));
    expect(posted).toEqual([{ ticketNumber: 'BDG-2026-000007' }, { ticketNumber: null }]);
    expect(client.getQueryData<Mention>(queryKeys.mentionDetail(MENTION))?.followUpOf).toBeNull();
  });
});
