import type { Role } from '@sigap/contracts';

/** Roles with a mention inbox. DPRD liaisons read it without acting, with personal data masked by the server. */
export const MENTION_READER_ROLES: readonly Role[] = ['superadmin', 'supervisor', 'admin', 'liaison'];

/** Who manages users, sessions and the rest of the system. */
export const USER_MANAGER_ROLES: readonly Role[] = ['superadmin'];
