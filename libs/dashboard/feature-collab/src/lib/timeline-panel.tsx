import { Anchor, Badge, Box, Group, Loader, Stack, Text, Timeline } from '@mantine/core';
import type { MentionFollowUpLink, TimelineItem, TimelineMessage, TimelineOther } from '@sigap/contracts';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { useMentionTimeline, withSelectedMention } from '@sigap/dashboard/data-access';
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

/** A link that shows another mention in the current page (filters kept). */
const MentionLink = ({ mentionId, children, testId }: { mentionId: string; children: string; testId: string }) => {
  const location = useLocation();
  return (
    <Anchor component={Link} to={withSelectedMention(location.pathname, location.search, mentionId)} size="xs" data-testid={testId} data-mention-id={mentionId}>
      {children}
    </Anchor>
  );
};

const MessageHeader = ({ item }: { item: TimelineMessage }) => {
  const { t } = useTranslation();
  const key = item.current ? 'collab.timeline.message' : item.linkedByTicket ? 'tickets.threadMessage' : 'collab.timeline.otherMessage';
  const title = t(key, { ticket: item.ticketNumber });
  return (
    <>
      <Group gap={6} wrap="wrap" align="baseline">
        <Text size="sm" fw={600}>
          {item.current ? title : <MentionLink mentionId={item.mentionId} testId="timeline-open-message">{title}</MentionLink>}{' '}
          <Text span size="xs" c="dimmed">
            @{item.author.handle}
          </Text>
        </Text>
        {item.linkedByTicket && (
          <Badge size="xs" variant="light" color="cyan" tt="none" data-testid="timeline-linked-by-ticket">
            {t('tickets.linkedByTicket')}
          </Badge>
        )}
      </Group>
      {item.followUpOf && (
        <MentionLink mentionId={item.followUpOf.mentionId} testId="timeline-follow-up-of">
          {t('tickets.followUpOf', { ticket: item.followUpOf.ticketNumber })}
        </MentionLink>
      )}
    </>
  );
};

const followUpOfAudit = (value: unknown): MentionFollowUpLink | null => {
  const link = typeof value === 'object' && value !== null ? (value as { followUpOf?: unknown }).followUpOf : null;
  if (typeof link !== 'object' || link === null) return null;
  const { mentionId, ticketNumber } = link as { mentionId?: unknown; ticketNumber?: unknown };
  return typeof mentionId === 'string' && typeof ticketNumber === 'string' ? { mentionId, ticketNumber } : null;
};

/** A ticket link made or removed by hand (`mention.follow_up`). */
const FollowUpChange = ({ item, actor }: { item: TimelineOther; actor: string }) => {
  const { t } = useTranslation();
  const link = followUpOfAudit(item.after);
  return <Text size="sm">{link ? t('tickets.timeline.linked', { actor, ticket: link.ticketNumber }) : t('tickets.timeline.unlinked', { actor })}</Text>;
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
          <MessageHeader item={item} />
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
      if (item.action === 'mention.follow_up') return <FollowUpChange item={item} actor={item.actor?.name ?? system} />;
      return <Text size="sm">{t('collab.timeline.other', { actor: item.actor?.name ?? system, action: item.action })}</Text>;
  }
};

const keyOf = (item: TimelineItem): string => {
  if (item.kind === 'message') return `message-${item.mentionId}`;
  if (item.kind === 'note') return `note-${item.note.id}`;
  return `audit-${item.id}`;
};

/**
 * "Riwayat": the citizen's messages (with the ticket thread, whoever wrote it), notes and every
 * action on the mention, in time order.
 */
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
