import type { QueryClient } from '@tanstack/react-query';
import type { MentionNote, MentionPresence, MentionViewer, NotificationPage, NotificationView, PresenceList, UnreadCount } from '@sigap/contracts';

/** Query keys of the collab features (presence, notes, timeline, notifications). */
export const collabKeys = {
  presence: () => ['presence'] as const,
  mentionPresence: (mentionId: string) => ['presence', 'mention', mentionId] as const,
  notes: (mentionId: string) => ['collab', 'notes', mentionId] as const,
  timeline: (mentionId: string) => ['collab', 'timeline', mentionId] as const,
  mentionable: (mentionId: string, q: string) => ['collab', 'mentionable', mentionId, q] as const,
  notifications: () => ['notifications'] as const,
  notificationList: (unreadOnly: boolean) => ['notifications', 'list', unreadOnly] as const,
  unreadCount: () => ['notifications', 'unread'] as const,
};

/** Colleagues on a mention, without oneself. */
export const otherViewers = (viewers: readonly MentionViewer[] | undefined, selfId: string | null): MentionViewer[] =>
  (viewers ?? []).filter((viewer) => viewer.id !== selfId);

/** Others typing on the mention one is typing on: a collision to warn about. */
export const collidingTypists = (viewers: readonly MentionViewer[] | undefined, selfId: string | null, selfTyping: boolean): MentionViewer[] =>
  selfTyping ? otherViewers(viewers, selfId).filter((viewer) => viewer.typing) : [];

/** A live notification at the top of a cached page; counted unread once. */
export const prependNotification = (page: NotificationPage | undefined, notification: NotificationView): NotificationPage | undefined => {
  if (!page || page.items.some((item) => item.id === notification.id)) return page;
  return {
    ...page,
    items: [notification, ...page.items],
    unreadCount: page.unreadCount + (notification.readAt ? 0 : 1),
  };
};

/** Marks notifications read in a cached page (`ids` 'all': every one); an unread-only page drops them. */
export const markReadInPage = (
  page: NotificationPage | undefined,
  ids: readonly number[] | 'all',
  readAt: string,
  unreadOnly: boolean,
): NotificationPage | undefined => {
  if (!page) return page;
  const hit = (item: NotificationView) => !item.readAt && (ids === 'all' || ids.includes(item.id));
  const newlyRead = page.items.filter(hit).length;
  const items = unreadOnly ? page.items.filter((item) => !hit(item)) : page.items.map((item) => (hit(item) ? { ...item, readAt } : item));
  return { ...page, items, unreadCount: ids === 'all' ? 0 : Math.max(0, page.unreadCount - newlyRead) };
};

export const applyNotification = (queryClient: QueryClient, notification: NotificationView): void => {
  for (const unreadOnly of [false, true]) {
    queryClient.setQueryData<NotificationPage>(collabKeys.notificationList(unreadOnly), (page) => prependNotification(page, notification));
  }
  queryClient.setQueryData<UnreadCount>(collabKeys.unreadCount(), (count) => (count ? { unreadCount: count.unreadCount + 1 } : count));
  // Being told of a note (or any change) on a mention: its notes and history are stale now.
  if (notification.mentionId) {
    void queryClient.invalidateQueries({ queryKey: collabKeys.notes(notification.mentionId) });
    void queryClient.invalidateQueries({ queryKey: collabKeys.timeline(notification.mentionId) });
  }
};

export const applyPresence = (queryClient: QueryClient, list: PresenceList): void => {
  queryClient.setQueryData<PresenceList>(collabKeys.presence(), list);
};

export const applyMentionPresence = (queryClient: QueryClient, presence: MentionPresence): void => {
  queryClient.setQueryData<MentionViewer[]>(collabKeys.mentionPresence(presence.mentionId), presence.viewers);
};

/** A note in a cached list, once, in time order. */
export const addNote = (notes: MentionNote[] | undefined, note: MentionNote): MentionNote[] | undefined => {
  if (!notes || notes.some((item) => item.id === note.id)) return notes;
  return [...notes, note].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id);
};

export const applyMentionNote = (queryClient: QueryClient, note: MentionNote): void => {
  queryClient.setQueryData<MentionNote[]>(collabKeys.notes(note.mentionId), (notes) => addNote(notes, note));
  void queryClient.invalidateQueries({ queryKey: collabKeys.timeline(note.mentionId) });
};
