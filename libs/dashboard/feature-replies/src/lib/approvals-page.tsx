import { useState } from 'react';
import { Alert, Badge, Button, Center, Group, Loader, Paper, ScrollArea, Stack, Text, Textarea } from '@mantine/core';
import { REPLY_MAX_LENGTH, type ApprovalItem } from '@sigap/contracts';
import { useTranslation } from 'react-i18next';
import { useApprovals, useDecideApproval, useSession } from '@sigap/dashboard/data-access';
import { ChannelLabel, describeApiError, PageHeader, RelativeTime, UrgencyBadge } from '@sigap/dashboard/ui';

type Editing = { kind: 'edit'; text: string } | { kind: 'return'; comment: string } | null;

/** One reply waiting: the citizen's message, the reply, and the three decisions. */
const ApprovalCard = ({ item, own }: { item: ApprovalItem; own: boolean }) => {
  const { t } = useTranslation();
  const decide = useDecideApproval();
  const [editing, setEditing] = useState<Editing>(null);
  const [error, setError] = useState<string | null>(null);
  const { reply, mention } = item;

  const submit = (body: { decision: 'approve' | 'return'; text?: string; comment?: string }): void => {
    setError(null);
    decide.mutate({ replyId: reply.id, ...body }, { onError: (failure) => setError(t('replies.approvals.failed', { message: describeApiError(failure, t) })) });
  };

  return (
    <Paper withBorder radius="sm" p="sm" data-testid="approval-item" data-reply-id={reply.id}>
      <Group gap="xs" mb={6}>
        <UrgencyBadge urgency={mention.urgency} />
        <Text size="xs" ff="monospace">
          {mention.ticketNumber}
        </Text>
        <ChannelLabel channel={mention.channel} />
        <Text size="xs" c="dimmed">
          @{mention.authorHandle} · <RelativeTime value={reply.createdAt} />
        </Text>
        {mention.opdCodes.map((code) => (
          <Badge key={code} size="xs" variant="outline" tt="none">
            {code}
          </Badge>
        ))}
      </Group>
      <Text size="xs" c="dimmed">
        {t('replies.approvals.citizen')}
      </Text>
      <Text size="sm" mb={6} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {mention.excerpt}
      </Text>
      <Text size="xs" c="dimmed">
        {t('replies.approvals.reply')} · {t('replies.approvals.author', { name: reply.author.name })}
      </Text>
      {editing?.kind === 'edit' ? (
        <Textarea
          size="xs"
          autosize
          minRows={3}
          maxLength={REPLY_MAX_LENGTH}
          value={editing.text}
          onChange={(event) => setEditing({ kind: 'edit', text: event.currentTarget.value })}
          data-testid="approval-edit-text"
        />
      ) : (
        <Paper bg="gray.0" p="xs" radius="sm">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="approval-reply-text">
            {reply.text}
          </Text>
        </Paper>
      )}
      {editing?.kind === 'return' && (
        <Textarea
          mt={6}
          size="xs"
          autosize
          minRows={2}
          maxLength={1000}
          label={t('replies.approvals.comment')}
          value={editing.comment}
          error={editing.comment.trim() ? undefined : t('replies.approvals.commentRequired')}
          onChange={(event) => setEditing({ kind: 'return', comment: event.currentTarget.value })}
          data-testid="approval-comment"
        />
      )}
      {own && (
        <Text size="xs" c="orange.8" mt={6}>
          {t('replies.approvals.ownReply')}
        </Text>
      )}
      <Group gap="xs" mt="xs" justify="flex-end">
        {editing === null ? (
          <>
            <Button size="xs" variant="default" disabled={own} onClick={() => setEditing({ kind: 'return', comment: '' })} data-testid="approval-return">
              {t('replies.approvals.return')}
            </Button>
            <Button size="xs" variant="light" disabled={own} onClick={() => setEditing({ kind: 'edit', text: reply.text })} data-testid="approval-edit">
              {t('replies.approvals.editApprove')}
            </Button>
            <Button size="xs" disabled={own} loading={decide.isPending} onClick={() => submit({ decision: 'approve' })} data-testid="approval-approve">
              {t('replies.approvals.approve')}
            </Button>
          </>
        ) : (
          <>
            <Button size="xs" variant="default" onClick={() => setEditing(null)}>
              {t('replies.approvals.cancel')}
            </Button>
            {editing.kind === 'edit' ? (
              <Button
                size="xs"
                loading={decide.isPending}
                disabled={!editing.text.trim()}
                onClick={() => submit({ decision: 'approve', text: editing.text.trim() })}
                data-testid="approval-save-approve"
              >
                {t('replies.approvals.saveApprove')}
              </Button>
            ) : (
              <Button
                size="xs"
                color="grape"
                loading={decide.isPending}
                disabled={!editing.comment.trim()}
                onClick={() => submit({ decision: 'return', comment: editing.comment.trim() })}
                data-testid="approval-confirm-return"
              >
                {t('replies.approvals.confirmReturn')}
              </Button>
            )}
          </>
        )}
      </Group>
      {error && (
        <Alert mt="xs" color="red" variant="light" p="xs" role="alert">
          {error}
        </Alert>
      )}
    </Paper>
  );
};

/** "Persetujuan": the supervisors' queue of replies waiting, oldest first, kept live. */
export const ApprovalsPage = () => {
  const { t } = useTranslation();
  const session = useSession();
  const approvals = useApprovals();
  const items = approvals.data ?? [];

  return (
    <ScrollArea h="100%">
      <Stack p="md" gap="md" maw={900} data-testid="approvals-page">
        <PageHeader title={t('replies.approvals.title')} subtitle={t('replies.approvals.subtitle')} />
        {approvals.isError && (
          <Alert color="red" variant="light" role="alert">
            {t('replies.approvals.loadError', { message: describeApiError(approvals.error, t) })}
          </Alert>
        )}
        {approvals.isPending ? (
          <Center p="lg">
            <Loader size="sm" />
          </Center>
        ) : items.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="approvals-empty">
            {t('replies.approvals.empty')}
          </Text>
        ) : (
          items.map((item) => <ApprovalCard key={item.reply.id} item={item} own={item.reply.author.id === session?.user.id} />)
        )}
      </Stack>
    </ScrollArea>
  );
};
