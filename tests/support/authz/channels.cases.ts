import type { CreatedChannelKey } from '@sigap/contracts';
import { SUPERADMIN, SUPERVISORS, type MatrixContext, type RouteCase } from './matrix';

/** A fresh key on the e-mail channel, which the matrix's mentions never use. */
async function throwawayKey(ctx: MatrixContext): Promise<string> {
  const created = await ctx.asSuperadmin<CreatedChannelKey>('POST', '/channels/email/keys', { name: 'Kunci matriks' });
  if (created.status !== 201) throw new Error(`could not create a throwaway ingest key: ${created.status}`);
  return created.body.view.id;
}

/** Channels and their ingest keys: supervisors read, the superadmin changes. Nothing here disables a channel. */
export const CHANNELS_ROUTES: RouteCase[] = [
  { method: 'GET', route: '/channels', prepare: async () => ({ path: '/channels' }), allowed: SUPERVISORS },
  {
    method: 'PATCH',
    route: '/channels/:code',
    prepare: async (_ctx, actor) => ({ path: '/channels/email', body: { account: `matriks-${actor}@bandung.go.id` } }),
    allowed: SUPERADMIN,
  },
  {
    method: 'POST',
    route: '/channels/:code/keys',
    prepare: async () => ({ path: '/channels/email/keys', body: { name: 'Kunci matriks' } }),
    allowed: SUPERADMIN,
  },
  {
    method: 'DELETE',
    route: '/channels/:code/keys/:id',
    prepare: async (ctx) => ({ path: `/channels/email/keys/${await throwawayKey(ctx)}` }),
    allowed: SUPERADMIN,
  },
];
