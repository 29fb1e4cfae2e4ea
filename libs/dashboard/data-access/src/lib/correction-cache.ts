import type { QueryClient } from '@tanstack/react-query';
import type { CorrectedMentionTags, Mention, MentionCorrectionView } from '@sigap/contracts';
import { applyLiveBatch } from './live-cache';
import { flattenMentionPages, type MentionListData } from './mention-cache';
import { queryKeys } from './query-keys';

/** Kecamatan/kelurahan offices the engine found; the server keeps them after the corrected OPDs. */
const isArea = (code: string): boolean => code.startsWith('KEC-') || code.startsWith('KEL-');

/**
 * The mention as the server stores it after `correction`: the corrected urgency and OPDs (area
 * offices kept after them, corrected OPDs at full confidence) and the `corrected` marker in its
 * tags. The score is left as it was; the server's copy, fetched afterwards, brings the exact one.
 */
export const applyCorrection = (mention: Mention, correction: MentionCorrectionView): Mention => {
  const { after, before } = correction;
  const areas = mention.opdCodes.filter(isArea);
  const opdCodes = [...after.opd, ...areas.filter((code) => !after.opd.includes(code))];
  const previous = new Map(mention.tags.opd.map((tag) => [tag.code, tag.confidence]));
  const tags: CorrectedMentionTags = {
    ...mention.tags,
    urgency: after.urgency,
    opd: opdCodes.map((code) => ({ code, confidence: after.opd.includes(code) ? 1 : (previous.get(code) ?? 1) })),
    corrected: { by: correction.userId, at: correction.createdAt, before },
  };
  return { ...mention, urgency: after.urgency, opdCodes, tags };
};

/** The freshest cached copy of a mention: the detail query's, else the first list holding it. */
export const cachedMention = (queryClient: QueryClient, id: string): Mention | undefined => {
  const detail = queryClient.getQueryData<Mention>(queryKeys.mentionDetail(id));
  if (detail) return detail;
  for (const [, data] of queryClient.getQueriesData<MentionListData>({ queryKey: queryKeys.mentionLists() })) {
    const found = flattenMentionPages(data).find((item) => item.id === id);
    if (found) return found;
  }
  return undefined;
};

/**
 * Shows a saved correction at once: the mention is updated in its detail query and in every
 * cached inbox list, through the same merge as the live feed (updated in place, or dropped from
 * a list whose filters it no longer matches, or added to one it now matches). Returns the
 * updated mention, or undefined when no cache held it.
 */
export const applyCorrectionToCaches = (
  queryClient: QueryClient,
  correction: MentionCorrectionView,
): Mention | undefined => {
  const current = cachedMention(queryClient, correction.mentionId);
  if (!current) return undefined;
  const updated = applyCorrection(current, correction);
  applyLiveBatch(queryClient, [updated]);
  return updated;
};
