import { Fragment, useState } from 'react';
import { Alert, Badge, Button, Center, Group, Loader, Modal, Paper, Stack, Table, Text, Textarea } from '@mantine/core';
import { RULE_SET_LIMITS, ruleSetLabel, type RuleSetVersionSummary } from '@sigap/contracts';
import { useTranslation } from 'react-i18next';
import { useRollbackRuleSet, useRuleSetVersions } from '@sigap/dashboard/data-access';
import { RelativeTime, describeApiError } from '@sigap/dashboard/ui';
import { ChangeSummaryList } from './change-summary-list';

interface Notice {
  kind: 'ok' | 'error';
  text: string;
}

const Origin = ({ version }: { version: RuleSetVersionSummary }) => {
  const { t } = useTranslation();
  const base = version.baseVersion === null ? '' : ruleSetLabel(version.baseVersion);
  switch (version.origin) {
    case 'seed':
      return <Text size="sm">{t('rules.originSeed')}</Text>;
    case 'edit':
      return <Text size="sm">{t('rules.originEdit', { label: base })}</Text>;
    case 'rollback':
      return (
        <Text size="sm" c="orange.9" fw={600}>
          ↩ {t('rules.originRollback', { label: base })}
        </Text>
      );
  }
};

const ChangeCounts = ({ version }: { version: RuleSetVersionSummary }) => {
  const { t } = useTranslation();
  if (!version.changes) return <Text size="sm">{t('common.none')}</Text>;
  const { added, removed, changed } = version.changes;
  return (
    <Text size="sm" ff="monospace" style={{ whiteSpace: 'nowrap' }} title={t('rules.changeCounts', { added, removed, changed })}>
      <Text span inherit c="teal.8">
        +{added}
      </Text>{' '}
      <Text span inherit c="red.8">
        −{removed}
      </Text>{' '}
      <Text span inherit c="yellow.9">
        ~{changed}
      </Text>
    </Text>
  );
};

/** Every published version, newest first: who, when, why, what changed; roll back to any of them. */
export const RuleSetHistory = () => {
  const { t } = useTranslation();
  const versions = useRuleSetVersions();
  const rollback = useRollbackRuleSet();
  const [open, setOpen] = useState<number | null>(null);
  const [target, setTarget] = useState<RuleSetVersionSummary | null>(null);
  const [notes, setNotes] = useState('');
  const [notice, setNotice] = useState<Notice | null>(null);
  const list = versions.data ?? [];
  const next = ruleSetLabel((list[0]?.version ?? 0) + 1);

  const confirmRollback = (): void => {
    if (!target) return;
    const source = ruleSetLabel(target.version);
    rollback.mutate(
      { version: target.version, notes: notes.trim() || undefined },
      {
        onSuccess: (created) => {
          setNotice({ kind: 'ok', text: t('rules.rolledBack', { label: created.label, source }) });
          setTarget(null);
        },
        onError: (error) => setNotice({ kind: 'error', text: t('rules.rollbackFailed', { message: describeApiError(error, t) }) }),
      },
    );
  };

  if (versions.isPending) {
    return (
      <Center p="lg">
        <Loader size="sm" />
      </Center>
    );
  }
  if (versions.isError) {
    return (
      <Alert color="red" variant="light" role="alert">
        {t('rules.loadError', { message: describeApiError(versions.error, t) })}
      </Alert>
    );
  }

  return (
    <Stack gap="sm">
      {notice && (
        <Alert color={notice.kind === 'ok' ? 'green' : 'red'} variant="light" withCloseButton onClose={() => setNotice(null)} data-testid="history-notice">
          {notice.text}
        </Alert>
      )}
      <Paper withBorder radius="sm">
        {list.length === 0 ? (
          <Text p="md" size="sm" c="dimmed">
            {t('rules.noVersions')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={820}>
            <Table verticalSpacing={8} data-testid="rule-set-history">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={120}>{t('rules.version')}</Table.Th>
                  <Table.Th w={150}>{t('rules.origin')}</Table.Th>
                  <Table.Th>{t('rules.notes')}</Table.Th>
                  <Table.Th w={160}>{t('rules.by')}</Table.Th>
                  <Table.Th w={110}>{t('rules.when')}</Table.Th>
                  <Table.Th w={190}>{t('rules.changes')}</Table.Th>
                  <Table.Th w={120} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((version) => (
                  <Fragment key={version.version}>
                    <Table.Tr
                      data-testid="rule-set-version"
                      data-version={version.version}
                      bg={version.status === 'published' ? 'var(--mantine-color-indigo-0)' : undefined}
                      style={{ verticalAlign: 'top' }}
                    >
                      <Table.Td>
                        <Group gap={6} wrap="nowrap">
                          <Text fw={700} ff="monospace">
                            {version.label}
                          </Text>
                          <Badge size="xs" variant={version.status === 'published' ? 'filled' : 'outline'} color={version.status === 'published' ? 'indigo' : 'gray'}>
                            {t(`rules.status.${version.status}`)}
                          </Badge>
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        <Origin version={version} />
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                          {version.notes || t('common.none')}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" truncate>
                          {version.publishedBy?.name ?? t('rules.system')}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <RelativeTime value={version.publishedAt} />
                      </Table.Td>
                      <Table.Td>
                        <Group gap={6} wrap="nowrap">
                          <ChangeCounts version={version} />
                          {version.changes && version.changes.items.length > 0 && (
                            <Button size="compact-xs" variant="subtle" onClick={() => setOpen(open === version.version ? null : version.version)}>
                              {open === version.version ? t('rules.hideChanges') : t('rules.showChanges')}
                            </Button>
                          )}
                        </Group>
                      </Table.Td>
                      <Table.Td ta="right">
                        {version.status !== 'published' && (
                          <Button
                            size="xs"
                            variant="light"
                            color="orange"
                            onClick={() => {
                              setNotes('');
                              setTarget(version);
                            }}
                            data-testid="rollback-button"
                          >
                            ↩ {t('rules.rollback')}
                          </Button>
                        )}
                      </Table.Td>
                    </Table.Tr>
                    {open === version.version && version.changes && (
                      <Table.Tr>
                        <Table.Td colSpan={7} bg="gray.0">
                          <ChangeSummaryList summary={version.changes} max={RULE_SET_LIMITS.maxChangeItems} />
                        </Table.Td>
                      </Table.Tr>
                    )}
                  </Fragment>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>

      <Modal
        opened={target !== null}
        onClose={() => setTarget(null)}
        title={target ? t('rules.rollbackTitle', { label: target.label }) : ''}
        centered
      >
        {target && (
          <Stack gap="sm">
            <Text size="sm">{t('rules.rollbackBody', { label: target.label, next })}</Text>
            <Textarea
              label={t('rules.rollbackNotes')}
              value={notes}
              onChange={(event) => setNotes(event.currentTarget.value)}
              maxLength={RULE_SET_LIMITS.maxNotesLength}
              autosize
              minRows={2}
              data-autofocus
            />
            <Group justify="flex-end" gap="xs">
              <Button variant="default" onClick={() => setTarget(null)}>
                {t('rules.cancel')}
              </Button>
              <Button color="orange" loading={rollback.isPending} onClick={confirmRollback} data-testid="confirm-rollback">
                {t('rules.rollbackConfirm', { label: target.label })}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
};
