import { useState } from 'react';
import { ActionIcon, Button, Group, Indicator, Loader, Popover, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import type { NotificationView } from '@sigap/contracts';
import { useTranslation } from 'react-i18next';
import { useMarkNotificationsRead, useNotifications, useUnreadCount } from '@sigap/dashboard/data-access';
import { RelativeTime, describeApiError } from '@sigap/dashboard/ui';

const NotificationRow = ({ notification, onOpen }: { notification: NotificationView; onOpen: (notification: NotificationView) => void }) => {
  const { t } = useTranslation();
  const excerpt = typeof notification.payload['excerpt'] === 'string' ? notification.payload['excerpt'] : null;
  return (
    <UnstyledButton
      onClick={() => onOpen(notification)}
      p="xs"
      data-testid="notification"
      data-unread={notification.readAt ? undefined : 'true'}
      style={{
        display: 'block',
        width: '100%',
        borderRadius: 'var(--mantine-radius-sm)',
        background: notification.readAt ? undefined : 'var(--mantine-color-indigo-0)',
      }}
    >
      <Text size="sm" fw={notification.readAt ? 400 : 650}>
        {t(`collab.bell.kind.${notification.kind}`, { actor: notification.actor?.name ?? t('collab.bell.system') })}
      </Text>
      {excerpt && (
        <Text size="xs" c="dimmed" lineClamp={2}>
          {excerpt}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        <RelativeTime value={notification.createdAt} />
      </Text>
    </UnstyledButton>
  );
};

export interface NotificationsBellProps {
  /** Opens the mention a notification is about (the inbox with it selected). */
  onOpenMention: (mentionId: string) => void;
}

/** The header bell: unread count, the latest notifications, mark read, click to open the mention. */
export const NotificationsBell = ({ onOpenMention }: NotificationsBellProps) => {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const unread = useUnreadCount();
  const list = useNotifications(false, opened);
  const markRead = useMarkNotificationsRead();
  const count = unread.data?.unreadCount ?? 0;

  const open = (notification: NotificationView) => {
    if (!notification.readAt) markRead.mutate({ ids: [notification.id] });
    setOpened(false);
    if (notification.mentionId) onOpenMention(notification.mentionId);
  };

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={340} shadow="md" withinPortal>
      <Popover.Target>
        <Indicator label={count > 99 ? '99+' : count} size={16} color="red" disabled={count === 0} offset={4} data-testid="notification-count">
          <ActionIcon
            variant="default"
            size="md"
            aria-label={count > 0 ? `${t('collab.bell.label')} · ${t('collab.bell.unread', { count })}` : t('collab.bell.label')}
            onClick={() => setOpened((value) => !value)}
            data-testid="notification-bell"
          >
            <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
              <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
              <path d="M13.7 21a2 2 0 0 1-3.4 0" />
            </svg>
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p="xs">
        <Group justify="space-between" mb={4}>
          <Text size="sm" fw={700}>
            {t('collab.bell.label')}
          </Text>
          <Button size="compact-xs" variant="subtle" disabled={count === 0} loading={markRead.isPending} onClick={() => markRead.mutate({ all: true })}>
            {t('collab.bell.markAll')}
          </Button>
        </Group>
        {list.isPending && <Loader size="xs" />}
        {list.isError && (
          <Text size="sm" c="red.8" role="alert">
            {t('collab.bell.loadError', { message: describeApiError(list.error, t) })}
          </Text>
        )}
        {list.data?.items.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('collab.bell.empty')}
          </Text>
        )}
        {list.data && list.data.items.length > 0 && (
          <ScrollArea.Autosize mah={420}>
            <Stack gap={2}>
              {list.data.items.map((notification) => (
                <NotificationRow key={notification.id} notification={notification} onOpen={open} />
              ))}
            </Stack>
          </ScrollArea.Autosize>
        )}
      </Popover.Dropdown>
    </Popover>
  );
};
