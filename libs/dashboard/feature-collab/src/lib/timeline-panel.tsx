import { Badge, Box, Group, Loader, Stack, Text, Timeline } from '@mantine/core';
import type { TimelineItem } from '@sigap/contracts';
import { useTranslation } from 'react-i18next';
import { useMentionTimeline } from '@sigap/dashboard/data-access';
import { RelativeTime, describeApiError } from '@sigap/dashboard/ui';

const REPLY_ACTIONS = ['create', 'approve', 'return', 'sent', 'failed'] as const;
type ReplyAction = (typeof REPLY_ACTIONS)[number];
const replyActionOf = (action: string): ReplyAction | 'other' => {
  const short = action.replace(/^reply\./, '');
  return (REPLY_ACTIONS as readonly string[]).includes(short) ? (short as ReplyAction) : 'other';
};

const COLOR: Record<TimelineItem['kind'], string> = {
  message: 'blue',
  note: 'yellow',
  claim: 'indigo',
  release: 'gray',
  status: 'grape',
  assignment: 'teal',
  reply: 'green',
  other: 'gray',
};

const TimelineEntry = ({ item }: { item: TimelineItem }) => {
  const { t } = useTranslation();
  const system = t('collab.timeline.system');
  const body = (text: string | null) =>
    text ? (
      <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {text}
      </Text>
    ) : null;
  switch (item.kind) {
    case 'message':
      return (
        <>
          <Text size="sm" fw={600}>
            {t(item.current ? 'collab.timeline.message' : 'collab.timeline.otherMessage', { ticket: item.ticketNumber })}{' '}
            <Text span size="xs" c="dimmed">
              @{item.author.handle}
            </Text>
          </Text>
          {body(item.text)}
        </>
      );
    case 'note':
      return (
        <>
          <Text size="sm" fw={600}>
            {t('collab.timeline.note', { actor: item.note.author?.name ?? system })}
          </Text>
          {body(item.note.text)}
        </>
      );
    case 'claim':
      return <Text size="sm">{t('collab.timeline.claim', { actor: item.actor?.name ?? system })}</Text>;
    case 'release':
      return <Text size="sm">{t('collab.timeline.release', { actor: item.actor?.name ?? system })}</Text>;
    case 'status':
      return (
        <>
          <Text size="sm">
            {t('collab.timeline.status', {
              actor: item.actor?.name ?? system,
              from: item.from ? t(`status.${item.from}`) : '–',
              to: item.to ? t(`status.${item.to}`) : '–',
            })}
          </Text>
          {item.reason && (
            <Text size="sm" c="dimmed">
              {t('collab.timeline.reason', { reason: item.reason })}
            </Text>
          )}
        </>
      );
    case 'assignment':
      return (
        <Text size="sm">
          {item.assignee
            ? t('collab.timeline.assignment', { actor: item.actor?.name ?? system, assignee: item.assignee.name })
            : t('collab.timeline.unassigned', { actor: item.actor?.name ?? system })}
        </Text>
      );
    case 'reply':
      return (
        <>
          <Group gap={6}>
            <Text size="sm">{t(`collab.timeline.reply.${replyActionOf(item.action)}`, { actor: item.actor?.name ?? system, action: item.action })}</Text>
            {item.replyStatus && (
              <Badge size="xs" variant="light">
                {item.replyStatus}
              </Badge>
            )}
          </Group>
          {body(item.text)}
        </>
      );
    case 'other':
      return <Text size="sm">{t('collab.timeline.other', { actor: item.actor?.name ?? system, action: item.action })}</Text>;
  }
};

const keyOf = (item: TimelineItem): string => {
  if (item.kind === 'message') return `message-${item.mentionId}`;
  if (item.kind === 'note') return `note-${item.note.id}`;
  return `audit-${item.id}`;
};

/** "Riwayat": the citizen's messages, notes and every action on the mention, in time order. */
export const TimelinePanel = ({ mentionId }: { mentionId: string }) => {
  const { t } = useTranslation();
  const timeline = useMentionTimeline(mentionId);
  if (timeline.isPending) return <Loader size="xs" />;
  if (timeline.isError) {
    return (
      <Text size="sm" c="red.8" role="alert">
        {t('collab.timeline.loadError', { message: describeApiError(timeline.error, t) })}
      </Text>
    );
  }
  if (timeline.data.items.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('collab.timeline.empty')}
      </Text>
    );
  }
  return (
    <Timeline bulletSize={12} lineWidth={2} data-testid="timeline">
      {timeline.data.items.map((item) => (
        <Timeline.Item key={keyOf(item)} color={COLOR[item.kind]} data-kind={item.kind}>
          <Stack gap={2}>
            <Box>
              <TimelineEntry item={item} />
            </Box>
            <Text size="xs" c="dimmed">
              <RelativeTime value={item.at} />
            </Text>
          </Stack>
        </Timeline.Item>
      ))}
    </Timeline>
  );
};
