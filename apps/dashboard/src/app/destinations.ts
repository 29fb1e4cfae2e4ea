import { ROLES_SEEING_ALL, type Role } from '@sigap/contracts';
import { APPROVALS_PATH, BOARD_PATH, INBOX_PATH, MY_WORK_PATH } from '@sigap/dashboard/data-access';
import type { ParseKeys } from 'i18next';
import { BOARD_ROLES, CHANNEL_READER_ROLES, MENTION_READER_ROLES, MY_WORK_ROLES, ROTA_READER_ROLES, SETTINGS_READER_ROLES, USER_MANAGER_ROLES } from './roles';

export type DestinationKey = 'inbox' | 'myWork' | 'board' | 'approvals' | 'templates' | 'rota' | 'rules' | 'queues' | 'users' | 'units' | 'audit' | 'channels';

export interface Destination {
  key: DestinationKey;
  path: string;
  /** Where the page used to live; old bookmarks and links are redirected. */
  legacyPath?: string;
  label: ParseKeys;
  roles: readonly Role[];
  /** `primary` stays in the header; `manage` goes under "Kelola" when there is more than one. */
  group: 'primary' | 'manage';
  testId: string;
}

/** Every page of the signed-in dashboard, in the order the navigation shows them. */
export const DESTINATIONS: readonly Destination[] = [
  { key: 'inbox', path: INBOX_PATH, label: 'header.inbox', roles: MENTION_READER_ROLES, group: 'primary', testId: 'nav-inbox' },
  { key: 'myWork', path: MY_WORK_PATH, label: 'deskViews.nav.myWork', roles: MY_WORK_ROLES, group: 'primary', testId: 'nav-my-work' },
  { key: 'board', path: BOARD_PATH, label: 'shell.nav.board', roles: BOARD_ROLES, group: 'primary', testId: 'nav-board' },
  { key: 'approvals', path: APPROVALS_PATH, legacyPath: '/approvals', label: 'replies.nav.approvals', roles: ROLES_SEEING_ALL, group: 'primary', testId: 'nav-approvals' },
  { key: 'templates', path: '/templat', legacyPath: '/templates', label: 'replies.nav.templates', roles: ROLES_SEEING_ALL, group: 'manage', testId: 'nav-templates' },
  { key: 'rota', path: '/jadwal-piket', legacyPath: '/rota', label: 'dispatch.nav', roles: ROTA_READER_ROLES, group: 'manage', testId: 'nav-rota' },
  { key: 'rules', path: '/aturan-triase', legacyPath: '/rules', label: 'header.rules', roles: ROLES_SEEING_ALL, group: 'manage', testId: 'nav-rules' },
  { key: 'queues', path: '/antrean', legacyPath: '/admin', label: 'header.admin', roles: ROLES_SEEING_ALL, group: 'manage', testId: 'nav-queues' },
  { key: 'users', path: '/pengguna', legacyPath: '/users', label: 'accounts.nav.users', roles: USER_MANAGER_ROLES, group: 'manage', testId: 'nav-users' },
  { key: 'units', path: '/unit-pengaturan', label: 'units.nav', roles: SETTINGS_READER_ROLES, group: 'manage', testId: 'nav-units' },
  { key: 'channels', path: '/kanal', label: 'channels.nav', roles: CHANNEL_READER_ROLES, group: 'manage', testId: 'nav-channels' },
  { key: 'audit', path: '/log-audit', legacyPath: '/audit', label: 'accounts.nav.audit', roles: ROLES_SEEING_ALL, group: 'manage', testId: 'nav-audit' },
];

export const destinationPath = (key: DestinationKey): string => {
  const found = DESTINATIONS.find((destination) => destination.key === key);
  if (!found) throw new Error(`unknown destination ${key}`);
  return found.path;
};

export const destinationsFor = (role: Role): Destination[] => DESTINATIONS.filter((destination) => destination.roles.includes(role));

/**
 * Splits what a role may open into what the header shows and what goes under "Kelola". A menu
 * holding a single page is a click wasted, so that page is shown directly.
 */
export const navigationFor = (role: Role): { primary: Destination[]; manage: Destination[] } => {
  const mine = destinationsFor(role);
  const manage = mine.filter((destination) => destination.group === 'manage');
  if (manage.length <= 1) return { primary: mine, manage: [] };
  return { primary: mine.filter((destination) => destination.group === 'primary'), manage };
};

/** The page a pathname belongs to, for the document title and the active menu. */
export const destinationOf = (pathname: string): Destination | undefined =>
  DESTINATIONS.find((destination) => destination.path === pathname) ?? DESTINATIONS.find((destination) => destination.legacyPath === pathname);
