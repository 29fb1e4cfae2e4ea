import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  MentionNote,
  MentionTimeline,
  MentionViewer,
  MentionableUser,
  NoteCreated,
  NotificationPage,
  NotificationReadResult,
  PresenceList,
  UnreadCount,
} from '@sigap/contracts';
import { apiRequest } from './api-client';
import { addNote, collabKeys, markReadInPage } from './collab-cache';

const mentionPath = (id: string, part: 'notes' | 'timeline'): string => `/mentions/${encodeURIComponent(id)}/${part}`;

export const useMentionNotes = (mentionId: string) =>
  useQuery<MentionNote[], Error>({
    queryKey: collabKeys.notes(mentionId),
    queryFn: ({ signal }) => apiRequest<MentionNote[]>(mentionPath(mentionId, 'notes'), { signal }),
  });

export const useCreateNote = (mentionId: string) => {
  const queryClient = useQueryClient();
  return useMutation<NoteCreated, Error, string>({
    mutationFn: (text) => apiRequest<NoteCreated>(mentionPath(mentionId, 'notes'), { method: 'POST', body: { text } }),
    onSuccess: (created) => {
      queryClient.setQueryData<MentionNote[]>(collabKeys.notes(mentionId), (notes) => addNote(notes, created.note));
      void queryClient.invalidateQueries({ queryKey: collabKeys.timeline(mentionId) });
    },
  });
};

export const useMentionTimeline = (mentionId: string, enabled = true) =>
  useQuery<MentionTimeline, Error>({
    queryKey: collabKeys.timeline(mentionId),
    queryFn: ({ signal }) => apiRequest<MentionTimeline>(mentionPath(mentionId, 'timeline'), { signal }),
    enabled,
  });

/** Colleagues who may see the mention, for the @autocomplete (at most 10). */
export const useMentionable = (mentionId: string, q: string | null) =>
  useQuery<MentionableUser[], Error>({
    queryKey: collabKeys.mentionable(mentionId, q ?? ''),
    queryFn: ({ signal }) =>
      apiRequest<MentionableUser[]>('/users/mentionable', { query: new URLSearchParams({ mentionId, q: q ?? '' }), signal }),
    enabled: q !== null,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });

/** Who is online: loaded once, then kept current by the live `presence` event. */
export const usePresence = (enabled = true) =>
  useQuery<PresenceList, Error>({
    queryKey: collabKeys.presence(),
    queryFn: ({ signal }) => apiRequest<PresenceList>('/presence', { signal }),
    enabled,
    staleTime: Infinity,
  });

/** Who views or types on a mention; only the live `mentionPresence` event fills it. */
export const useMentionViewers = (mentionId: string): MentionViewer[] => {
  const { data } = useQuery<MentionViewer[]>({
    queryKey: collabKeys.mentionPresence(mentionId),
    queryFn: () => [],
    staleTime: Infinity,
    gcTime: 60_000,
  });
  return data ?? [];
};

export const useNotifications = (unreadOnly = false, enabled = true) =>
  useQuery<NotificationPage, Error>({
    queryKey: collabKeys.notificationList(unreadOnly),
    queryFn: ({ signal }) => apiRequest<NotificationPage>('/notifications', { query: new URLSearchParams({ unread: unreadOnly ? '1' : '0', limit: '30' }), signal }),
    enabled,
  });

export const useUnreadCount = () =>
  useQuery<UnreadCount, Error>({
    queryKey: collabKeys.unreadCount(),
    queryFn: ({ signal }) => apiRequest<UnreadCount>('/notifications/unread-count', { signal }),
  });

export type MarkNotificationsReadVariables = { ids: number[] } | { all: true };

export const useMarkNotificationsRead = () => {
  const queryClient = useQueryClient();
  return useMutation<NotificationReadResult, Error, MarkNotificationsReadVariables>({
    mutationFn: (body) => apiRequest<NotificationReadResult>('/notifications/read', { method: 'POST', body }),
    onSuccess: (result, body) => {
      const ids = 'all' in body ? 'all' : body.ids;
      const at = new Date().toISOString();
      for (const unreadOnly of [false, true]) {
        queryClient.setQueryData<NotificationPage>(collabKeys.notificationList(unreadOnly), (page) => {
          const updated = markReadInPage(page, ids, at, unreadOnly);
          return updated ? { ...updated, unreadCount: result.unreadCount } : updated;
        });
      }
      queryClient.setQueryData<UnreadCount>(collabKeys.unreadCount(), { unreadCount: result.unreadCount });
    },
  });
};
