import { useState } from 'react';
import { Alert, Badge, Box, Button, Center, Loader, Paper, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { ADMIN_QUEUES, type AdminQueueName, type FailedJobView, type QueueCounts } from '@sigap/contracts';
import { useTranslation } from 'react-i18next';
import { useFailedJobs, useQueueCounts, useRetryFailedJob } from '@sigap/dashboard/data-access';
import { describeApiError, JsonBlock, PageHeader, QueryPanel, RelativeTime, toLanguage } from '@sigap/dashboard/ui';

type CountKey = Exclude<keyof QueueCounts, 'name'>;
const COUNT_COLUMNS: CountKey[] = ['waiting', 'active', 'delayed', 'failed', 'completed'];

const isAdminQueue = (name: string): name is AdminQueueName => (ADMIN_QUEUES as readonly string[]).includes(name);

interface Notice {
  kind: 'ok' | 'error';
  text: string;
}

/** For superadmins and supervisors: how full each queue is, and the jobs that failed, with a retry. */
export const AdminPage = () => {
  const { t, i18n } = useTranslation();
  const numbers = new Intl.NumberFormat(toLanguage(i18n.language) === 'id' ? 'id-ID' : 'en-GB');
  const counts = useQueueCounts();
  const [chosenQueue, setChosenQueue] = useState<string | null>(null);
  const queues = counts.data ?? [];
  const queue =
    chosenQueue ?? queues.find((candidate) => candidate.failed > 0)?.name ?? queues[0]?.name ?? null;
  const failed = useFailedJobs(queue);
  // A queue the server knows but this build does not (a newer API) still shows, under its raw name.
  const queueLabel = (name: string): string => (isAdminQueue(name) ? t(`admin.queueNames.${name}`) : name);
  const retry = useRetryFailedJob();
  const [notice, setNotice] = useState<Notice | null>(null);

  const retryJob = (job: FailedJobView): void => {
    setNotice(null);
    retry.mutate(
      { queue: job.queue || queue || '', jobId: job.id },
      {
        onSuccess: () => setNotice({ kind: 'ok', text: t('admin.retried', { id: job.id }) }),
        onError: (error) => setNotice({ kind: 'error', text: t('admin.retryFailed', { id: job.id, message: describeApiError(error, t) }) }),
      },
    );
  };

  return (
    <ScrollArea h="100%">
      <Stack p="md" gap="lg" maw={1200} data-testid="admin-page">
        <PageHeader title={t('admin.title')} subtitle={t('admin.subtitle')}>
          <Text size="xs" c="dimmed">
            {t('admin.refreshHint')}
          </Text>
        </PageHeader>

        {counts.isError && (
          <Alert color="red" variant="light" role="alert">
            {t('admin.loadError', { message: describeApiError(counts.error, t) })}
          </Alert>
        )}

        <Paper withBorder radius="sm">
          {counts.isPending ? (
            <Center p="lg">
              <Loader size="sm" />
            </Center>
          ) : queues.length === 0 ? (
            <Text p="md" size="sm" c="dimmed">
              {t('admin.noQueues')}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={560}>
              <Table highlightOnHover verticalSpacing={6} data-testid="queue-counts">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('admin.queue')}</Table.Th>
                    {COUNT_COLUMNS.map((column) => (
                      <Table.Th key={column} ta="right">
                        {t(`admin.${column}`)}
                      </Table.Th>
                    ))}
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {queues.map((row) => (
                    <Table.Tr key={row.name} bg={row.name === queue ? 'var(--mantine-color-indigo-0)' : undefined}>
                      <Table.Td data-testid="queue-name" data-queue={row.name}>
                        <Text size="sm">{queueLabel(row.name)}</Text>
                        <Text size="xs" c="dimmed" ff="monospace">
                          {row.name}
                        </Text>
                      </Table.Td>
                      {COUNT_COLUMNS.map((column) => (
                        <Table.Td key={column} ta="right" fz="sm" c={column === 'failed' && row.failed > 0 ? 'red.8' : undefined} fw={column === 'failed' && row.failed > 0 ? 700 : undefined}>
                          {numbers.format(row[column])}
                        </Table.Td>
                      ))}
                      <Table.Td ta="right">
                        <Button size="compact-xs" variant="subtle" onClick={() => setChosenQueue(row.name)}>
                          {t('admin.show')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Paper>

        {queue && (
          <Stack gap="sm">
            <Title order={3} fz="md">
              {t('admin.failedJobs', { queue: queueLabel(queue) })}
            </Title>
            {notice && (
              <Alert color={notice.kind === 'ok' ? 'green' : 'red'} variant="light" withCloseButton onClose={() => setNotice(null)} data-testid="retry-notice">
                {notice.text}
              </Alert>
            )}
            <QueryPanel
              pending={failed.isPending}
              errorText={failed.isError ? t('admin.loadError', { message: describeApiError(failed.error, t) }) : null}
              empty={(failed.data ?? []).length === 0}
              emptyText={t('admin.noFailed')}
            >
                <Table.ScrollContainer minWidth={720}>
                  <Table verticalSpacing={8} data-testid="failed-jobs">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('admin.jobId')}</Table.Th>
                        <Table.Th>{t('admin.reason')}</Table.Th>
                        <Table.Th ta="right">{t('admin.attempts')}</Table.Th>
                        <Table.Th>{t('admin.time')}</Table.Th>
                        <Table.Th />
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {(failed.data ?? []).map((job) => (
                        <Table.Tr key={job.id} data-testid="failed-job" data-job-id={job.id} style={{ verticalAlign: 'top' }}>
                          <Table.Td ff="monospace" fz="xs" style={{ wordBreak: 'break-all', maxWidth: 200 }}>
                            {job.id}
                          </Table.Td>
                          <Table.Td>
                            <Box maw={520}>
                              <Text size="sm" c="red.9" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                                {job.failedReason}
                              </Text>
                              <JsonBlock summary={t('admin.data')} value={job.data} />
                            </Box>
                          </Table.Td>
                          <Table.Td ta="right">
                            <Badge variant="light" color="gray">
                              {job.attemptsMade}
                            </Badge>
                          </Table.Td>
                          <Table.Td>
                            <RelativeTime value={job.timestamp} />
                          </Table.Td>
                          <Table.Td ta="right">
                            <Button
                              size="xs"
                              variant="light"
                              loading={retry.isPending && retry.variables?.jobId === job.id}
                              onClick={() => retryJob(job)}
                              data-testid="retry-job"
                            >
                              {t('admin.retry')}
                            </Button>
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
            </QueryPanel>
          </Stack>
        )}
      </Stack>
    </ScrollArea>
  );
};
