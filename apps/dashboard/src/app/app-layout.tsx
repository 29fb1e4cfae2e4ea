import { useEffect, useRef, useState } from 'react';
import { ActionIcon, AppShell, Badge, Box, Button, Group, Menu, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { ROLES_SEEING_ALL } from '@sigap/contracts';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import {
  BOARD_PATH,
  INBOX_PATH,
  LiveProvider,
  MY_WORK_PATH,
  useApprovals,
  useLiveStatus,
  useLogout,
  useMyWorkCounts,
  useSession,
  useSessionGuard,
} from '@sigap/dashboard/data-access';
import { MentionCollabSection, NotificationsBell, OnlineUsers, PresenceStrip } from '@sigap/dashboard/feature-collab';
import { renderReplyComposer } from '@sigap/dashboard/feature-replies';
import {
  ConnectionIndicator,
  createShortcutReader,
  isHotkeyIgnored,
  LanguageSwitch,
  MentionSlotsProvider,
  ShortcutHelp,
  useLanguage,
  type MentionSlotRenderers,
} from '@sigap/dashboard/ui';
import { PageErrorBoundary } from './page-error-boundary';
import { destinationOf, navigationFor, type Destination, type DestinationKey } from './destinations';
import { BOARD_ROLES, MENTION_READER_ROLES, MY_WORK_ROLES } from './roles';

const HEADER_HEIGHT = 52;

/** What other features add to the mention detail of the inbox and of "Pekerjaan saya". */
const MENTION_SLOTS: MentionSlotRenderers = {
  presence: (mention) => <PresenceStrip mentionId={mention.id} />,
  replies: renderReplyComposer,
  collab: (mention) => <MentionCollabSection key={mention.id} mentionId={mention.id} />,
};

// Liaisons read along: no presence, no reply box, and no notes or history (the server refuses them).
const LIAISON_SLOTS: MentionSlotRenderers = {};

/**
 * On a narrow header a healthy connection is just its green dot; a broken or restored one always
 * says so in words.
 */
const LiveIndicator = ({ narrow }: { narrow: boolean }) => {
  const status = useLiveStatus();
  return <ConnectionIndicator state={status.state} replayed={status.replayed} resync={status.resync} compact={narrow && status.state === 'live'} />;
};

const BurgerIcon = () => (
  <svg width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" aria-hidden="true">
    <path d="M4 6h16M4 12h16M4 18h16" />
  </svg>
);

const NAV_ITEM_STYLE = (active: boolean) => ({
  display: 'inline-flex',
  alignItems: 'center',
  whiteSpace: 'nowrap' as const,
  borderRadius: 'var(--mantine-radius-sm)',
  fontWeight: active ? 650 : 450,
  background: active ? 'var(--mantine-color-indigo-0)' : undefined,
  color: active ? 'var(--mantine-color-indigo-9)' : undefined,
});

const CountBadge = ({ count, testId, label }: { count?: number; testId?: string; label?: string }) =>
  count !== undefined && count > 0 ? (
    <Badge size="xs" circle={count < 10} ml={6} variant="filled" color="indigo" data-testid={testId} aria-label={label}>
      {count}
    </Badge>
  ) : null;

const NavItem = ({ destination, count, countLabel, dense }: { destination: Destination; count?: number; countLabel?: string; dense: boolean }) => {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const active = pathname === destination.path;
  return (
    <UnstyledButton
      component={Link}
      to={destination.path}
      aria-current={active ? 'page' : undefined}
      data-testid={destination.testId}
      title={countLabel}
      px={dense ? 'xs' : 'sm'}
      py={6}
      fz="sm"
      style={NAV_ITEM_STYLE(active)}
    >
      {t(destination.label)}
      <CountBadge count={count} testId={`${destination.testId}-count`} />
    </UnstyledButton>
  );
};

/** "Kelola": the pages people open now and then, so the header keeps room for the live ones. */
const ManageMenu = ({ items, dense }: { items: Destination[]; dense: boolean }) => {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const current = items.find((item) => item.path === pathname);
  return (
    <Menu position="bottom-start" shadow="md" width={220} withinPortal>
      <Menu.Target>
        <UnstyledButton
          px={dense ? 'xs' : 'sm'}
          py={6}
          fz="sm"
          style={NAV_ITEM_STYLE(current !== undefined)}
          data-testid="nav-manage"
          aria-current={current ? 'page' : undefined}
        >
          {current && !dense ? `${t('shell.nav.manage')}: ${t(current.label)}` : t('shell.nav.manage')}
          <Text component="span" aria-hidden ml={6} fz={10}>
            ▾
          </Text>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        {items.map((item) => (
          <Menu.Item
            key={item.key}
            component={Link}
            to={item.path}
            data-testid={item.testId}
            aria-current={item.path === pathname ? 'page' : undefined}
            fw={item.path === pathname ? 650 : undefined}
          >
            {t(item.label)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
};

/** On a phone the header has no room: every page, the language and logging out are one tap away in a menu. */
const PhoneMenu = ({ items, counts, onLogout }: { items: Destination[]; counts: Partial<Record<DestinationKey, number>>; onLogout: () => void }) => {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const session = useSession();
  const [language, setLanguage] = useLanguage();
  return (
    <Menu position="bottom-start" shadow="md" width={260} withinPortal>
      <Menu.Target>
        <ActionIcon variant="default" size="lg" hiddenFrom="sm" data-testid="nav-phone" aria-label={t('shell.nav.menu')}>
          <BurgerIcon />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        {session && (
          <Menu.Label>
            {session.user.name} · {t(`role.${session.user.role}`)}
          </Menu.Label>
        )}
        {items.map((item) => (
          <Menu.Item
            key={item.key}
            component={Link}
            to={item.path}
            aria-current={item.path === pathname ? 'page' : undefined}
            fw={item.path === pathname ? 650 : undefined}
            rightSection={<CountBadge count={counts[item.key]} />}
          >
            {t(item.label)}
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Item onClick={() => setLanguage(language === 'id' ? 'en' : 'id')}>{language === 'id' ? 'English' : 'Bahasa Indonesia'}</Menu.Item>
        <Menu.Item onClick={onLogout} color="red">
          {t('header.logout')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
};

/** "Kotak masuk · Sigap": the browser tab says which page it is. */
const useDocumentTitle = (): void => {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const destination = destinationOf(pathname);
  const page = destination ? t(destination.label) : t('common.notFound');
  useEffect(() => {
    document.title = t('shell.pageTitle', { page });
  }, [t, page]);
};

/** The signed-in frame: header with navigation, live state, language, user and logout. */
export const AppLayout = () => {
  const { t } = useTranslation();
  useSessionGuard();
  const session = useSession();
  const logout = useLogout();
  const [helpOpen, setHelpOpen] = useState(false);
  const navigate = useNavigate();
  const location = useLocation();
  const role = session?.user.role;
  const hasMyWork = role !== undefined && MY_WORK_ROLES.includes(role);
  const hasBoard = role !== undefined && BOARD_ROLES.includes(role);
  const myWork = useMyWorkCounts(hasMyWork);
  const myWorkCount = myWork.data ? myWork.data.holding + myWork.data.assigned : undefined;
  const seesApprovals = role !== undefined && ROLES_SEEING_ALL.includes(role);
  const approvals = useApprovals(seesApprovals);
  const approvalCount = approvals.data?.length;
  const counts: Partial<Record<DestinationKey, number>> = { myWork: myWorkCount, approvals: approvalCount };
  useDocumentTitle();
  const phone = useMediaQuery('(max-width: 48em)') ?? false;
  // Between a phone and a wide laptop (e.g. 1024 px) the header drops what can wait: the name, the ? button.
  const narrow = !(useMediaQuery('(min-width: 75em)') ?? true);

  // Keys that work on every page: help, my work, the inbox and the board (g i / g b).
  const goto = useRef({ navigate, hasMyWork, hasBoard });
  goto.current = { navigate, hasMyWork, hasBoard };
  useEffect(() => {
    const readShortcut = createShortcutReader();
    const onKeyDown = (event: KeyboardEvent): void => {
      if (isHotkeyIgnored(event)) return;
      const { navigate: go, hasMyWork: mine, hasBoard: board } = goto.current;
      switch (readShortcut(event.key)) {
        case 'help':
          event.preventDefault();
          setHelpOpen(true);
          break;
        case 'myWork':
          if (!mine) break;
          event.preventDefault();
          void go(MY_WORK_PATH);
          break;
        case 'board':
          if (!board) break;
          event.preventDefault();
          void go(BOARD_PATH);
          break;
        case 'inbox':
          event.preventDefault();
          void go(INBOX_PATH);
          break;
        // The inbox handles the keys that act on its selection.
        case 'next':
        case 'previous':
        case 'claim':
        case 'reply':
        case 'resolve':
        case 'release':
        case 'search':
        case 'escape':
        case null:
          break;
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  if (!session) return null;
  const { user } = session;
  const readsMentions = MENTION_READER_ROLES.includes(user.role);
  const navigation = navigationFor(user.role);

  return (
    <LiveProvider enabled={readsMentions}>
      <AppShell header={{ height: HEADER_HEIGHT }} padding={0}>
        <AppShell.Header px="sm">
          <Group h="100%" gap="sm" wrap="nowrap" justify="space-between">
            <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
              <PhoneMenu items={[...navigation.primary, ...navigation.manage]} counts={counts} onLogout={logout} />
              <Text fw={800} fz="lg" c="indigo.8" mr={4} style={{ letterSpacing: -0.3 }}>
                {t('common.appName')}
              </Text>
              <Group component="nav" aria-label={t('header.nav')} gap={2} wrap="nowrap" visibleFrom="sm">
                {navigation.primary.map((destination) => (
                  <NavItem
                    key={destination.key}
                    destination={destination}
                    count={counts[destination.key]}
                    countLabel={destination.key === 'approvals' && approvalCount ? t('shell.nav.approvalsWaiting', { count: approvalCount }) : undefined}
                    dense={narrow}
                  />
                ))}
                {navigation.manage.length > 0 && <ManageMenu items={navigation.manage} dense={narrow} />}
              </Group>
            </Group>

            <Group gap="xs" wrap="nowrap" style={{ minWidth: 0, flexShrink: 1 }}>
              {readsMentions && <LiveIndicator narrow={phone || narrow} />}
              {user.role === 'liaison' && (
                <Badge variant="light" color="gray" size="sm" tt="none" visibleFrom="sm" data-testid="read-only-badge" title={t('accounts.readOnly')}>
                  {t('accounts.readOnly')}
                </Badge>
              )}
            </Group>

            <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
              <Tooltip label={t('header.shortcuts')}>
                <ActionIcon variant="default" size="md" aria-label={t('header.shortcuts')} onClick={() => setHelpOpen(true)} visibleFrom="lg">
                  ?
                </ActionIcon>
              </Tooltip>
              {readsMentions && user.role !== 'liaison' && (
                <Box visibleFrom="sm">
                  <OnlineUsers />
                </Box>
              )}
              <NotificationsBell onOpenMention={(mentionId) => navigate(`/?m=${encodeURIComponent(mentionId)}`)} />
              <Box visibleFrom="sm">
                <LanguageSwitch />
              </Box>
              <Box visibleFrom="lg" style={{ textAlign: 'right', lineHeight: 1.15 }} data-testid="current-user">
                <Text size="sm" fw={600} truncate maw={180}>
                  {user.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {t(`role.${user.role}`)}
                </Text>
              </Box>
              <Button variant="default" size="xs" onClick={logout} visibleFrom="sm" data-testid="logout" title={`${user.name} · ${t(`role.${user.role}`)}`}>
                {t('header.logout')}
              </Button>
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Main>
          <Box h={`calc(100dvh - ${HEADER_HEIGHT}px)`}>
            <MentionSlotsProvider slots={user.role === 'liaison' ? LIAISON_SLOTS : MENTION_SLOTS}>
              <PageErrorBoundary key={location.pathname}>
                <Outlet />
              </PageErrorBoundary>
            </MentionSlotsProvider>
          </Box>
        </AppShell.Main>
      </AppShell>
      <ShortcutHelp
        opened={helpOpen}
        onClose={() => setHelpOpen(false)}
        hidden={[...(hasBoard ? [] : (['board'] as const)), ...(hasMyWork ? [] : (['myWork', 'claim', 'release', 'resolve', 'reply'] as const))]}
      />
    </LiveProvider>
  );
};
