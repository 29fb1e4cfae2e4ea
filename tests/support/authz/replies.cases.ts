import type { ReplyTemplateView, ReplyView } from '@sigap/contracts';
import { apiCall } from '../stack';
import { DESK_OF_DLH, SUPERVISORS, type MatrixContext, type RouteCase } from './matrix';

const templateBody = (title: string) => ({ title, body: 'Halo {nama}, laporan {nomor_tiket} kami terima.', category: 'umum', scope: 'all' });

const newTemplate = async (ctx: MatrixContext): Promise<string> => {
  const created = await ctx.asSuperadmin<ReplyTemplateView>('POST', '/templates', templateBody(`Matrix ${Date.now()}`));
  if (created.status !== 201) throw new Error(`template setup failed: ${created.status}`);
  return created.body.id;
};

/** A reply by the DLH admin to a critical mention: it waits for a supervisor's approval. */
const waitingReply = async (ctx: MatrixContext): Promise<string> => {
  const mentionId = await ctx.freshMention();
  await ctx.db.query(`UPDATE mentions SET urgency = 'critical', urgency_rank = 0 WHERE id = $1`, [mentionId]);
  const created = await apiCall<ReplyView>(ctx.stack, 'POST', `/mentions/${mentionId}/replies`, ctx.tokens.admin, { text: 'Petugas meluncur.' });
  if (created.body.status !== 'menunggu_persetujuan') throw new Error(`reply setup failed: ${created.status}`);
  return created.body.id;
};

/** A reply the outbox gave up on. */
const failedReply = async (ctx: MatrixContext): Promise<string> => {
  const mentionId = await ctx.freshMention();
  const created = await ctx.asSuperadmin<ReplyView>('POST', `/mentions/${mentionId}/replies`, { text: 'Sudah kami teruskan.' });
  if (created.status !== 201) throw new Error(`reply setup failed: ${created.status}`);
  await ctx.db.query(`UPDATE replies SET status = 'gagal', last_error = 'matrix' WHERE id = $1`, [created.body.id]);
  return created.body.id;
};

/** Templates, replies and approvals: writing templates and deciding approvals is for supervisors. */
export const REPLIES_ROUTES: RouteCase[] = [
  { method: 'GET', route: '/templates', prepare: async () => ({ path: '/templates' }), allowed: ['adminOtherOpd', ...DESK_OF_DLH] },
  {
    method: 'GET',
    route: '/templates?mentionId=',
    prepare: async (ctx) => ({ path: `/templates?mentionId=${await ctx.freshMention()}` }),
    allowed: DESK_OF_DLH,
  },
  { method: 'POST', route: '/templates', prepare: async () => ({ path: '/templates', body: templateBody(`Matrix ${Date.now()}`) }), allowed: SUPERVISORS },
  {
    method: 'PATCH',
    route: '/templates/:id',
    prepare: async (ctx) => ({ path: `/templates/${await newTemplate(ctx)}`, body: { category: 'diubah' } }),
    allowed: SUPERVISORS,
  },
  {
    method: 'POST',
    route: '/templates/:id/render',
    prepare: async (ctx) => ({ path: `/templates/${await newTemplate(ctx)}/render`, body: { mentionId: await ctx.freshMention() } }),
    allowed: DESK_OF_DLH,
  },
  { method: 'GET', route: '/mentions/:id/replies', prepare: async (ctx) => ({ path: `/mentions/${await ctx.freshMention()}/replies` }), allowed: DESK_OF_DLH },
  {
    method: 'POST',
    route: '/mentions/:id/replies',
    prepare: async (ctx) => ({ path: `/mentions/${await ctx.freshMention()}/replies`, body: { text: 'Terima kasih, laporan kami teruskan.' } }),
    allowed: DESK_OF_DLH,
  },
  { method: 'POST', route: '/replies/:id/retry', prepare: async (ctx) => ({ path: `/replies/${await failedReply(ctx)}/retry` }), allowed: DESK_OF_DLH },
  { method: 'GET', route: '/approvals', prepare: async () => ({ path: '/approvals' }), allowed: SUPERVISORS },
  {
    method: 'POST',
    route: '/approvals/:id',
    prepare: async (ctx) => ({ path: `/approvals/${await waitingReply(ctx)}`, body: { decision: 'approve' } }),
    allowed: SUPERVISORS,
  },
];
