import { useEffect, useState } from 'react';
import { ActionIcon, AppShell, Box, Button, Group, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { ROLES_SEEING_ALL } from '@sigap/contracts';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useMatch } from 'react-router-dom';
import { LiveProvider, useLiveStatus, useLogout, useSession, useSessionGuard } from '@sigap/dashboard/data-access';
import { ConnectionIndicator, isHotkeyIgnored, LanguageSwitch, ShortcutHelp } from '@sigap/dashboard/ui';
import { MENTION_READER_ROLES } from './roles';

const HEADER_HEIGHT = 52;

const LiveIndicator = () => {
  const status = useLiveStatus();
  return <ConnectionIndicator state={status.state} replayed={status.replayed} resync={status.resync} />;
};

const NavItem = ({ to, label }: { to: string; label: string }) => {
  const active = useMatch({ path: to, end: true }) !== null;
  return (
    <UnstyledButton
      component={Link}
      to={to}
      aria-current={active ? 'page' : undefined}
      px="sm"
      py={6}
      fz="sm"
      style={{
        borderRadius: 'var(--mantine-radius-sm)',
        fontWeight: active ? 650 : 450,
        background: active ? 'var(--mantine-color-indigo-0)' : undefined,
        color: active ? 'var(--mantine-color-indigo-9)' : undefined,
      }}
    >
      {label}
    </UnstyledButton>
  );
};

/** The signed-in frame: header with navigation, live state, language, user and logout. */
export const AppLayout = () => {
  const { t } = useTranslation();
  useSessionGuard();
  const session = useSession();
  const logout = useLogout();
  const [helpOpen, setHelpOpen] = useState(false);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.key !== '?' || isHotkeyIgnored(event)) return;
      event.preventDefault();
      setHelpOpen(true);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  if (!session) return null;
  const { user } = session;
  const readsMentions = MENTION_READER_ROLES.includes(user.role);

  return (
    <LiveProvider enabled={readsMentions}>
      <AppShell header={{ height: HEADER_HEIGHT }} padding={0}>
        <AppShell.Header px="sm">
          <Group h="100%" gap="sm" wrap="nowrap" justify="space-between">
            <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
              <Text fw={800} fz="lg" c="indigo.8" mr={4} style={{ letterSpacing: -0.3 }}>
                {t('common.appName')}
              </Text>
              <Group component="nav" aria-label={t('header.nav')} gap={2} wrap="nowrap" visibleFrom="sm">
                {readsMentions && <NavItem to="/" label={t('header.inbox')} />}
                {readsMentions && <NavItem to="/rota" label={t('dispatch.nav')} />}
                {ROLES_SEEING_ALL.includes(user.role) && <NavItem to="/admin" label={t('header.admin')} />}
                {ROLES_SEEING_ALL.includes(user.role) && <NavItem to="/rules" label={t('header.rules')} />}
              </Group>
            </Group>

            <Box style={{ minWidth: 0, flexShrink: 1 }}>{readsMentions && <LiveIndicator />}</Box>

            <Group gap="xs" wrap="nowrap">
              <Tooltip label={t('header.shortcuts')}>
                <ActionIcon variant="default" size="md" aria-label={t('header.shortcuts')} onClick={() => setHelpOpen(true)} visibleFrom="sm">
                  ?
                </ActionIcon>
              </Tooltip>
              <LanguageSwitch />
              <Box visibleFrom="md" style={{ textAlign: 'right', lineHeight: 1.15 }} data-testid="current-user">
                <Text size="sm" fw={600} truncate maw={180}>
                  {user.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {t(`role.${user.role}`)}
                </Text>
              </Box>
              <Button variant="default" size="xs" onClick={logout} data-testid="logout">
                {t('header.logout')}
              </Button>
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Main>
          <Box h={`calc(100dvh - ${HEADER_HEIGHT}px)`}>
            <Outlet />
          </Box>
        </AppShell.Main>
      </AppShell>
      <ShortcutHelp opened={helpOpen} onClose={() => setHelpOpen(false)} />
    </LiveProvider>
  );
};
