import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { MentionTimeline, MentionViewer, MentionableUser } from '@sigap/contracts';
import { authStore, collabKeys } from '@sigap/dashboard/data-access';
import { newTestQueryClient, renderInApp } from '@sigap/dashboard/ui/testing';
import { NotesPanel } from './notes-panel';
import { PresenceStrip } from './presence-strip';
import { TimelinePanel } from './timeline-panel';

/** Where the inbox stands while the part is shown. */
const PATH = '/?q=banjir';

const MENTION = '00000000-0000-4000-8000-000000000001';

const json = (status: number, body: unknown): Response => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

const timeline: MentionTimeline = {
  mentionId: MENTION,
  items: [
    {
      kind: 'message',
      at: '2026-11-28T09:00:00.000Z',
      mentionId: MENTION,
      ticketNumber: 'BDG-2026-000001',
      current: true,
      linkedByTicket: false,
      followUpOf: null,
      channel: 'x',
      author: { handle: 'warga', name: null },
      text: '<b>sampah</b> numpuk',
      status: 'eskalasi',
    },
    { kind: 'claim', at: '2026-11-28T09:01:00.000Z', id: 1, action: 'mention.claim', actor: { id: 'u-2', name: 'Budi' } },
    {
      kind: 'status',
      at: '2026-11-28T09:02:00.000Z',
      id: 2,
      action: 'mention.status',
      actor: { id: 'u-2', name: 'Budi' },
      from: 'ditangani',
      to: 'eskalasi',
      reason: 'butuh alat berat',
    },
  ],
};

const mentionable: MentionableUser[] = [{ id: 'u-3', name: 'Siti Aminah', handle: 'siti', role: 'admin' }];

describe('collab panels', () => {
  beforeEach(() => {
    authStore.setFromLogin({ accessToken: 'token', expiresIn: 3600, user: { id: 'me', email: 'me@sigap.test', name: 'Saya', role: 'admin', opds: ['DLH'] } });
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        if (url.includes('/timeline')) return json(200, timeline);
        if (url.includes('/notes')) return json(200, []);
        if (url.includes('/users/mentionable')) return json(200, mentionable);
        return json(404, { statusCode: 404, code: 'NOT_FOUND', message: 'not found' });
      }),
    );
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    authStore.clear();
  });

  it('names the colleagues viewing and typing, leaving oneself out', () => {
    const client = newTestQueryClient();
    client.setQueryData<MentionViewer[]>(collabKeys.mentionPresence(MENTION), [
      { id: 'me', name: 'Saya', typing: true },
      { id: 'u-2', name: 'Budi', typing: false },
      { id: 'u-3', name: 'Siti', typing: true },
    ]);
    renderInApp(<PresenceStrip mentionId={MENTION} />, { client, path: PATH });
    expect(screen.getByTestId('presence-strip').textContent).toBe('Sedang dilihat oleh Budi dan Siti· Siti sedang mengetik…');
  });

  it('warns of a collision only while one types too, and completes @handles', async () => {
    const client = newTestQueryClient();
    client.setQueryData<MentionViewer[]>(collabKeys.mentionPresence(MENTION), [{ id: 'u-3', name: 'Siti', typing: true }]);
    renderInApp(<NotesPanel mentionId={MENTION} />, { client, path: PATH });
    expect(screen.queryByTestId('collision-warning')).toBeNull();
    const input = screen.getByTestId('note-input') as HTMLTextAreaElement;
    fireEvent.change(input, { target: { value: 'tolong @si', selectionStart: 10 } });
    expect(screen.getByTestId('collision-warning').textContent).toContain('Siti juga sedang mengetik');
    const option = await screen.findByRole('option');
    expect(option.textContent).toContain('@siti');
    fireEvent.mouseDown(option);
    expect(input.value).toBe('tolong @siti ');
  });

  it('shows the history in order with the reason of a status change, citizens’ text as text', async () => {
    renderInApp(<TimelinePanel mentionId={MENTION} />, { path: PATH });
    await waitFor(() => expect(screen.getByTestId('timeline')).toBeTruthy());
    const kinds = [...screen.getByTestId('timeline').querySelectorAll('[data-kind]')].map((node) => node.getAttribute('data-kind'));
    expect(kinds).toEqual(['message', 'claim', 'status']);
    expect(screen.getByText('Alasan: butuh alat berat')).toBeTruthy();
    expect(screen.getByText('<b>sampah</b> numpuk')).toBeTruthy();
    expect(screen.getByText('Budi menangani pesan ini')).toBeTruthy();
    expect(screen.queryByTestId('timeline-linked-by-ticket')).toBeNull();
  });

  it('shows the ticket thread: the ticket followed up, linked messages marked, each opening its mention', async () => {
    const TICKET = '00000000-0000-4000-8000-000000000007';
    const thread: MentionTimeline = {
      mentionId: MENTION,
      items: [
        {
          kind: 'message',
          at: '2026-11-28T08:00:00.000Z',
          mentionId: TICKET,
          ticketNumber: 'BDG-2026-000007',
          current: false,
          linkedByTicket: true,
          followUpOf: null,
          channel: 'instagram',
          author: { handle: 'ibu_rt', name: null },
          text: 'banjir di gang',
          status: 'ditangani',
        },
        {
          kind: 'message',
          at: '2026-11-28T09:00:00.000Z',
          mentionId: MENTION,
          ticketNumber: 'BDG-2026-000009',
          current: true,
          linkedByTicket: false,
          followUpOf: { mentionId: TICKET, ticketNumber: 'BDG-2026-000007' },
          channel: 'x',
          author: { handle: 'warga', name: null },
          text: 'masih banjir, tiket BDG-2026-000007',
          status: 'baru',
        },
        { kind: 'other', at: '2026-11-28T09:05:00.000Z', id: 3, action: 'mention.follow_up', actor: { id: 'u-2', name: 'Budi' }, after: { followUpOf: { mentionId: TICKET, ticketNumber: 'BDG-2026-000007' } } },
        { kind: 'other', at: '2026-11-28T09:06:00.000Z', id: 4, action: 'mention.follow_up', actor: { id: 'u-2', name: 'Budi' }, after: { followUpOf: null } },
      ],
    };
    vi.stubGlobal('fetch', vi.fn(async () => json(200, thread)));
    renderInApp(<TimelinePanel mentionId={MENTION} />, { path: PATH });
    await waitFor(() => expect(screen.getByTestId('timeline')).toBeTruthy());
    expect(screen.getAllByTestId('timeline-linked-by-ticket')).toHaveLength(1);
    expect(screen.getByText('Budi menautkan pesan ini ke tiket BDG-2026-000007')).toBeTruthy();
    expect(screen.getByText('Budi melepas tautan tiket')).toBeTruthy();
    const followUpOf = screen.getByTestId('timeline-follow-up-of');
    expect(followUpOf.textContent).toBe('Lanjutan tiket BDG-2026-000007');
    expect(screen.getByTestId('timeline-open-message').textContent).toBe('Pesan di utas tiket · BDG-2026-000007');
    fireEvent.click(screen.getByTestId('timeline-open-message'));
    expect(screen.getByTestId('address').textContent).toBe(`/?q=banjir&m=${TICKET}`);
  });
});
