import { ALL_SIGNED_IN, DESK_OF_DLH, SUPERVISORS, type RouteCase } from './matrix';

const onMention = (suffix = '') => async (ctx: Parameters<RouteCase['prepare']>[0]) => ({ path: `/mentions/${await ctx.freshMention()}${suffix}` });

/** Endpoints that existed before the desk: reading mentions, corrections, rules, models, queues. */
export const CORE_ROUTES: RouteCase[] = [
  { method: 'GET', route: '/auth/me', prepare: async () => ({ path: '/auth/me' }), allowed: ALL_SIGNED_IN },
  { method: 'GET', route: '/reference/opds', prepare: async () => ({ path: '/reference/opds' }), allowed: ALL_SIGNED_IN },
  // Liaisons read every mention, with personal data masked (see tests/e2e/accounts.e2e.test.ts).
  { method: 'GET', route: '/mentions', prepare: async () => ({ path: '/mentions?limit=5' }), allowed: ALL_SIGNED_IN },
  { method: 'GET', route: '/mentions/:id', prepare: onMention(), allowed: ['liaison', ...DESK_OF_DLH] },
  {
    method: 'POST',
    route: '/mentions/:id/corrections',
    prepare: async (ctx) => ({ path: `/mentions/${await ctx.freshMention()}/corrections`, body: { urgency: 'high' } }),
    allowed: DESK_OF_DLH,
  },
  {
    method: 'POST',
    route: '/mentions/:id/claim',
    prepare: onMention('/claim'),
    allowed: DESK_OF_DLH,
  },
  {
    method: 'POST',
    route: '/mentions/:id/release',
    prepare: async (ctx) => {
      const id = await ctx.freshMention();
      await ctx.asSuperadmin('POST', `/mentions/${id}/claim`);
      return { path: `/mentions/${id}/release` };
    },
    // An admin who does not hold it is refused too: only the holder or a supervisor releases.
    allowed: SUPERVISORS,
  },
  {
    method: 'POST',
    route: '/mentions/:id/status',
    prepare: async (ctx) => ({ path: `/mentions/${await ctx.freshMention()}/status`, body: { status: 'selesai' } }),
    allowed: DESK_OF_DLH,
  },
  { method: 'GET', route: '/triage/rule-sets', prepare: async () => ({ path: '/triage/rule-sets' }), allowed: SUPERVISORS },
  { method: 'GET', route: '/triage/models', prepare: async () => ({ path: '/triage/models' }), allowed: SUPERVISORS },
  { method: 'GET', route: '/admin/queues', prepare: async () => ({ path: '/admin/queues' }), allowed: SUPERVISORS },
];
