import { ALL_SIGNED_IN, DESK_OF_DLH, type MatrixContext, type RouteCase, type SocketCase } from './matrix';

const DESK_ANY_OPD = ['adminOtherOpd', ...DESK_OF_DLH] as const;

const onMention = (suffix: string, body?: unknown) => async (ctx: MatrixContext) => ({ path: `/mentions/${await ctx.freshMention()}${suffix}`, body });

/** Presence, notes, notifications and the timeline (libs/server/collab). */
export const COLLAB_ROUTES: RouteCase[] = [
  { method: 'GET', route: '/presence', prepare: async () => ({ path: '/presence' }), allowed: DESK_ANY_OPD },
  { method: 'POST', route: '/mentions/:id/notes', prepare: onMention('/notes', { text: 'Catatan internal untuk @super' }), allowed: DESK_OF_DLH },
  { method: 'GET', route: '/mentions/:id/notes', prepare: onMention('/notes'), allowed: DESK_OF_DLH },
  { method: 'GET', route: '/mentions/:id/timeline', prepare: onMention('/timeline'), allowed: DESK_OF_DLH },
  {
    method: 'GET',
    route: '/users/mentionable',
    prepare: async (ctx) => ({ path: `/users/mentionable?mentionId=${await ctx.freshMention()}&q=m` }),
    allowed: DESK_OF_DLH,
  },
  { method: 'GET', route: '/notifications', prepare: async () => ({ path: '/notifications?unread=1&limit=5' }), allowed: ALL_SIGNED_IN },
  { method: 'GET', route: '/notifications/unread-count', prepare: async () => ({ path: '/notifications/unread-count' }), allowed: ALL_SIGNED_IN },
  { method: 'POST', route: '/notifications/read', prepare: async () => ({ path: '/notifications/read', body: { all: true } }), allowed: ALL_SIGNED_IN },
];

/** Client events on `/live`; a liaison cannot connect at all, which refuses every event. */
export const COLLAB_SOCKET_EVENTS: SocketCase[] = [
  { event: 'presence:heartbeat', prepare: async () => ({}), allowed: DESK_ANY_OPD },
  { event: 'presence:view', prepare: async (ctx) => ({ mentionId: await ctx.freshMention() }), allowed: DESK_OF_DLH },
  { event: 'presence:typing', prepare: async (ctx) => ({ mentionId: await ctx.freshMention(), typing: true }), allowed: DESK_OF_DLH },
];
