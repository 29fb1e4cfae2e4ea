import { ticketNumberOf } from '@sigap/contracts';
import { DESK_OF_DLH, type MatrixContext, type RouteCase } from './matrix';

/** The ticket number of a fresh mention routed to DLH. */
async function freshTicket(ctx: MatrixContext): Promise<string> {
  const id = await ctx.freshMention();
  const { rows } = await ctx.db.query<{ seq: string; received_at: Date }>('SELECT seq, received_at FROM mentions WHERE id = $1', [id]);
  return ticketNumberOf(Number(rows[0].seq), rows[0].received_at);
}

/** Linking a mention to the citizen ticket it follows up (desk roles of the mention's OPD). */
export const TICKETS_ROUTES: RouteCase[] = [
  {
    method: 'POST',
    route: '/mentions/:id/follow-up',
    prepare: async (ctx) => ({ path: `/mentions/${await ctx.freshMention()}/follow-up`, body: { ticketNumber: await freshTicket(ctx) } }),
    allowed: DESK_OF_DLH,
  },
];
