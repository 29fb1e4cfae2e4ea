import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Alert, Box, Button, Center, Drawer, Group, Loader, NativeSelect, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { MENTION_SORTS, ROLES_SEEING_ALL, type MentionSort } from '@sigap/contracts';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import {
  emptyMentionFilters,
  flattenMentionPages,
  hasActiveFilters,
  normalizeMentionFilters,
  useClaimMention,
  useMentionList,
  useReleaseMention,
  useSession,
  useSetMentionStatus,
  type MentionFilters,
} from '@sigap/dashboard/data-access';
import { createShortcutReader, isHotkeyIgnored, describeApiError } from '@sigap/dashboard/ui';
import { BulkActionBar } from './bulk-action-bar';
import { FilterPanel } from './filter-panel';
import { readInboxUrl, writeInboxUrl, type InboxUrlState } from './inbox-url';
import { MentionDetailPane } from './mention-detail-pane';
import { deskFailureMessage } from './mention-desk';
import { MentionList, type MentionListHandle } from './mention-list';
import { useReferenceLookup } from './reference-lookup';
import { SearchInput } from './search-input';

const BORDER = '1px solid var(--mantine-color-gray-3)';

const activeFilterCount = (filters: MentionFilters): number =>
  filters.urgency.length +
  filters.opd.length +
  filters.channel.length +
  filters.kecamatan.length +
  filters.status.length +
  (filters.q ? 1 : 0) +
  (filters.holder ? 1 : 0) +
  (filters.assignee ? 1 : 0) +
  (filters.label ? 1 : 0) +
  (filters.escalated ? 1 : 0) +
  (filters.forwardedFrom ? 1 : 0);

/** The reply box another part of the dashboard renders; `r` focuses it. */
const REPLY_INPUT_SELECTOR = '[data-reply-input]';

export interface InboxPageProps {
  /** Shown above the list (the "Pekerjaan saya" tabs). */
  header?: ReactNode;
}

/**
 * The live inbox: filters on the left, the list in the middle, the selected mention on the right.
 * Keys: j/k move, c claims, u releases, e resolves, r goes to the reply box, / searches.
 */
export const InboxPage = ({ header }: InboxPageProps = {}) => {
  const { t } = useTranslation();
  const claim = useClaimMention();
  const release = useReleaseMention();
  const setStatus = useSetMentionStatus();
  const [keyError, setKeyError] = useState<string | null>(null);
  const [params, setParams] = useSearchParams();
  const { filters } = useMemo(() => readInboxUrl(params), [params]);
  // The selection lives in state so j/k answer at once; the address only records it (with
  // `replace`, so there is no history to follow back) for a reload or a shared link.
  const [selectedId, setSelectedId] = useState(() => readInboxUrl(params).selectedId);
  // A link into the inbox while it is open (a notification's "open"): follow the address.
  const linkedId = readInboxUrl(params).selectedId;
  useEffect(() => {
    if (linkedId !== null) setSelectedId(linkedId);
  }, [linkedId]);
  const listKey = JSON.stringify(filters);

  // Three columns from 1200px, two from 768px, one on a phone.
  const wide = useMediaQuery('(min-width: 75em)', true, { getInitialValueInEffect: false }) === true;
  const phone = useMediaQuery('(max-width: 47.99em)', false, { getInitialValueInEffect: false }) === true;
  const [filtersOpen, setFiltersOpen] = useState(false);

  const updateUrl = useCallback(
    (change: (current: InboxUrlState) => InboxUrlState) =>
      setParams((current) => writeInboxUrl(change(readInboxUrl(current))), { replace: true }),
    [setParams],
  );
  const changeFilters = useCallback(
    (patch: Partial<MentionFilters>) =>
      updateUrl((current) => ({ ...current, filters: normalizeMentionFilters({ ...current.filters, ...patch }) })),
    [updateUrl],
  );
  const resetFilters = useCallback(
    () => updateUrl((current) => ({ ...current, filters: { ...emptyMentionFilters(), sort: current.filters.sort } })),
    [updateUrl],
  );
  const select = useCallback(
    (id: string | null) => {
      setSelectedId(id);
      updateUrl((current) => ({ ...current, selectedId: id }));
    },
    [updateUrl],
  );
  const changeSearch = useCallback((q: string) => changeFilters({ q }), [changeFilters]);

  // Mentions checked for a bulk action; another list (other filters) starts with none.
  const session = useSession();
  // DPRD liaisons read only: no checkboxes that lead to actions the server refuses them.
  const canAct = session !== null && session.user.role !== 'liaison';
  const [checkedIds, setCheckedIds] = useState<ReadonlySet<string>>(() => new Set());
  useEffect(() => setCheckedIds(new Set()), [listKey]);
  const toggleChecked = useCallback(
    (id: string, checked: boolean) =>
      setCheckedIds((current) => {
        const next = new Set(current);
        if (checked) next.add(id);
        else next.delete(id);
        return next;
      }),
    [],
  );

  const list = useMentionList(filters);
  const items = useMemo(() => flattenMentionPages(list.data), [list.data]);
  const reference = useReferenceLookup();
  const selectedFromList = useMemo(
    () => (selectedId === null ? undefined : items.find((item) => item.id === selectedId)),
    [items, selectedId],
  );
  const { fetchNextPage } = list;
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);

  const listRef = useRef<MentionListHandle>(null);
  const searchRef = useRef<HTMLInputElement>(null);

  // The key handler reads the latest state through a ref so it is bound once.
  const act = useCallback(
    (action: 'claim' | 'release' | 'resolve') => {
      const id = cursor.current;
      if (id === null) return;
      setKeyError(null);
      const onError = (error: Error): void => setKeyError(deskFailureMessage(t, error));
      if (action === 'claim') claim.mutate(id, { onError });
      else if (action === 'release') release.mutate(id, { onError });
      else setStatus.mutate({ id, status: 'selesai' }, { onError });
    },
    // The mutation objects change every render; their mutate functions do not.
    [claim.mutate, release.mutate, setStatus.mutate, t],
  );
  const latest = useRef({ items, selectedId, phone, select, act });
  latest.current = { items, selectedId, phone, select, act };
  // Where j/k stand, ahead of the address when keys repeat faster than the page re-renders.
  const cursor = useRef(selectedId);
  useEffect(() => {
    cursor.current = selectedId;
  }, [selectedId]);

  useEffect(() => {
    const move = (step: number): void => {
      const { items: rows, select: choose } = latest.current;
      if (rows.length === 0) return;
      const current = cursor.current;
      const index = current === null ? -1 : rows.findIndex((row) => row.id === current);
      const next = index === -1 ? 0 : Math.min(rows.length - 1, Math.max(0, index + step));
      cursor.current = rows[next].id;
      choose(rows[next].id);
      listRef.current?.scrollToIndex(next);
    };
    const readShortcut = createShortcutReader();
    const onKeyDown = (event: KeyboardEvent): void => {
      if (isHotkeyIgnored(event)) return;
      const action = readShortcut(event.key);
      switch (action) {
        case 'next':
          event.preventDefault();
          move(1);
          break;
        case 'previous':
          event.preventDefault();
          move(-1);
          break;
        case 'search':
          event.preventDefault();
          searchRef.current?.focus();
          searchRef.current?.select();
          break;
        case 'claim':
        case 'release':
        case 'resolve':
          event.preventDefault();
          latest.current.act(action);
          break;
        case 'reply': {
          const input = document.querySelector<HTMLElement>(REPLY_INPUT_SELECTOR);
          if (input) {
            event.preventDefault();
            input.focus();
          }
          break;
        }
        case 'escape':
          if (latest.current.phone && latest.current.selectedId !== null) latest.current.select(null);
          break;
        // The frame handles these (they work on every page).
        case 'myWork':
        case 'inbox':
        case 'board':
        case 'help':
        case null:
          break;
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  const filterCount = activeFilterCount(filters);
  const filterPanel = (
    <FilterPanel
      flush={!wide}
      filters={filters}
      onChange={changeFilters}
      onReset={resetFilters}
      reference={reference}
      withSearch={wide}
      searchRef={wide ? searchRef : undefined}
    />
  );

  let listBody;
  if (list.isPending) {
    listBody = (
      <Center h="100%">
        <Loader size="sm" />
      </Center>
    );
  } else if (list.isError && items.length === 0) {
    listBody = (
      <Center h="100%" p="md">
        <Alert color="red" variant="light" role="alert" data-testid="mention-list-error">
          <Stack gap="xs">
            <Text size="sm">{t('list.error', { message: describeApiError(list.error, t) })}</Text>
            <Button size="xs" variant="light" color="red" onClick={() => void list.refetch()}>
              {t('common.retry')}
            </Button>
          </Stack>
        </Alert>
      </Center>
    );
  } else if (items.length === 0) {
    listBody = (
      <Center h="100%" p="md">
        <Text size="sm" c="dimmed" data-testid="mention-list-empty">
          {hasActiveFilters(filters) ? t('list.empty') : t('list.emptyAll')}
        </Text>
      </Center>
    );
  } else {
    listBody = (
      <MentionList
        ref={listRef}
        items={items}
        listKey={list.isPlaceholderData ? `${listKey}:previous` : listKey}
        selectedId={selectedId}
        onSelect={select}
        placeName={reference.areaName}
        hasNextPage={list.hasNextPage}
        isFetchingNextPage={list.isFetchingNextPage}
        fetchNextPage={loadMore}
        stale={list.isPlaceholderData}
        checkedIds={checkedIds}
        onCheckedChange={canAct ? toggleChecked : undefined}
      />
    );
  }

  const detail = (
    <MentionDetailPane
      id={selectedId}
      fromList={selectedFromList}
      reference={reference}
      onClose={phone ? () => select(null) : undefined}
    />
  );

  return (
    <Box
      data-testid="inbox"
      style={{
        display: 'grid',
        gridTemplateColumns: wide
          ? '248px minmax(0, 1fr) minmax(380px, 36%)'
          : phone
            ? 'minmax(0, 1fr)'
            : 'minmax(0, 1fr) minmax(340px, 44%)',
        height: '100%',
        minHeight: 0,
      }}
    >
      {wide && (
        <Box component="aside" aria-label={t('filters.title')} style={{ overflowY: 'auto', borderRight: BORDER }}>
          {filterPanel}
        </Box>
      )}

      <Box component="section" aria-label={t('list.label')} style={{ display: 'flex', flexDirection: 'column', minHeight: 0, minWidth: 0 }}>
        {header}
        <Group gap="xs" px="sm" py={6} wrap="nowrap" style={{ borderBottom: BORDER }}>
          {!wide && (
            <Button variant="default" size="xs" onClick={() => setFiltersOpen(true)} data-testid="open-filters">
              {t('filters.open')}
              {filterCount > 0 ? ` (${filterCount})` : ''}
            </Button>
          )}
          {wide ? (
            <Text size="xs" c="dimmed" style={{ flex: 1 }} data-testid="mention-count">
              {list.hasNextPage
                ? t('list.loadedMore', { count: items.length })
                : t('list.loaded', { count: items.length })}
              {list.isFetching && !list.isFetchingNextPage ? ` · ${t('common.loading')}` : ''}
            </Text>
          ) : (
            <Box style={{ flex: 1, minWidth: 0 }}>
              <SearchInput value={filters.q} onChange={changeSearch} inputRef={searchRef} />
            </Box>
          )}
          <NativeSelect
            size="xs"
            aria-label={t('sort.label')}
            value={filters.sort}
            onChange={(event) => changeFilters({ sort: event.currentTarget.value as MentionSort })}
            data={MENTION_SORTS.map((sort) => ({ value: sort, label: t(`sort.${sort}`) }))}
            data-testid="inbox-sort"
          />
        </Group>
        {keyError !== null && (
          <Text size="xs" c="red.8" px="sm" py={4} role="alert" data-testid="hotkey-error" style={{ borderBottom: BORDER }}>
            {keyError}
          </Text>
        )}
        {canAct && checkedIds.size > 0 && (
          <BulkActionBar
            ids={[...checkedIds]}
            supervisor={session !== null && ROLES_SEEING_ALL.includes(session.user.role)}
            onClear={() => setCheckedIds(new Set())}
          />
        )}
        <Box style={{ flex: 1, minHeight: 0 }}>{listBody}</Box>
      </Box>

      {!phone && (
        <Box component="section" aria-label={t('detail.label')} p="md" style={{ overflowY: 'auto', borderLeft: BORDER, minWidth: 0 }}>
          {detail}
        </Box>
      )}

      {!wide && (
        <Drawer opened={filtersOpen} onClose={() => setFiltersOpen(false)} title={t('filters.title')} size={320} padding="md">
          {filterPanel}
        </Drawer>
      )}
      {phone && (
        <Drawer
          opened={selectedId !== null}
          onClose={() => select(null)}
          position="right"
          size="100%"
          withCloseButton={false}
          padding="md"
        >
          {detail}
        </Drawer>
      )}
    </Box>
  );
};
