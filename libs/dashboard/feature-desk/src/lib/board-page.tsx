import type { ReactNode } from 'react';
import { Alert, Anchor, Badge, Box, Button, Center, Group, Loader, Paper, ScrollArea, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import type { ApprovalItem, BoardOpd, BoardPerson, BoardUrgencyTile, BoardWaitingMention, DeskBoard } from '@sigap/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import {
  APPROVALS_PATH,
  OPEN_STATUSES,
  inboxHref,
  unclaimedFilters,
  useApprovals,
  useDeskBoard,
  useOpds,
} from '@sigap/dashboard/data-access';
import { describeApiError, formatWib, type Language, PageHeader, toLanguage, URGENCY_COLORS, UrgencyBadge, useNow } from '@sigap/dashboard/ui';
import { formatWait } from './format-wait';

const Panel = ({ title, children, testId, extra }: { title: string; children: ReactNode; testId: string; extra?: ReactNode }) => (
  <Paper withBorder radius="sm" p="sm" data-testid={testId} style={{ minWidth: 0, display: 'flex', flexDirection: 'column' }}>
    <Group justify="space-between" mb={6} wrap="nowrap">
      <Title order={3} fz="sm" fw={700}>
        {title}
      </Title>
      {extra}
    </Group>
    {children}
  </Paper>
);

/** A number that opens the mentions behind it. */
const DrillNumber = ({ to, value, testId, label }: { to: string; value: number; testId?: string; label: string }) => (
  <Anchor component={Link} to={to} fw={600} c={value === 0 ? 'dimmed' : undefined} aria-label={label} data-testid={testId} underline="hover">
    {value}
  </Anchor>
);

const UrgencyTile = ({ tile, elapsed, language }: { tile: BoardUrgencyTile; elapsed: number; language: Language }) => {
  const { t } = useTranslation();
  const color = URGENCY_COLORS[tile.urgency];
  const oldest = tile.oldestWaitingSeconds === null ? null : tile.oldestWaitingSeconds + elapsed;
  return (
    <Paper
      component={Link}
      to={inboxHref(unclaimedFilters(tile.urgency))}
      withBorder
      radius="sm"
      p="sm"
      title={t('deskViews.board.drillHint')}
      data-testid={`board-tile-${tile.urgency}`}
      style={{ borderLeft: `6px solid var(--mantine-color-${color}-6)`, textDecoration: 'none', color: 'inherit', display: 'block' }}
    >
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <UrgencyBadge urgency={tile.urgency} size="md" />
        <Text size="xs" c="dimmed">
          {t('deskViews.board.sla', { limit: formatWait(tile.slaSeconds, language) })}
        </Text>
      </Group>
      <Group gap={6} align="baseline" mt={4} wrap="nowrap">
        <Text fz={34} fw={800} lh={1.1} c={tile.unclaimed > 0 ? `${color}.8` : 'dimmed'} data-testid={`board-tile-${tile.urgency}-count`}>
          {tile.unclaimed}
        </Text>
        <Text size="sm" c="dimmed">
          {t('deskViews.board.unclaimed')}
        </Text>
      </Group>
      <Text size="xs" mt={2} data-testid={`board-tile-${tile.urgency}-oldest`}>
        {oldest === null ? t('deskViews.board.noneWaiting') : t('deskViews.board.oldest', { age: formatWait(oldest, language) })}
      </Text>
      <Group gap={6} mt={6} wrap="wrap">
        <Badge size="sm" variant={tile.atRisk > 0 ? 'filled' : 'light'} color={tile.atRisk > 0 ? 'yellow.7' : 'gray'} data-testid={`board-tile-${tile.urgency}-at-risk`}>
          {t('deskViews.board.atRisk', { count: tile.atRisk })}
        </Badge>
        <Badge size="sm" variant={tile.breached > 0 ? 'filled' : 'light'} color={tile.breached > 0 ? 'red.8' : 'gray'} data-testid={`board-tile-${tile.urgency}-breached`}>
          {t('deskViews.board.breached', { count: tile.breached })}
        </Badge>
      </Group>
    </Paper>
  );
};

const OnlineDot = ({ online }: { online: boolean }) => {
  const { t } = useTranslation();
  const label = online ? t('deskViews.board.online') : t('deskViews.board.offline');
  return (
    <Tooltip label={label}>
      <Box
        component="span"
        role="img"
        aria-label={label}
        data-online={online}
        style={{
          display: 'inline-block',
          width: 10,
          height: 10,
          flexShrink: 0,
          borderRadius: '50%',
          background: online ? 'var(--mantine-color-green-6)' : 'transparent',
          border: online ? 'none' : '2px solid var(--mantine-color-gray-5)',
        }}
      />
    </Tooltip>
  );
};

const PeopleTable = ({ people }: { people: BoardPerson[] }) => {
  const { t } = useTranslation();
  if (people.length === 0) return <Text size="sm" c="dimmed">{t('deskViews.board.noPeople')}</Text>;
  return (
    <Table striped={false} highlightOnHover verticalSpacing={4} fz="sm" data-testid="board-people">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('deskViews.board.person')}</Table.Th>
          <Table.Th ta="right">{t('deskViews.board.holding')}</Table.Th>
          <Table.Th ta="right">{t('deskViews.board.assigned')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {people.map((person) => (
          <Table.Tr key={person.id} data-testid="board-person" data-person-id={person.id}>
            <Table.Td>
              <Group gap={8} wrap="nowrap">
                <OnlineDot online={person.online} />
                <Text size="sm" truncate maw={170}>
                  {person.name}
                </Text>
              </Group>
            </Table.Td>
            <Table.Td ta="right">
              <DrillNumber
                to={inboxHref({ holder: person.id, status: OPEN_STATUSES })}
                value={person.holding}
                label={`${t('deskViews.board.holding')} ${person.name}: ${person.holding}`}
                testId="board-person-holding"
              />
            </Table.Td>
            <Table.Td ta="right">
              <DrillNumber
                to={inboxHref({ assignee: person.id, status: OPEN_STATUSES })}
                value={person.assigned}
                label={`${t('deskViews.board.assigned')} ${person.name}: ${person.assigned}`}
                testId="board-person-assigned"
              />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
};

const OpdTable = ({ opds, unrouted }: { opds: BoardOpd[]; unrouted: number }) => {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      {opds.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('deskViews.board.noOpds')}
        </Text>
      ) : (
        <Table highlightOnHover verticalSpacing={4} fz="sm" data-testid="board-opds">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('deskViews.board.opd')}</Table.Th>
              <Table.Th ta="right">{t('deskViews.board.backlog')}</Table.Th>
              <Table.Th ta="right" title={t('deskViews.board.bounced')}>
                {t('deskViews.board.bouncedShort')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {opds.map((opd) => (
              <Table.Tr key={opd.code} data-testid="board-opd" data-opd={opd.code}>
                <Table.Td>
                  <Tooltip label={opd.name} disabled={opd.name === opd.code || isAreaUnit(opd.code)}>
                    <Text size="sm" fw={600} span>
                      {isAreaUnit(opd.code) ? opd.name : opd.code}
                    </Text>
                  </Tooltip>
                </Table.Td>
                <Table.Td ta="right">
                  <DrillNumber
                    to={inboxHref({ opd: [opd.code], status: OPEN_STATUSES })}
                    value={opd.backlog}
                    label={`${t('deskViews.board.backlog')} ${opd.code}: ${opd.backlog}`}
                    testId="board-opd-backlog"
                  />
                </Table.Td>
                <Table.Td ta="right">
                  {opd.bounced > 0 ? (
                    <Anchor
                      component={Link}
                      to={inboxHref({ forwardedFrom: opd.code, sort: 'newest' })}
                      fw={700}
                      c="orange.9"
                      underline="hover"
                      aria-label={`${t('deskViews.board.bounced')} ${opd.code}: ${opd.bounced}`}
                      data-testid="board-opd-bounced"
                    >
                      {opd.bounced}
                    </Anchor>
                  ) : (
                    <Text size="sm" span c="dimmed" data-testid="board-opd-bounced">
                      0
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Text size="xs" c="dimmed" data-testid="board-unrouted">
        {t('deskViews.board.unrouted', { count: unrouted })}
      </Text>
    </Stack>
  );
};

/** Kecamatan and kelurahan offices by name ("Kecamatan Coblong"); city agencies by their well-known code. */
const isAreaUnit = (code: string) => code.startsWith('KEC-') || code.startsWith('KEL-');

const useUnitLabel = (): ((code: string) => string) => {
  const opds = useOpds();
  const names = new Map((opds.data ?? []).map((opd) => [opd.code, opd.name]));
  return (code) => (isAreaUnit(code) ? (names.get(code) ?? code) : code);
};

const OldestList = ({ items, elapsed, language }: { items: BoardWaitingMention[]; elapsed: number; language: Language }) => {
  const unitLabel = useUnitLabel();
  const { t } = useTranslation();
  if (items.length === 0) return <Text size="sm" c="dimmed">{t('deskViews.board.noneOldest')}</Text>;
  return (
    <Stack gap={0} data-testid="board-oldest">
      {items.map((item) => (
        <Box
          key={item.id}
          component={Link}
          to={inboxHref(unclaimedFilters(item.urgency), item.id)}
          data-testid="board-oldest-item"
          data-mention-id={item.id}
          py={6}
          style={{ display: 'block', color: 'inherit', textDecoration: 'none', borderBottom: '1px solid var(--mantine-color-gray-2)' }}
        >
          <Group gap={8} wrap="nowrap">
            <UrgencyBadge urgency={item.urgency} />
            <Text size="xs" ff="monospace" c="dimmed">
              {item.ticketNumber}
            </Text>
            <Text size="xs" fw={700} c={URGENCY_COLORS[item.urgency] === 'red' ? 'red.8' : 'orange.9'} ml="auto" style={{ whiteSpace: 'nowrap' }}>
              {t('deskViews.board.waited', { age: formatWait(item.waitedSeconds + elapsed, language) })}
            </Text>
          </Group>
          <Text size="sm" truncate>
            {item.excerpt}
          </Text>
          {item.opdCodes.length > 0 && (
            <Text size="xs" c="dimmed" truncate>
              {item.opdCodes.map(unitLabel).join(', ')}
            </Text>
          )}
        </Box>
      ))}
    </Stack>
  );
};

const ApprovalPanel = ({ items, error }: { items: ApprovalItem[] | undefined; error: Error | null }) => {
  const { t } = useTranslation();
  if (error) return <Text size="sm" c="red.8">{describeApiError(error, t)}</Text>;
  if (!items) return <Loader size="xs" />;
  return (
    <Stack gap={6}>
      <Text size="sm" fw={600} data-testid="board-approvals-count">
        {items.length === 0 ? t('deskViews.board.approvalsEmpty') : t('deskViews.board.approvalsCount', { count: items.length })}
      </Text>
      {items.slice(0, 5).map((item) => (
        <Box key={item.reply.id} style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }} pb={4}>
          <Group gap={6} wrap="nowrap">
            <UrgencyBadge urgency={item.mention.urgency} />
            <Text size="xs" ff="monospace" c="dimmed">
              {item.mention.ticketNumber}
            </Text>
            <Text size="xs" c="dimmed" truncate>
              {item.reply.author.name}
            </Text>
          </Group>
          <Text size="sm" truncate>
            {item.reply.text}
          </Text>
        </Box>
      ))}
      <Anchor component={Link} to={APPROVALS_PATH} size="sm">
        {t('deskViews.board.openApprovals')} →
      </Anchor>
    </Stack>
  );
};

const BoardBody = ({ board }: { board: DeskBoard }) => {
  const { t, i18n } = useTranslation();
  const language = toLanguage(i18n.language);
  const now = useNow();
  // Ages keep counting between refetches (the board refetches only when something moves).
  const elapsed = Math.max(0, Math.floor((now - Date.parse(board.generatedAt)) / 1000));
  const approvals = useApprovals();
  return (
    <Stack gap="sm">
      <Box style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(230px, 1fr))', gap: 'var(--mantine-spacing-sm)' }}>
        {board.urgencies.map((tile) => (
          <UrgencyTile key={tile.urgency} tile={tile} elapsed={elapsed} language={language} />
        ))}
      </Box>
      <Box style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(300px, 1fr))', gap: 'var(--mantine-spacing-sm)', alignItems: 'start' }}>
        <Panel title={t('deskViews.board.oldestTitle')} testId="board-oldest-panel">
          <OldestList items={board.oldestUnclaimed} elapsed={elapsed} language={language} />
        </Panel>
        <Panel title={t('deskViews.board.people')} testId="board-people-panel">
          <PeopleTable people={board.people} />
        </Panel>
        <Stack gap="sm">
          <Panel
            title={t('deskViews.board.approvals')}
            testId="board-approvals"
            extra={approvals.data && approvals.data.length > 0 ? <Badge color="grape">{approvals.data.length}</Badge> : undefined}
          >
            <ApprovalPanel items={approvals.data} error={approvals.error} />
          </Panel>
          <Panel title={t('deskViews.board.opds')} testId="board-opds-panel">
            <OpdTable opds={board.opds} unrouted={board.unroutedBacklog} />
          </Panel>
        </Stack>
      </Box>
    </Stack>
  );
};

/** "Papan supervisor": the shift at a glance; every number opens the mentions behind it. */
export const BoardPage = () => {
  const { t, i18n } = useTranslation();
  const board = useDeskBoard();
  let body: ReactNode;
  if (board.data) body = <BoardBody board={board.data} />;
  else if (board.isError) {
    body = (
      <Alert color="red" role="alert">
        <Stack gap="xs">
          <Text size="sm">{t('deskViews.board.loadError', { message: describeApiError(board.error, t) })}</Text>
          <Button size="xs" variant="light" color="red" onClick={() => void board.refetch()} w="fit-content">
            {t('common.retry')}
          </Button>
        </Stack>
      </Alert>
    );
  } else {
    body = (
      <Center h={200}>
        <Loader size="sm" />
      </Center>
    );
  }
  return (
    <ScrollArea h="100%" type="auto">
      <Stack gap="sm" p="md" data-testid="board">
        <PageHeader title={t('deskViews.board.title')} subtitle={t('deskViews.board.subtitle')} wrap="nowrap">
          {board.data && (
            <Text size="xs" c="dimmed" data-testid="board-updated">
              {t('deskViews.board.updated', { time: formatWib(board.data.generatedAt, toLanguage(i18n.language)) })}
              {board.isFetching ? ` · ${t('common.loading')}` : ''}
            </Text>
          )}
        </PageHeader>
        {body}
      </Stack>
    </ScrollArea>
  );
};
