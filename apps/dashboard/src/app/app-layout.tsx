import { useEffect, useRef, useState } from 'react';
import { ActionIcon, AppShell, Badge, Box, Button, Group, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { ROLES_SEEING_ALL } from '@sigap/contracts';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useMatch, useNavigate } from 'react-router-dom';
import {
  BOARD_PATH,
  INBOX_PATH,
  LiveProvider,
  MY_WORK_PATH,
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
  type MentionSlotRenderers,
} from '@sigap/dashboard/ui';
import { BOARD_ROLES, MENTION_READER_ROLES, MY_WORK_ROLES, USER_MANAGER_ROLES } from './roles';

const HEADER_HEIGHT = 52;

/** What other features add to the mention detail of the inbox and of "Pekerjaan saya". */
const MENTION_SLOTS: MentionSlotRenderers = {
  presence: (mention) => <PresenceStrip mentionId={mention.id} />,
  replies: renderReplyComposer,
  collab: (mention) => <MentionCollabSection key={mention.id} mentionId={mention.id} />,
};

const LiveIndicator = () => {
  const status = useLiveStatus();
  return <ConnectionIndicator state={status.state} replayed={status.replayed} resync={status.resync} />;
};

const NavItem = ({ to, label, count, testId }: { to: string; label: string; count?: number; testId?: string }) => {
  const active = useMatch({ path: to.split('?')[0], end: true }) !== null;
  const ref = useRef<HTMLAnchorElement>(null);
  // In a scrolled navigation the current page's link stays in sight, also when the header's
  // other parts (who is online, the live state) arrive later and narrow it.
  useEffect(() => {
    const item = ref.current;
    const nav = item?.parentElement;
    if (!active || !item || !nav || typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(() => {
      const box = item.getBoundingClientRect();
      const view = nav.getBoundingClientRect();
      if (box.right > view.right) nav.scrollLeft += box.right - view.right;
      else if (box.left < view.left) nav.scrollLeft -= view.left - box.left;
    });
    observer.observe(nav);
    return () => observer.disconnect();
  }, [active]);
  return (
    <UnstyledButton
      ref={ref}
      component={Link}
      to={to}
      aria-current={active ? 'page' : undefined}
      data-testid={testId}
      px={10}
      py={6}
      fz="sm"
      style={{
        display: 'inline-flex',
        alignItems: 'center',
        whiteSpace: 'nowrap',
        flexShrink: 0,
        borderRadius: 'var(--mantine-radius-sm)',
        fontWeight: active ? 650 : 450,
        background: active ? 'var(--mantine-color-indigo-0)' : undefined,
        color: active ? 'var(--mantine-color-indigo-9)' : undefined,
      }}
    >
      {label}
      {count !== undefined && count > 0 && (
        <Badge size="xs" circle={count < 10} ml={6} variant="filled" color="indigo" data-testid={testId ? `${testId}-count` : undefined}>
          {count}
        </Badge>
      )}
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
  const navigate = useNavigate();
  const role = session?.user.role;
  const hasMyWork = role !== undefined && MY_WORK_ROLES.includes(role);
  const hasBoard = role !== undefined && BOARD_ROLES.includes(role);
  const myWork = useMyWorkCounts(hasMyWork);
  const myWorkCount = myWork.data ? myWork.data.holding + myWork.data.assigned : undefined;

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

  return (
    <LiveProvider enabled={readsMentions}>
      <AppShell header={{ height: HEADER_HEIGHT }} padding={0}>
        <AppShell.Header px="sm">
          <Group h="100%" gap="sm" wrap="nowrap" justify="space-between">
            <Group gap="xs" wrap="nowrap" style={{ minWidth: 0, flex: 1 }}>
              <Text fw={800} fz="lg" c="indigo.8" mr={4} style={{ letterSpacing: -0.3 }}>
                {t('common.appName')}
              </Text>
              {/* With every page a supervisor has, the links outgrow 1366px: they scroll rather than overlap. */}
              <Group component="nav" aria-label={t('header.nav')} gap={0} wrap="nowrap" visibleFrom="sm" style={{ minWidth: 0, overflowX: 'auto', scrollbarWidth: 'none' }}>
                {readsMentions && <NavItem to={INBOX_PATH} label={t('header.inbox')} testId="nav-inbox" />}
                {hasMyWork && <NavItem to={MY_WORK_PATH} label={t('deskViews.nav.myWork')} count={myWorkCount} testId="nav-my-work" />}
                {hasBoard && <NavItem to={BOARD_PATH} label={t('deskViews.nav.board')} testId="nav-board" />}
                {readsMentions && <NavItem to="/rota" label={t('dispatch.nav')} />}
                {ROLES_SEEING_ALL.includes(user.role) && <NavItem to="/admin" label={t('header.admin')} />}
                {ROLES_SEEING_ALL.includes(user.role) && <NavItem to="/rules" label={t('header.rules')} />}
                {ROLES_SEEING_ALL.includes(user.role) && <NavItem to="/approvals" label={t('replies.nav.approvals')} />}
                {ROLES_SEEING_ALL.includes(user.role) && <NavItem to="/templates" label={t('replies.nav.templates')} />}
                {USER_MANAGER_ROLES.includes(user.role) && <NavItem to="/users" label={t('accounts.nav.users')} />}
                {ROLES_SEEING_ALL.includes(user.role) && <NavItem to="/audit" label={t('accounts.nav.audit')} />}
              </Group>
            </Group>

            <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
              {readsMentions && <LiveIndicator />}
              {user.role === 'liaison' && (
                <Badge variant="light" color="gray" size="sm" data-testid="read-only-badge" title={t('accounts.readOnly')}>
                  {t('accounts.readOnly')}
                </Badge>
              )}
            </Group>

            <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
              <Tooltip label={t('header.shortcuts')}>
                <ActionIcon variant="default" size="md" aria-label={t('header.shortcuts')} onClick={() => setHelpOpen(true)} visibleFrom="sm">
                  ?
                </ActionIcon>
              </Tooltip>
              {readsMentions && user.role !== 'liaison' && <OnlineUsers />}
              <NotificationsBell onOpenMention={(mentionId) => navigate(`/?m=${encodeURIComponent(mentionId)}`)} />
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
            <MentionSlotsProvider slots={MENTION_SLOTS}>
              <Outlet />
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
