import { DESK_DISPATCH_QUEUE, NOTIFY_OUTBOUND_QUEUE, REPLIES_OUTBOX_QUEUE } from '@sigap/contracts';
import { visibleJobData } from './visible-job-data';

describe('visibleJobData', () => {
  it('masks the recipient of an outbound notification down to its last three characters', () => {
    expect(visibleJobData(NOTIFY_OUTBOUND_QUEUE, { channel: 'whatsapp', to: '6281234567890', text: 'Eskalasi BDG-2026-000001' })).toEqual({
      channel: 'whatsapp',
      to: '**********890',
      text: 'Eskalasi BDG-2026-000001',
    });
    expect(visibleJobData(NOTIFY_OUTBOUND_QUEUE, { channel: 'telegram', to: '42', text: 'x' })).toMatchObject({ to: '***' });
  });

  it('shows id-only jobs as they are', () => {
    expect(visibleJobData(REPLIES_OUTBOX_QUEUE, { replyId: 'r-1' })).toEqual({ replyId: 'r-1' });
    expect(visibleJobData(DESK_DISPATCH_QUEUE, { mentionId: 'm-1', level: 2 })).toEqual({ mentionId: 'm-1', level: 2 });
    expect(visibleJobData(NOTIFY_OUTBOUND_QUEUE, null)).toBeNull();
  });
});
