import { NOTIFY_OUTBOUND_QUEUE, type NotifyOutboundJobData } from '@sigap/contracts';

/** Keeps only the last digits of a phone number or chat id: enough to tell recipients apart, not to contact them. */
const maskRecipient = (to: string): string => (to.length <= 3 ? '***' : `${'*'.repeat(to.length - 3)}${to.slice(-3)}`);

/**
 * What the failed list may show of a job's data. Outbox, dispatch, training and cleanup jobs carry
 * only ids and triggers; an outbound notification carries a staff member's phone number or chat id.
 */
export const visibleJobData = (queue: string, data: unknown): unknown => {
  if (queue === NOTIFY_OUTBOUND_QUEUE && data && typeof data === 'object') {
    const job = data as Partial<NotifyOutboundJobData>;
    return { ...job, to: typeof job.to === 'string' ? maskRecipient(job.to) : job.to };
  }
  return data;
};
