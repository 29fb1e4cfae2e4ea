import type { InfiniteData } from '@tanstack/react-query';
import type { Mention, MentionPage } from '@sigap/contracts';
import { compareMentions, matchesMentionFilters, type MentionFilters } from './mention-filters';

/** The cached shape of one inbox list: the pages fetched so far, keyed by their cursor. */
export type MentionListData = InfiniteData<MentionPage, string | null>;

/** Index of the first item in a sorted array that `mention` must precede. */
const insertionIndex = (items: readonly Mention[], mention: Mention, filters: MentionFilters): number => {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compareMentions(filters.sort, mention, items[middle]) < 0) high = middle;
    else low = middle + 1;
  }
  return low;
};

/**
 * Merges a batch that arrived over the live socket into one cached list:
 * - a mention already in the list is updated where it stands (never re-sorted under the reader),
 *   or dropped from it when it no longer matches the filters;
 * - a new mention is inserted at its sort position if it matches the filters;
 * - a new mention that sorts after everything loaded so far is left for the next page when there
 *   is one, so keyset paging neither skips nor repeats it.
 * `viewerId` is who `me` is in the holder/assignee filters.
 * Returns the same object when nothing changed.
 */
export const mergeLiveBatch = (
  data: MentionListData | undefined,
  batch: readonly Mention[],
  filters: MentionFilters,
  viewerId?: string | null,
): MentionListData | undefined => {
  if (!data || batch.length === 0) return data;

  // Within a batch the later copy of a mention wins.
  const incoming = new Map<string, Mention>();
  for (const mention of batch) incoming.set(mention.id, mention);

  const present = new Map<string, Mention>();
  for (const page of data.pages) {
    for (const item of page.items) {
      if (incoming.has(item.id)) present.set(item.id, item);
    }
  }

  let changed = false;
  let pages = data.pages;

  if (present.size > 0) {
    pages = pages.map((page) => {
      if (!page.items.some((item) => present.has(item.id))) return page;
      const items: Mention[] = [];
      for (const item of page.items) {
        const update = incoming.get(item.id);
        if (!update || update.seq < item.seq) {
          items.push(item);
        } else if (matchesMentionFilters(update, filters, viewerId, true)) {
          items.push(update);
          changed ||= update !== item;
        } else {
          changed = true;
        }
      }
      return { ...page, items };
    });
  }

  const additions = [...incoming.values()]
    .filter((mention) => !present.has(mention.id) && matchesMentionFilters(mention, filters, viewerId))
    .sort((a, b) => compareMentions(filters.sort, a, b));

  if (additions.length > 0) {
    pages = [...pages];
    const copied = new Set<number>();
    const lastPage = pages.length - 1;
    const complete = lastPage < 0 || pages[lastPage].nextCursor === null;

    for (const mention of additions) {
      let target = -1;
      for (let p = 0; p < pages.length; p += 1) {
        const items = pages[p].items;
        if (items.length > 0 && compareMentions(filters.sort, mention, items[items.length - 1]) < 0) {
          target = p;
          break;
        }
      }
      if (target === -1) {
        // It sorts after everything loaded: it belongs here only if nothing more is to come.
        if (!complete || lastPage < 0) continue;
        target = lastPage;
      }
      if (!copied.has(target)) {
        pages[target] = { ...pages[target], items: [...pages[target].items] };
        copied.add(target);
      }
      const items = pages[target].items;
      items.splice(insertionIndex(items, mention, filters), 0, mention);
      changed = true;
    }
  }

  return changed ? { ...data, pages } : data;
};

/** All loaded mentions in list order, each id once (the first occurrence wins). */
export const flattenMentionPages = (data: MentionListData | undefined): Mention[] => {
  if (!data) return [];
  const seen = new Set<string>();
  const items: Mention[] = [];
  for (const page of data.pages) {
    for (const item of page.items) {
      if (seen.has(item.id)) continue;
      seen.add(item.id);
      items.push(item);
    }
  }
  return items;
};
