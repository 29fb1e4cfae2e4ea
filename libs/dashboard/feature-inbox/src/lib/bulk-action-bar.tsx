import { useState } from 'react';
import { Alert, Button, Group, List, NativeSelect, Paper, Text, TextInput } from '@mantine/core';
import { MENTION_STATUSES, REPLY_FLOW_STATUSES, type MentionBulkAction, type MentionBulkResult, type MentionStatus } from '@sigap/contracts';
import { useTranslation } from 'react-i18next';
import { useBulkMentionAction, useDeskPeople, useReplyTemplates } from '@sigap/dashboard/data-access';
import { describeApiError } from '@sigap/dashboard/ui';

/** Statuses a person may set by hand on many mentions at once (the workflow still checks each one). */
const BULK_STATUSES = MENTION_STATUSES.filter((status) => !REPLY_FLOW_STATUSES.includes(status) && status !== 'bukan_wewenang');
const SHOWN_FAILURES = 10;

const labelsOf = (text: string): string[] =>
  text
    .split(',')
    .map((label) => label.trim().toLowerCase())
    .filter((label) => label.length > 0);

export interface BulkActionBarProps {
  ids: string[];
  supervisor: boolean;
  onClear: () => void;
}

/**
 * Claim, set status, label, reply with a template or (supervisors) assign the checked mentions;
 * shows what failed and why (e.g. a template variable a citizen's mention cannot fill).
 */
export const BulkActionBar = ({ ids, supervisor, onClear }: BulkActionBarProps) => {
  const { t } = useTranslation();
  const bulk = useBulkMentionAction();
  const people = useDeskPeople(supervisor);
  const templates = useReplyTemplates({});
  const [status, setStatus] = useState<MentionStatus | ''>('');
  const [labels, setLabels] = useState('');
  const [assignee, setAssignee] = useState('');
  const [templateId, setTemplateId] = useState('');
  const [result, setResult] = useState<MentionBulkResult | null>(null);

  const run = (action: MentionBulkAction): void => {
    setResult(null);
    bulk.mutate({ ids, action }, { onSuccess: setResult });
  };

  const admins = (people.data ?? []).filter((person) => person.role === 'admin');
  return (
    <Paper px="sm" py={6} radius={0} bg="indigo.0" data-testid="bulk-action-bar" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
      <Group gap="xs" wrap="wrap">
        <Text size="sm" fw={600}>
          {t('dispatch.bulk.selected', { count: ids.length })}
        </Text>
        <Button size="compact-sm" variant="default" onClick={onClear}>
          {t('dispatch.bulk.clear')}
        </Button>
        <Button size="compact-sm" onClick={() => run({ kind: 'claim' })} loading={bulk.isPending} data-testid="bulk-claim">
          {t('dispatch.bulk.claim')}
        </Button>
        <Group gap={4} wrap="nowrap">
          <NativeSelect
            size="xs"
            aria-label={t('dispatch.bulk.status')}
            value={status}
            onChange={(event) => setStatus(event.currentTarget.value as MentionStatus | '')}
            data={[{ value: '', label: t('dispatch.bulk.statusPlaceholder') }, ...BULK_STATUSES.map((value) => ({ value, label: t(`status.${value}`) }))]}
            data-testid="bulk-status"
          />
          <Button size="compact-sm" variant="light" disabled={!status || bulk.isPending} onClick={() => status && run({ kind: 'status', status })}>
            {t('dispatch.bulk.apply')}
          </Button>
        </Group>
        <Group gap={4} wrap="nowrap">
          <TextInput
            size="xs"
            aria-label={t('dispatch.bulk.tag')}
            placeholder={t('dispatch.bulk.tagPlaceholder')}
            value={labels}
            onChange={(event) => setLabels(event.currentTarget.value)}
            data-testid="bulk-tag"
          />
          <Button size="compact-sm" variant="light" disabled={labelsOf(labels).length === 0 || bulk.isPending} onClick={() => run({ kind: 'tag', add: labelsOf(labels) })}>
            {t('dispatch.bulk.addTag')}
          </Button>
        </Group>
        <Group gap={4} wrap="nowrap">
          <NativeSelect
            size="xs"
            aria-label={t('dispatch.bulk.reply')}
            value={templateId}
            onChange={(event) => setTemplateId(event.currentTarget.value)}
            data={[{ value: '', label: t('dispatch.bulk.templatePlaceholder') }, ...(templates.data ?? []).map((template) => ({ value: template.id, label: template.title }))]}
            data-testid="bulk-reply-template"
          />
          <Button
            size="compact-sm"
            variant="light"
            disabled={!templateId || bulk.isPending}
            onClick={() => templateId && run({ kind: 'reply', templateId })}
            data-testid="bulk-reply-send"
          >
            {t('dispatch.bulk.sendReply', { count: ids.length })}
          </Button>
        </Group>
        {supervisor && (
          <Group gap={4} wrap="nowrap">
            <NativeSelect
              size="xs"
              aria-label={t('dispatch.bulk.assign')}
              value={assignee}
              onChange={(event) => setAssignee(event.currentTarget.value)}
              data={[{ value: '', label: t('dispatch.assign.placeholder') }, ...admins.map((person) => ({ value: person.id, label: person.name }))]}
              data-testid="bulk-assign"
            />
            <Button size="compact-sm" variant="light" disabled={!assignee || bulk.isPending} onClick={() => run({ kind: 'assign', userId: assignee })}>
              {t('dispatch.bulk.assign')}
            </Button>
          </Group>
        )}
      </Group>
      {bulk.isError && (
        <Text size="sm" c="red.8" role="alert" mt={4}>
          {t('dispatch.bulk.error', { message: describeApiError(bulk.error, t) })}
        </Text>
      )}
      {result && (
        <Alert mt={6} p="xs" color={result.failed.length > 0 ? 'orange' : 'teal'} variant="light" data-testid="bulk-result">
          <Text size="sm" fw={600}>
            {t('dispatch.bulk.result', { succeeded: result.succeeded, failed: result.failed.length })}
          </Text>
          {result.failed.length > 0 && (
            <List size="xs" mt={4}>
              {result.failed.slice(0, SHOWN_FAILURES).map((failure) => (
                <List.Item key={failure.id}>{t('dispatch.bulk.failedItem', { id: failure.id.slice(0, 8), message: describeApiError(failure, t) })}</List.Item>
              ))}
            </List>
          )}
        </Alert>
      )}
    </Paper>
  );
};
