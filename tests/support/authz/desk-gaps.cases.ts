import { DESK_OF_DLH, type MatrixContext, type RouteCase } from './matrix';

/** A template every desk role may use, created by the superadmin. */
const generalTemplate = async (ctx: MatrixContext): Promise<string> => {
  const created = await ctx.asSuperadmin<{ id: string }>('POST', '/templates', {
    title: `Matriks ${Date.now()}`,
    body: 'Terima kasih, laporan {nomor_tiket} sudah kami terima.',
    category: 'matriks',
    scope: 'all',
  });
  return created.body.id;
};

/** Bulk replies with a template: the same endpoint as other bulk actions, sending replies to citizens. */
export const DESK_GAPS_ROUTES: RouteCase[] = [
  {
    method: 'POST',
    route: '/mentions/bulk (reply with a template)',
    // Outside an admin's OPDs each item is reported NOT_FOUND in a 200 answer; nothing is sent.
    prepare: async (ctx) => ({
      path: '/mentions/bulk',
      body: { ids: [await ctx.freshMention()], action: { kind: 'reply', templateId: await generalTemplate(ctx) } },
    }),
    allowed: ['adminOtherOpd', ...DESK_OF_DLH],
  },
];
