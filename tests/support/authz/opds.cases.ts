import { randomUUID } from 'node:crypto';
import { SUPERADMIN, SUPERVISORS, type MatrixContext, type RouteCase } from './matrix';

const freshCode = () => `MX-${randomUUID().slice(0, 8).toUpperCase()}`;

/** A throwaway OPD, so renaming it never touches the seeded ones the other cases route to. */
async function throwawayOpd(ctx: MatrixContext): Promise<string> {
  const code = freshCode();
  const created = await ctx.asSuperadmin('POST', '/reference/opds', { code, name: 'OPD matriks', kind: 'opd' });
  if (created.status !== 201) throw new Error(`could not create a throwaway OPD: ${created.status}`);
  return code;
}

/** OPD management (superadmin) and the read-only desk settings (supervisors). */
export const OPDS_ROUTES: RouteCase[] = [
  {
    method: 'POST',
    route: '/reference/opds',
    prepare: async () => ({ path: '/reference/opds', body: { code: freshCode(), name: 'OPD matriks', kind: 'opd' } }),
    allowed: SUPERADMIN,
  },
  {
    method: 'PATCH',
    route: '/reference/opds/:code',
    prepare: async (ctx) => ({ path: `/reference/opds/${await throwawayOpd(ctx)}`, body: { name: 'OPD matriks (baru)' } }),
    allowed: SUPERADMIN,
  },
  { method: 'GET', route: '/settings', prepare: async () => ({ path: '/settings' }), allowed: SUPERVISORS },
];
