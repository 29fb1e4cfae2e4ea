import { useCallback, useEffect, useImperativeHandle, useLayoutEffect, useRef, useState, type Ref } from 'react';
import { Box, Button, Center, Loader, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Mention } from '@sigap/contracts';
import { useTranslation } from 'react-i18next';
import { MENTION_ROW_HEIGHT, MentionRow } from '@sigap/dashboard/ui';
import { keepReadingPosition } from './scroll-anchor';

/** How long a row that arrived live keeps its highlight. */
const FRESH_MS = 8_000;
/** Start fetching the next page this many rows before the end. */
const PREFETCH_ROWS = 40;

export interface MentionListHandle {
  scrollToIndex: (index: number) => void;
}

export interface MentionListProps {
  items: Mention[];
  /** Changes whenever the list is a different list (other filters): scroll resets, nothing counts as new. */
  listKey: string;
  selectedId: string | null;
  onSelect: (id: string) => void;
  placeName: (code: string | null) => string | null;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => void;
  /** The list shown is the previous one while the new filters load. */
  stale?: boolean;
  /** Rows checked for a bulk action; with `onCheckedChange`, rows show checkboxes. */
  checkedIds?: ReadonlySet<string>;
  onCheckedChange?: (id: string, checked: boolean) => void;
  ref?: Ref<MentionListHandle>;
}

/**
 * The virtualised inbox. Rows have one fixed height so the position of any row is known without
 * measuring; when rows arrive above a reader who has scrolled down, the scroll position is moved
 * by the same amount so nothing under their eyes moves, and a pill counts what is new up there.
 */
export const MentionList = ({
  items,
  listKey,
  selectedId,
  onSelect,
  placeName,
  hasNextPage,
  isFetchingNextPage,
  fetchNextPage,
  stale = false,
  checkedIds,
  onCheckedChange,
  ref,
}: MentionListProps) => {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const previous = useRef<{ key: string; ids: string[] } | null>(null);
  const freshSince = useRef(new Map<string, number>());
  const [newAbove, setNewAbove] = useState(0);

  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => MENTION_ROW_HEIGHT,
    getItemKey: (index) => items[index]?.id ?? index,
    overscan: 6,
  });

  useImperativeHandle(
    ref,
    () => ({
      scrollToIndex: (index: number) => virtualizer.scrollToIndex(index, { align: 'auto' }),
    }),
    [virtualizer],
  );

  // Runs before paint, so the reader never sees the list jump and come back.
  useLayoutEffect(() => {
    const element = scrollRef.current;
    const ids = items.map((item) => item.id);
    const last = previous.current;
    previous.current = { key: listKey, ids };
    if (!element) return;

    if (!last || last.key !== listKey) {
      freshSince.current.clear();
      setNewAbove(0);
      if (last) element.scrollTop = 0;
      return;
    }

    if (ids.length > last.ids.length) {
      const known = new Set(last.ids);
      const now = Date.now();
      for (const id of ids) if (!known.has(id)) freshSince.current.set(id, now);
    }

    const position = keepReadingPosition(last.ids, ids, element.scrollTop, MENTION_ROW_HEIGHT);
    if (position.scrollTop !== element.scrollTop) element.scrollTop = position.scrollTop;
    if (position.insertedAbove > 0) setNewAbove((count) => count + position.insertedAbove);
  }, [items, listKey]);

  const virtualItems = virtualizer.getVirtualItems();
  const lastVisible = virtualItems.length > 0 ? virtualItems[virtualItems.length - 1].index : -1;

  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastVisible >= items.length - PREFETCH_ROWS) fetchNextPage();
  }, [lastVisible, items.length, hasNextPage, isFetchingNextPage, fetchNextPage]);

  const onScroll = useCallback(() => {
    if ((scrollRef.current?.scrollTop ?? 0) <= 2) setNewAbove(0);
  }, []);

  const jumpToTop = (): void => {
    setNewAbove(0);
    virtualizer.scrollToOffset(0);
  };

  const now = Date.now();
  for (const [id, since] of freshSince.current) if (now - since > FRESH_MS) freshSince.current.delete(id);

  return (
    <Box pos="relative" h="100%" style={{ minHeight: 0 }}>
      {newAbove > 0 && (
        <Button
          size="compact-sm"
          radius="xl"
          variant="filled"
          pos="absolute"
          top={8}
          left="50%"
          style={{ transform: 'translateX(-50%)', zIndex: 2, boxShadow: 'var(--mantine-shadow-sm)' }}
          onClick={jumpToTop}
          title={t('list.newItemsHint')}
          data-testid="new-items-pill"
        >
          ↑ {t('list.newItems', { count: newAbove })}
        </Button>
      )}
      <div
        ref={scrollRef}
        onScroll={onScroll}
        role="listbox"
        aria-label={t('list.label')}
        aria-busy={stale}
        data-testid="mention-list"
        style={{
          height: '100%',
          overflowY: 'auto',
          overflowAnchor: 'none',
          contain: 'strict',
          opacity: stale ? 0.6 : 1,
          transition: 'opacity 150ms',
        }}
      >
        <div style={{ height: virtualizer.getTotalSize(), width: '100%', position: 'relative' }}>
          {virtualItems.map((virtualItem) => {
            const mention = items[virtualItem.index];
            if (!mention) return null;
            return (
              <MentionRow
                key={mention.id}
                mention={mention}
                place={placeName(mention.kecamatanCode)}
                selected={mention.id === selectedId}
                fresh={freshSince.current.has(mention.id)}
                onSelect={onSelect}
                offset={virtualItem.start}
                onCheckedChange={onCheckedChange}
                checked={checkedIds?.has(mention.id) ?? false}
              />
            );
          })}
        </div>
        {isFetchingNextPage && (
          <Center py="sm" style={{ gap: 8 }}>
            <Loader size="xs" />
            <Text size="xs" c="dimmed">
              {t('list.loadingMore')}
            </Text>
          </Center>
        )}
        {!hasNextPage && items.length > 0 && (
          <Text size="xs" c="dimmed" ta="center" py="sm">
            {t('list.end')}
          </Text>
        )}
      </div>
    </Box>
  );
};
