import { describe, expect, it } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import type { NotificationPage, NotificationView, UnreadCount } from '@sigap/contracts';
import { addNote, applyNotification, collabKeys, collidingTypists, markReadInPage, otherViewers, prependNotification } from './collab-cache';

const notification = (id: number, readAt: string | null = null): NotificationView => ({
  id,
  userId: 'me',
  kind: 'note_mention',
  mentionId: 'm1',
  actor: { id: 'u2', name: 'Budi' },
  payload: { excerpt: 'tolong cek' },
  createdAt: '2026-11-28T10:00:00.000Z',
  readAt,
});

const page = (items: NotificationView[], unreadCount: number): NotificationPage => ({ items, nextCursor: null, unreadCount });

describe('collab cache', () => {
  it('leaves oneself out of the viewers and warns only while typing', () => {
    const viewers = [
      { id: 'me', name: 'Saya', typing: true },
      { id: 'u2', name: 'Budi', typing: false },
      { id: 'u3', name: 'Siti', typing: true },
    ];
    expect(otherViewers(viewers, 'me').map((v) => v.name)).toEqual(['Budi', 'Siti']);
    expect(collidingTypists(viewers, 'me', true).map((v) => v.name)).toEqual(['Siti']);
    expect(collidingTypists(viewers, 'me', false)).toEqual([]);
  });

  it('puts a live notification on top once and counts it unread', () => {
    const before = page([notification(1, '2026-11-28T09:00:00.000Z')], 0);
    const after = prependNotification(before, notification(2));
    expect(after?.items.map((n) => n.id)).toEqual([2, 1]);
    expect(after?.unreadCount).toBe(1);
    expect(prependNotification(after, notification(2))).toBe(after);
    expect(prependNotification(undefined, notification(2))).toBeUndefined();
  });

  it('marks read in place, or drops them from an unread-only page', () => {
    const unread = page([notification(3), notification(2), notification(1)], 3);
    const all = markReadInPage(unread, [2], 'now', false);
    expect(all?.items.map((n) => n.readAt)).toEqual([null, 'now', null]);
    expect(all?.unreadCount).toBe(2);
    const onlyUnread = markReadInPage(unread, 'all', 'now', true);
    expect(onlyUnread).toEqual({ items: [], nextCursor: null, unreadCount: 0 });
  });

  it('updates the cached lists and the unread count', () => {
    const queryClient = new QueryClient();
    queryClient.setQueryData(collabKeys.notificationList(true), page([], 0));
    queryClient.setQueryData<UnreadCount>(collabKeys.unreadCount(), { unreadCount: 4 });
    applyNotification(queryClient, notification(9));
    expect(queryClient.getQueryData<NotificationPage>(collabKeys.notificationList(true))?.items.map((n) => n.id)).toEqual([9]);
    expect(queryClient.getQueryData<NotificationPage>(collabKeys.notificationList(false))).toBeUndefined();
    expect(queryClient.getQueryData<UnreadCount>(collabKeys.unreadCount())).toEqual({ unreadCount: 5 });
  });

  it('adds a live note once, in time order', () => {
    const note = (id: number, createdAt: string) => ({ id, mentionId: 'm1', author: null, text: `n${id}`, mentionedUsers: [], createdAt });
    const first = note(1, '2026-11-28T10:00:00.000Z');
    const later = note(2, '2026-11-28T10:05:00.000Z');
    expect(addNote([later], first)?.map((n) => n.id)).toEqual([1, 2]);
    const both = [first, later];
    expect(addNote(both, later)).toBe(both);
    expect(addNote(undefined, first)).toBeUndefined();
  });
});
