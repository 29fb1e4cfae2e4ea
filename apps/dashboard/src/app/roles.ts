import { ROLES_SEEING_ALL, type Role } from '@sigap/contracts';

/** Roles with a mention inbox; the server gives the others (DPRD liaisons) no mentions and no live stream. */
export const MENTION_READER_ROLES: readonly Role[] = ['superadmin', 'supervisor', 'admin'];

/** Roles that hold and are assigned mentions: they get "Pekerjaan saya". */
export const MY_WORK_ROLES: readonly Role[] = MENTION_READER_ROLES;

/** Roles that see the supervisor board (the server refuses the others). */
export const BOARD_ROLES: readonly Role[] = ROLES_SEEING_ALL;
