import { ALL_SIGNED_IN, SUPERVISORS, type RouteCase } from './matrix';

/** The desk views: the supervisor board, the counts of "Pekerjaan saya" and the desk filters of the list. */
export const VIEWS_ROUTES: RouteCase[] = [
  { method: 'GET', route: '/desk/board', prepare: async () => ({ path: '/desk/board' }), allowed: SUPERVISORS },
  {
    method: 'GET',
    route: '/desk/my-work',
    prepare: async () => ({ path: '/desk/my-work' }),
    allowed: ALL_SIGNED_IN.filter((actor) => actor !== 'liaison'),
  },
  {
    method: 'GET',
    route: '/mentions?holder=me&assignee=none&escalated=0',
    prepare: async () => ({ path: '/mentions?holder=me&assignee=none&label=x&escalated=0&limit=5' }),
    allowed: ALL_SIGNED_IN,
  },
];
