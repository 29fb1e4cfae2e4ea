export { initI18n, useLanguage, LANGUAGE_STORAGE_KEY } from './lib/i18n/i18n';
export { en, id, type Resources } from './lib/i18n/resources';
export {
  LANGUAGES,
  WIB_TIME_ZONE,
  formatRelative,
  formatWib,
  formatWibDate,
  toLanguage,
  type Language,
} from './lib/time/format-time';
export { useNow } from './lib/time/use-now';
export { dashboardTheme, URGENCY_COLORS } from './lib/theme';
export { UrgencyBadge, type UrgencyBadgeProps } from './lib/urgency-badge';
export { ChannelLabel, type ChannelLabelProps } from './lib/channel-label';
export { StatusBadge } from './lib/status-badge';
export { RelativeTime, ExactTime, type RelativeTimeProps } from './lib/relative-time';
export {
  ConnectionIndicator,
  type ConnectionIndicatorProps,
  type ConnectionIndicatorState,
} from './lib/connection-indicator';
export { ExternalLink, isSafeExternalUrl, type ExternalLinkProps } from './lib/external-link';
export { JsonBlock, type JsonBlockProps } from './lib/json-block';
export { MentionRow, MENTION_ROW_HEIGHT, initialsOf, type MentionRowProps } from './lib/mention-row';
export { MentionDetailView, type MentionDetailViewProps } from './lib/mention-detail-view';
export {
  CorrectionForm,
  type CorrectionFormProps,
  type CorrectionFormStatus,
  type CorrectionOpdGroup,
  type CorrectionOpdOption,
} from './lib/correction-form';
export { firstLine } from './lib/mention-text';
export { LanguageSwitch } from './lib/language-switch';
export { ShortcutHelp, type ShortcutHelpProps } from './lib/shortcut-help';
export {
  isHotkeyIgnored,
  createShortcutReader,
  resolveShortcut,
  NO_PENDING_SHORTCUT,
  SHORTCUT_ACTIONS,
  SHORTCUT_KEYS,
  SHORTCUT_SEQUENCE_MS,
  type ShortcutAction,
  type ShortcutState,
} from './lib/hotkeys';
export { validateStatusForm, statusRequestOf, STATUS_REASON_MAX, type StatusFormErrors, type StatusFormValues } from './lib/forward-form';
export { DeskControls, type DeskControlsProps } from './lib/desk-controls';
export { ReplyStatusBadge } from './lib/reply-status-badge';
export { MentionSlot, MentionSlotsProvider, type MentionSlotName, type MentionSlotRenderers } from './lib/mention-slots';
export { QueryPanel, type QueryPanelProps } from './lib/query-panel';
export { PageHeader } from './lib/page-header';
export { DatesLocaleProvider, WibDateTimeInput } from './lib/wib-date-time-input';
export { describeApiError } from './lib/describe-api-error';
export { fieldErrorsOf, translateFieldMessage } from './lib/field-errors';
