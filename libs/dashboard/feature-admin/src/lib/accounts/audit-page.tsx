import { useState } from 'react';
import { Alert, Button, Center, Code, Group, Paper, ScrollArea, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import type { AuditEntryView } from '@sigap/contracts';
import { useTranslation } from 'react-i18next';
import { downloadAuditCsv, useAuditLog, type AuditFilters } from '@sigap/dashboard/data-access';
import { describeApiError, ExactTime, PageHeader, QueryPanel, WibDateTimeInput } from '@sigap/dashboard/ui';

interface FilterInputs {
  actorId: string;
  action: string;
  entityType: string;
  entityId: string;
  /** ISO instants, picked in WIB; null for no bound. */
  from: string | null;
  to: string | null;
}

const EMPTY_INPUTS: FilterInputs = { actorId: '', action: '', entityType: '', entityId: '', from: null, to: null };

const filtersOf = (inputs: FilterInputs): AuditFilters => ({
  actorId: inputs.actorId.trim() || undefined,
  action: inputs.action.trim() || undefined,
  entityType: inputs.entityType.trim() || undefined,
  entityId: inputs.entityId.trim() || undefined,
  from: inputs.from ?? undefined,
  to: inputs.to ?? undefined,
});

const Change = ({ entry }: { entry: AuditEntryView }) => {
  const hasBefore = entry.before !== null && entry.before !== undefined;
  if (!hasBefore && (entry.after === null || entry.after === undefined)) return null;
  return (
    <Code block fz={11} style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', maxHeight: 120, overflow: 'auto' }}>
      {hasBefore ? `${JSON.stringify(entry.before)}\n→ ` : ''}
      {JSON.stringify(entry.after)}
    </Code>
  );
};

/** For supervisors: the append-only audit log with filters, newest first, and a CSV download. */
export const AuditPage = () => {
  const { t } = useTranslation();
  const [inputs, setInputs] = useState<FilterInputs>(EMPTY_INPUTS);
  const [filters, setFilters] = useState<AuditFilters>({});
  const [downloading, setDownloading] = useState(false);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const log = useAuditLog(filters);
  const entries = log.data?.pages.flatMap((page) => page.items) ?? [];
  const set = (key: 'actorId' | 'action' | 'entityType' | 'entityId') => (event: React.ChangeEvent<HTMLInputElement>) => {
    const value = event.currentTarget.value;
    setInputs((current) => ({ ...current, [key]: value }));
  };

  const download = (): void => {
    setDownloading(true);
    setDownloadError(null);
    downloadAuditCsv(filters)
      .catch((error: unknown) => setDownloadError(t('accounts.audit.downloadFailed', { message: describeApiError(error, t) })))
      .finally(() => setDownloading(false));
  };

  return (
    <ScrollArea h="100%">
      <Stack p="md" gap="md" maw={1400} data-testid="audit-page">
        <PageHeader title={t('accounts.audit.title')} subtitle={t('accounts.audit.subtitle')}>
          <Button variant="light" onClick={download} loading={downloading} data-testid="audit-download">
            {t('accounts.audit.download')}
          </Button>
        </PageHeader>
        <Paper withBorder radius="sm" p="sm">
          <form
            onSubmit={(event) => {
              event.preventDefault();
              setFilters(filtersOf(inputs));
            }}
            data-testid="audit-filters"
          >
            <SimpleGrid cols={{ base: 1, sm: 3, lg: 6 }} spacing="xs">
              <TextInput size="xs" label={t('accounts.audit.action')} placeholder={t('accounts.audit.actionPlaceholder')} value={inputs.action} onChange={set('action')} name="action" />
              <TextInput size="xs" label={t('accounts.audit.entityType')} value={inputs.entityType} onChange={set('entityType')} name="entityType" />
              <TextInput size="xs" label={t('accounts.audit.entityId')} value={inputs.entityId} onChange={set('entityId')} name="entityId" />
              <TextInput size="xs" label={t('accounts.audit.actorId')} value={inputs.actorId} onChange={set('actorId')} name="actorId" />
              <WibDateTimeInput label={t('accounts.audit.from')} value={inputs.from} onChange={(from) => setInputs((current) => ({ ...current, from }))} clearable data-testid="audit-from" />
              <WibDateTimeInput label={t('accounts.audit.to')} value={inputs.to} onChange={(to) => setInputs((current) => ({ ...current, to }))} clearable data-testid="audit-to" />
            </SimpleGrid>
            <Group justify="flex-end" mt="xs" gap="xs">
              <Button
                size="xs"
                variant="default"
                onClick={() => {
                  setInputs(EMPTY_INPUTS);
                  setFilters({});
                }}
              >
                {t('accounts.audit.reset')}
              </Button>
              <Button size="xs" type="submit">
                {t('accounts.audit.apply')}
              </Button>
            </Group>
          </form>
        </Paper>
        {downloadError && (
          <Alert color="red" variant="light" role="alert" withCloseButton onClose={() => setDownloadError(null)}>
            {downloadError}
          </Alert>
        )}
        <QueryPanel
          pending={log.isPending}
          errorText={log.isError ? t('accounts.audit.loadError', { message: describeApiError(log.error, t) }) : null}
          empty={entries.length === 0}
          emptyText={t('accounts.audit.empty')}
        >
            <Table.ScrollContainer minWidth={900}>
              <Table verticalSpacing={6} fz="sm" data-testid="audit-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('accounts.audit.columns.at')}</Table.Th>
                    <Table.Th>{t('accounts.audit.columns.actor')}</Table.Th>
                    <Table.Th>{t('accounts.audit.columns.action')}</Table.Th>
                    <Table.Th>{t('accounts.audit.columns.entity')}</Table.Th>
                    <Table.Th w="40%">{t('accounts.audit.columns.change')}</Table.Th>
                    <Table.Th>{t('accounts.audit.columns.ip')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {entries.map((entry) => (
                    <Table.Tr key={entry.id} data-testid="audit-row">
                      <Table.Td fz="xs" style={{ minWidth: 140 }}>
                        <ExactTime value={entry.at} />
                      </Table.Td>
                      <Table.Td>
                        {entry.actorName ?? (entry.actorId ? entry.actorId.slice(0, 8) : t('accounts.audit.system'))}
                        {entry.actorRole && (
                          <Text size="xs" c="dimmed">
                            {t(`role.${entry.actorRole}`, { defaultValue: entry.actorRole })}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td ff="monospace" fz="xs">
                        {entry.action}
                      </Table.Td>
                      <Table.Td fz="xs">
                        {entry.entityType}
                        {entry.entityId && (
                          <Text size="xs" c="dimmed" ff="monospace" truncate maw={180} title={entry.entityId}>
                            {entry.entityId}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td style={{ minWidth: 280 }}>
                        <Change entry={entry} />
                      </Table.Td>
                      <Table.Td fz="xs" ff="monospace">
                        {entry.ip ?? t('common.none')}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
        </QueryPanel>
        {log.hasNextPage && (
          <Center>
            <Button variant="default" size="xs" onClick={() => void log.fetchNextPage()} loading={log.isFetchingNextPage}>
              {t('accounts.audit.more')}
            </Button>
          </Center>
        )}
      </Stack>
    </ScrollArea>
  );
};
