import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type {
  ApprovalDecisionRequest,
  ApprovalItem,
  CreateReplyRequest,
  CreateReplyTemplateRequest,
  LiveReplyUpdate,
  RenderTemplateResult,
  ReplyTemplateQuery,
  ReplyTemplateView,
  ReplyView,
  UpdateReplyTemplateRequest,
} from '@sigap/contracts';
import { apiRequest } from './api-client';

/** Query keys of the reply flow (all under `replies`, so one invalidation reaches them). */
export const replyKeys = {
  all: () => ['replies'] as const,
  templates: () => ['replies', 'templates'] as const,
  templateList: (query: ReplyTemplateQuery) => ['replies', 'templates', 'list', query] as const,
  rendered: (templateId: string, mentionId: string, variables: Record<string, string>) =>
    ['replies', 'templates', 'render', templateId, mentionId, variables] as const,
  ofMention: (mentionId: string) => ['replies', 'mention', mentionId] as const,
  approvals: () => ['replies', 'approvals'] as const,
};

const toTemplateParams = (query: ReplyTemplateQuery): URLSearchParams => {
  const params = new URLSearchParams();
  if (query.q?.trim()) params.set('q', query.q.trim());
  if (query.category) params.set('category', query.category);
  if (query.opd) params.set('opd', query.opd);
  if (query.mentionId) params.set('mentionId', query.mentionId);
  if (query.includeArchived) params.set('includeArchived', 'true');
  return params;
};

export const useReplyTemplates = (query: ReplyTemplateQuery, enabled = true) =>
  useQuery({
    queryKey: replyKeys.templateList(query),
    queryFn: ({ signal }) => apiRequest<ReplyTemplateView[]>('/templates', { query: toTemplateParams(query), signal }),
    enabled,
    placeholderData: keepPreviousData,
  });

export const useSaveReplyTemplate = () => {
  const queryClient = useQueryClient();
  return useMutation<ReplyTemplateView, Error, { id?: string; body: CreateReplyTemplateRequest | UpdateReplyTemplateRequest }>({
    mutationFn: ({ id, body }) =>
      id
        ? apiRequest<ReplyTemplateView>(`/templates/${encodeURIComponent(id)}`, { method: 'PATCH', body })
        : apiRequest<ReplyTemplateView>('/templates', { method: 'POST', body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: replyKeys.templates() }),
  });
};

/** The template filled for a mention: the composer's preview and its missing-variable warning. */
export const useRenderedTemplate = (templateId: string | null, mentionId: string, variables: Record<string, string>) =>
  useQuery({
    queryKey: replyKeys.rendered(templateId ?? '', mentionId, variables),
    queryFn: ({ signal }) =>
      apiRequest<RenderTemplateResult>(`/templates/${encodeURIComponent(templateId ?? '')}/render`, {
        method: 'POST',
        body: { mentionId, variables },
        signal,
      }),
    enabled: templateId !== null,
    // While variables are typed the last preview stays; another template (or none) never shows it.
    placeholderData: (previous, previousQuery) =>
      templateId !== null && previousQuery?.queryKey[3] === templateId && previousQuery.queryKey[4] === mentionId ? previous : undefined,
  });

export const useMentionReplies = (mentionId: string) =>
  useQuery({
    queryKey: replyKeys.ofMention(mentionId),
    queryFn: ({ signal }) => apiRequest<ReplyView[]>(`/mentions/${encodeURIComponent(mentionId)}/replies`, { signal }),
  });

/**
 * A reply created or changed (ours, or announced live): written into its mention's list; the
 * approval queue is refetched when the reply enters or leaves it.
 */
export const applyReplyUpdate = (queryClient: QueryClient, update: LiveReplyUpdate): void => {
  const key = replyKeys.ofMention(update.mentionId);
  const current = queryClient.getQueryData<ReplyView[]>(key);
  const previous = current?.find((reply) => reply.id === update.id);
  // Announcements may arrive out of order: never let an older state overwrite a newer one.
  if (previous && previous.updatedAt > update.updatedAt) return;
  if (current) {
    const next = previous ? current.map((reply) => (reply.id === update.id ? update : reply)) : [...current, update];
    queryClient.setQueryData<ReplyView[]>(key, next);
  }
  const approvals = queryClient.getQueryData<ApprovalItem[]>(replyKeys.approvals());
  if (!approvals) return;
  const queued = approvals.some((item) => item.reply.id === update.id);
  if (update.status === 'menunggu_persetujuan' && !queued) {
    void queryClient.invalidateQueries({ queryKey: replyKeys.approvals() });
  } else if (update.status !== 'menunggu_persetujuan' && queued) {
    queryClient.setQueryData<ApprovalItem[]>(
      replyKeys.approvals(),
      approvals.filter((item) => item.reply.id !== update.id),
    );
  }
};

export const useCreateReply = (mentionId: string) => {
  const queryClient = useQueryClient();
  return useMutation<ReplyView, Error, CreateReplyRequest>({
    mutationFn: (body) => apiRequest<ReplyView>(`/mentions/${encodeURIComponent(mentionId)}/replies`, { method: 'POST', body }),
    onSuccess: (reply) => {
      applyReplyUpdate(queryClient, reply);
      // The usage counts and order of the templates changed.
      void queryClient.invalidateQueries({ queryKey: replyKeys.templates() });
    },
  });
};

export const useRetryReply = () => {
  const queryClient = useQueryClient();
  return useMutation<ReplyView, Error, string>({
    mutationFn: (replyId) => apiRequest<ReplyView>(`/replies/${encodeURIComponent(replyId)}/retry`, { method: 'POST' }),
    onSuccess: (reply) => applyReplyUpdate(queryClient, reply),
  });
};

export const useApprovals = (enabled = true) =>
  useQuery({
    queryKey: replyKeys.approvals(),
    queryFn: ({ signal }) => apiRequest<ApprovalItem[]>('/approvals', { signal }),
    enabled,
  });

export const useDecideApproval = () => {
  const queryClient = useQueryClient();
  return useMutation<ReplyView, Error, ApprovalDecisionRequest & { replyId: string }>({
    mutationFn: ({ replyId, ...body }) => apiRequest<ReplyView>(`/approvals/${encodeURIComponent(replyId)}`, { method: 'POST', body }),
    onSuccess: (reply) => applyReplyUpdate(queryClient, reply),
    // Someone else may have decided first (409): the queue is refetched either way.
    onSettled: () => void queryClient.invalidateQueries({ queryKey: replyKeys.approvals() }),
  });
};
