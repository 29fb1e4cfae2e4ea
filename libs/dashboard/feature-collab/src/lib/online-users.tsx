import { Badge, Button, Group, Popover, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePresence, useSession } from '@sigap/dashboard/data-access';

/** "4 daring": who is online (as the server lets this user see), with what they have open. */
export const OnlineUsers = () => {
  const { t } = useTranslation();
  const presence = usePresence();
  const selfId = useSession()?.user.id ?? null;
  const users = presence.data?.users ?? [];
  if (users.length === 0) return null;
  return (
    <Popover position="bottom-end" width={280} shadow="md" withinPortal>
      <Popover.Target>
        <Button variant="subtle" size="compact-sm" data-testid="online-users" aria-label={t('collab.online.label', { count: users.length })}>
          <Badge color="green" variant="dot" size="sm">
            {t('collab.online.count', { count: users.length })}
          </Badge>
        </Button>
      </Popover.Target>
      <Popover.Dropdown p="xs">
        <Stack gap={4}>
          {users.map((user) => (
            <Group key={user.id} justify="space-between" gap="xs" wrap="nowrap">
              <Text size="sm" fw={user.id === selfId ? 700 : 500} truncate>
                {user.name}
              </Text>
              <Text size="xs" c="dimmed" truncate>
                {user.opds.length > 0 ? user.opds.join(', ') : t(`role.${user.role}`)}
                {user.viewing ? ` · ${t('collab.online.viewing')}` : ''}
              </Text>
            </Group>
          ))}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
};
