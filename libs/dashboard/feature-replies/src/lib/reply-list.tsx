import { useState } from 'react';
import { Alert, Button, Group, Paper, Stack, Text } from '@mantine/core';
import type { ReplyView } from '@sigap/contracts';
import { useTranslation } from 'react-i18next';
import { useMentionReplies, useRetryReply } from '@sigap/dashboard/data-access';
import { ExternalLink, RelativeTime, ReplyStatusBadge, describeApiError } from '@sigap/dashboard/ui';

const ReplyItem = ({ reply, onRetry, retrying }: { reply: ReplyView; onRetry: () => void; retrying: boolean }) => {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="sm" p="xs" data-testid="reply-item" data-reply-id={reply.id}>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
          <ReplyStatusBadge status={reply.status} />
          <Text size="xs" c="dimmed" truncate>
            {t('replies.list.by', { name: reply.author.name })} · <RelativeTime value={reply.createdAt} />
          </Text>
        </Group>
        {reply.status === 'gagal' && (
          <Button size="compact-xs" variant="light" color="red" loading={retrying} onClick={onRetry} data-testid="reply-retry">
            {t('replies.list.retry')}
          </Button>
        )}
      </Group>
      <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {reply.text}
      </Text>
      {reply.reviewComment && (
        <Text size="xs" c="grape.8" mt={4}>
          {t('replies.list.returned', { comment: reply.reviewComment })}
        </Text>
      )}
      {reply.lastError && reply.status !== 'terkirim' && (
        <Text size="xs" c="red.8" mt={4}>
          {t('replies.list.lastError', { error: reply.lastError })} · {t('replies.list.attempts', { count: reply.attempts })}
        </Text>
      )}
      {reply.externalUrl && (
        <Text size="xs" mt={4}>
          {reply.direct && `${t('replies.list.direct')} · `}
          <ExternalLink href={reply.externalUrl} title={t('replies.list.openLink')} />
        </Text>
      )}
    </Paper>
  );
};

/** A mention's replies, oldest first, their status kept live; a failed one can be sent again. */
export const ReplyList = ({ mentionId }: { mentionId: string }) => {
  const { t } = useTranslation();
  const replies = useMentionReplies(mentionId);
  const retry = useRetryReply();
  const [error, setError] = useState<string | null>(null);

  if (replies.isError) {
    return (
      <Text size="xs" c="red.8" role="alert">
        {t('replies.list.loadError', { message: describeApiError(replies.error, t) })}
      </Text>
    );
  }
  const list = replies.data ?? [];
  return (
    <Stack gap={6} data-testid="reply-list">
      {list.length === 0 && !replies.isPending && (
        <Text size="xs" c="dimmed">
          {t('replies.list.empty')}
        </Text>
      )}
      {list.map((reply) => (
        <ReplyItem
          key={reply.id}
          reply={reply}
          retrying={retry.isPending && retry.variables === reply.id}
          onRetry={() => {
            setError(null);
            retry.mutate(reply.id, { onError: (failure) => setError(t('replies.list.retryFailed', { message: describeApiError(failure, t) })) });
          }}
        />
      ))}
      {error && (
        <Alert color="red" variant="light" p="xs" role="alert">
          {error}
        </Alert>
      )}
    </Stack>
  );
};
