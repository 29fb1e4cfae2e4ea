import {
  RULE_SET_LIMITS,
  urgencyRank,
  type Channel,
  type MentionTags,
  type RuleSetTrialItem,
  type RuleSetTrialOutcome,
  type RuleSetTrialResult,
  type Urgency,
} from '@sigap/contracts';
import type { TriageInput } from '@sigap/triage';

/** A stored mention as a trial reads it. */
export interface TrialMention {
  id: string;
  text: string;
  channel: Channel;
  postedAt: string;
  author: NonNullable<TriageInput['author']>;
}

/** What a trial reads of a classification. */
export type TrialTags = Pick<MentionTags, 'urgency' | 'score' | 'opd' | 'topic'>;

export type Classifier = (input: TriageInput) => TrialTags;

const EXCERPT_LENGTH = 160;

export const excerptOf = (text: string): string => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT_LENGTH ? `${flat.slice(0, EXCERPT_LENGTH - 1)}…` : flat;
};

const outcomeOf = (tags: TrialTags): RuleSetTrialOutcome => ({
  urgency: tags.urgency,
  score: tags.score,
  opd: tags.opd[0]?.code ?? null,
  topic: tags.topic,
});

/**
 * Classifies each mention with the published rules and with the draft and reports those whose
 * urgency or first OPD would change. Mentions come newest first; the list puts the largest
 * urgency moves first and keeps the newest first among equals.
 */
export function compareClassifiers(
  mentions: readonly TrialMention[],
  published: Classifier,
  draft: Classifier,
  publishedVersion: number,
  maxItems: number = RULE_SET_LIMITS.maxTrialItems,
): RuleSetTrialResult {
  const changed: (RuleSetTrialItem & { order: number })[] = [];
  const moves = new Map<string, { from: Urgency; to: Urgency; count: number }>();
  let urgencyChanged = 0;
  let opdChanged = 0;

  mentions.forEach((mention, order) => {
    const input: TriageInput = { text: mention.text, channel: mention.channel, author: mention.author };
    const before = outcomeOf(published(input));
    const after = outcomeOf(draft(input));
    const urgencyMoved = before.urgency !== after.urgency;
    const opdMoved = before.opd !== after.opd;
    if (!urgencyMoved && !opdMoved) return;
    if (urgencyMoved) {
      urgencyChanged++;
      const key = `${before.urgency}>${after.urgency}`;
      const move = moves.get(key) ?? { from: before.urgency, to: after.urgency, count: 0 };
      move.count++;
      moves.set(key, move);
    }
    if (opdMoved) opdChanged++;
    changed.push({
      id: mention.id,
      excerpt: excerptOf(mention.text),
      channel: mention.channel,
      postedAt: mention.postedAt,
      before,
      after,
      urgencyChanged: urgencyMoved,
      opdChanged: opdMoved,
      order,
    });
  });

  const distance = (item: RuleSetTrialItem): number => Math.abs(urgencyRank(item.before.urgency) - urgencyRank(item.after.urgency));
  // Towards critical before away from it: a missed emergency costs more than a false alarm.
  const towardsCritical = (item: RuleSetTrialItem): number => (urgencyRank(item.after.urgency) < urgencyRank(item.before.urgency) ? 1 : 0);
  changed.sort((a, b) => distance(b) - distance(a) || towardsCritical(b) - towardsCritical(a) || a.order - b.order);

  return {
    publishedVersion,
    sampled: mentions.length,
    changed: changed.length,
    urgencyChanged,
    opdChanged,
    urgencyMoves: [...moves.values()].sort(
      (a, b) => b.count - a.count || urgencyRank(a.to) - urgencyRank(b.to) || urgencyRank(a.from) - urgencyRank(b.from),
    ),
    items: changed.slice(0, maxItems).map(({ order: _order, ...item }) => item),
    truncated: changed.length > maxItems,
  };
}
