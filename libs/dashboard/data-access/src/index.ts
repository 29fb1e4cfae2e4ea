export { ApiError, apiRequest, API_PREFIX, type ApiRequestOptions } from './lib/api-client';
export { authStore, type AuthSession } from './lib/auth-store';
export { useLogin, useLogout, useSession, useSessionGuard } from './lib/auth.queries';
export { queryKeys } from './lib/query-keys';
export {
  DEFAULT_MENTION_SORT,
  bareAreaCode,
  compareMentions,
  emptyMentionFilters,
  hasActiveFilters,
  matchesMentionFilters,
  normalizeMentionFilters,
  toMentionSearchParams,
  writeFilterParams,
  type MentionFilters,
} from './lib/mention-filters';
export { flattenMentionPages, mergeLiveBatch, type MentionListData } from './lib/mention-cache';
export { MENTION_PAGE_SIZE, useMentionDetail, useMentionList } from './lib/mention.queries';
export { useAreas, useOpds } from './lib/reference.queries';
export { useFailedJobs, useQueueCounts, useRetryFailedJob } from './lib/admin.queries';
export {
  useDiscardRuleSetDraft,
  usePublishRuleSetDraft,
  useRollbackRuleSet,
  useRuleSetDraft,
  useRuleSetVersions,
  useSaveRuleSetDraft,
  useTryRuleSetDraft,
} from './lib/rule-set.queries';
export { applyLiveBatch } from './lib/live-cache';
export { applyCorrection, applyCorrectionToCaches } from './lib/correction-cache';
export { useCorrectMention, type CorrectMentionVariables } from './lib/correction.queries';
export {
  LiveClient,
  connectLiveSocket,
  type LiveConnectionState,
  type LiveSocket,
  type LiveSocketFactory,
  type LiveStatus,
} from './lib/live-client';
export { LiveProvider, useLiveStatus } from './lib/live-provider';
export { createQueryClient } from './lib/query-client';
export { applyDeskState, applyMentionUpdate } from './lib/desk-cache';
export { useClaimMention, useReleaseMention, useSetMentionStatus, type SetMentionStatusVariables } from './lib/desk.queries';
export {
  useAssignMention,
  useBulkMentionAction,
  useCreateShift,
  useDeleteShift,
  useDeskPeople,
  useOnCall,
  useRota,
  type AssignMentionVariables,
} from './lib/dispatch.queries';
