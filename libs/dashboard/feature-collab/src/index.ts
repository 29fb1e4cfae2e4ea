export { MentionCollabSection } from './lib/mention-collab-section';
export { NotificationsBell, type NotificationsBellProps } from './lib/notifications-bell';
export { NotesPanel } from './lib/notes-panel';
export { PresenceStrip } from './lib/presence-strip';
export { TimelinePanel } from './lib/timeline-panel';
export { OnlineUsers } from './lib/online-users';
