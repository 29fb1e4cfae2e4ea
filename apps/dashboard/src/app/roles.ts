import type { Role } from '@sigap/contracts';

/** Roles with a mention inbox; the server gives the others (DPRD liaisons) no mentions and no live stream. */
export const MENTION_READER_ROLES: readonly Role[] = ['superadmin', 'supervisor', 'admin'];
