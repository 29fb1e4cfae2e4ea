import type { TimelineItem } from '@sigap/contracts';
import { sortTimeline, timelineItemOfAudit } from './timeline.service';

const row = (id: number, action: string, after: Record<string, unknown> | null, before: Record<string, unknown> | null = null) => ({
  id: String(id),
  at: new Date('2026-11-28T10:00:00Z'),
  action,
  actor_id: 'u1',
  actor_name: 'Budi',
  before,
  after,
});

describe('timeline items', () => {
  it('types audit rows by action', () => {
    expect(timelineItemOfAudit(row(1, 'mention.status', { status: 'eskalasi', reason: 'alat berat' }, { status: 'ditangani' }))).toMatchObject({
      kind: 'status',
      from: 'ditangani',
      to: 'eskalasi',
      reason: 'alat berat',
      actor: { id: 'u1', name: 'Budi' },
    });
    expect(timelineItemOfAudit(row(2, 'reply.approve', { replyId: 'r1', status: 'antri', text: 'Terima kasih' }))).toMatchObject({
      kind: 'reply',
      replyId: 'r1',
      replyStatus: 'antri',
      text: 'Terima kasih',
    });
    expect(timelineItemOfAudit(row(3, 'mention.assign', { assignedTo: { id: 'u2', name: 'Siti' } }))).toMatchObject({ kind: 'assignment', assignee: { id: 'u2', name: 'Siti' } });
    expect(timelineItemOfAudit(row(4, 'mention.correction', { urgency: 'high' }))).toMatchObject({ kind: 'other', after: { urgency: 'high' } });
  });

  it('sorts by time, then messages before actions, then by id', () => {
    const at = '2026-11-28T10:00:00.000Z';
    const items: TimelineItem[] = [
      { ...timelineItemOfAudit(row(9, 'mention.status', {})), at },
      { ...timelineItemOfAudit(row(8, 'mention.claim', {})), at },
      { kind: 'message', at, mentionId: 'm', ticketNumber: 'BDG-2026-000001', current: true, linkedByTicket: false, followUpOf: null, channel: 'x', author: { handle: 'w', name: null }, text: 't', status: 'baru' },
      { ...timelineItemOfAudit(row(1, 'mention.claim', {})), at: '2026-11-28T11:00:00.000Z' },
    ];
    expect(sortTimeline(items).map((item) => item.kind)).toEqual(['message', 'claim', 'status', 'claim']);
  });
});
