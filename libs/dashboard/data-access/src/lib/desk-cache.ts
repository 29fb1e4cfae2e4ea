import type { QueryClient } from '@tanstack/react-query';
import type { LiveMentionUpdate, Mention, MentionDeskState } from '@sigap/contracts';
import { cachedMention } from './correction-cache';
import { applyLiveBatch } from './live-cache';

/**
 * The mention with the desk's state (status, holder, assignee, routing, labels) of `update`, and
 * its ticket link when the update carries one.
 */
export const applyDeskState = (mention: Mention, update: MentionDeskState | LiveMentionUpdate): Mention => ({
  ...mention,
  status: update.status,
  claimedBy: update.claimedBy,
  claimedAt: update.claimedAt,
  assignedTo: update.assignedTo,
  opdCodes: update.opdCodes,
  labels: update.labels,
  escalationLevel: update.escalationLevel,
  ...('followUpOf' in update && update.followUpOf !== undefined ? { followUpOf: update.followUpOf } : {}),
});

/**
 * A claim, release or status change (ours, or announced live): the mention is updated in its
 * detail query and every cached list, through the live merge (so a list filtered by status drops
 * it). Returns the updated mention, or undefined when no cache held it.
 */
export const applyMentionUpdate = (queryClient: QueryClient, update: MentionDeskState | LiveMentionUpdate): Mention | undefined => {
  const current = cachedMention(queryClient, update.id);
  if (!current) return undefined;
  const updated = applyDeskState(current, update);
  applyLiveBatch(queryClient, [updated]);
  return updated;
};
