import { ROLES_SEEING_ALL, type Role } from '@sigap/contracts';

/** Roles with a mention inbox. DPRD liaisons read it without acting, with personal data masked by the server. */
export const MENTION_READER_ROLES: readonly Role[] = ['superadmin', 'supervisor', 'admin', 'liaison'];

/** Who manages users, sessions and the rest of the system. */
export const USER_MANAGER_ROLES: readonly Role[] = ['superadmin'];

/** Roles that hold and are assigned mentions: they get "Pekerjaan saya". */
export const MY_WORK_ROLES: readonly Role[] = ['superadmin', 'supervisor', 'admin'];

/** Roles that see the supervisor board (the server refuses the others). */
export const BOARD_ROLES: readonly Role[] = ROLES_SEEING_ALL;

/** Who reads the on-call rota; the server refuses DPRD liaisons. */
export const ROTA_READER_ROLES: readonly Role[] = ['superadmin', 'supervisor', 'admin'];

/** Who reads the channels page (the superadmin also edits it; the server enforces both). */
export const CHANNEL_READER_ROLES: readonly Role[] = ROLES_SEEING_ALL;
/** Who opens "Unit & pengaturan": the superadmin edits, supervisors read (the server enforces both). */
export const SETTINGS_READER_ROLES: readonly Role[] = ROLES_SEEING_ALL;
