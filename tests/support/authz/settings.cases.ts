import { SUPERADMIN, type RouteCase } from './matrix';

/** Changing the desk settings at run time: the superadmin only (reading them is in opds.cases.ts). */
export const SETTINGS_ROUTES: RouteCase[] = [
  // Resetting a setting nobody changed: allowed, and it changes nothing the other cases rely on.
  { method: 'PATCH', route: '/settings', prepare: async () => ({ path: '/settings', body: { defaultHotline: null } }), allowed: SUPERADMIN },
];
