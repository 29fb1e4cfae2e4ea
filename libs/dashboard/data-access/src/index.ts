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
  normalizePersonFilter,
  toMentionSearchParams,
  writeFilterParams,
  inboxHref,
  withSelectedMention,
  myWorkFilters,
  activeMyWorkPreset,
  unclaimedFilters,
  INBOX_PATH,
  MY_WORK_PATH,
  BOARD_PATH,
  APPROVALS_PATH,
  OPEN_STATUSES,
  MY_WORK_PRESETS,
  type MyWorkPreset,
  type MentionFilters,
} from './lib/mention-filters';
export { flattenMentionPages, mergeLiveBatch, type MentionListData } from './lib/mention-cache';
export { MENTION_PAGE_SIZE, useMentionDetail, useMentionList } from './lib/mention.queries';
export { useAreas, useCreateOpd, useDeskSettings, useOpds, useUpdateDeskSettings, useUpdateOpd } from './lib/reference.queries';
export { useChannels, useCreateChannelKey, useRevokeChannelKey, useUpdateChannel } from './lib/channels.queries';
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
  type LivePresenceEvent,
  type LiveSocket,
  type LiveSocketFactory,
  type LiveStatus,
} from './lib/live-client';
export { LiveProvider, TYPING_IDLE_MS, useLivePresence, useLiveStatus, useTypingReport, type LivePresenceActions, type TypingReport } from './lib/live-provider';
export { createQueryClient } from './lib/query-client';
export { applyDeskState, applyMentionUpdate } from './lib/desk-cache';
export { useClaimMention, useReleaseMention, useSetMentionStatus, type SetMentionStatusVariables } from './lib/desk.queries';
export { useLinkFollowUp, type LinkFollowUpVariables } from './lib/follow-up.queries';
export {
  applyReplyUpdate,
  replyKeys,
  useApprovals,
  useCreateReply,
  useDecideApproval,
  useMentionReplies,
  useRenderedTemplate,
  useReplyTemplates,
  useRetryReply,
  useSaveReplyTemplate,
} from './lib/replies.queries';
export {
  accountKeys,
  downloadAuditCsv,
  useAuditLog,
  useCreateUser,
  useRevokeSessions,
  useUpdateUser,
  useUserSessions,
  useUsers,
  type AuditFilters,
} from './lib/accounts.queries';
export { useDeskBoard, useMyWorkCounts } from './lib/board.queries';
export { throttle, type Throttled } from './lib/throttle';
export {
  addNote,
  applyMentionNote,
  applyMentionPresence,
  applyNotification,
  applyPresence,
  collabKeys,
  collidingTypists,
  markReadInPage,
  otherViewers,
  prependNotification,
} from './lib/collab-cache';
export {
  useCreateNote,
  useMarkNotificationsRead,
  useMentionNotes,
  useMentionTimeline,
  useMentionViewers,
  useMentionable,
  useNotifications,
  usePresence,
  useUnreadCount,
  type MarkNotificationsReadVariables,
} from './lib/collab.queries';
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
