import { Badge, Group, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router-dom';
import {
  MY_WORK_PATH,
  MY_WORK_PRESETS,
  activeMyWorkPreset,
  inboxHref,
  myWorkFilters,
  normalizeMentionFilters,
  useMyWorkCounts,
  type MyWorkPreset,
} from '@sigap/dashboard/data-access';
import { InboxPage } from './inbox-page';
import { readInboxUrl, writeInboxUrl } from './inbox-url';

const COUNT_OF: Record<MyWorkPreset, 'holding' | 'assigned' | 'awaitingApproval'> = {
  holding: 'holding',
  assigned: 'assigned',
  awaiting: 'awaitingApproval',
};

/** The three views of my own work, each with its count; the list below is the inbox's. */
const MyWorkTabs = () => {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const { filters } = readInboxUrl(params);
  const active = activeMyWorkPreset(filters);
  const counts = useMyWorkCounts();
  return (
    <Group
      gap={4}
      px="sm"
      py={6}
      wrap="wrap"
      role="group"
      aria-label={t('deskViews.myWork.title')}
      title={t('deskViews.myWork.hint')}
      style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
      data-testid="my-work-tabs"
    >
      {MY_WORK_PRESETS.map((preset) => {
        const selected = preset === active;
        const count = counts.data?.[COUNT_OF[preset]];
        return (
          <UnstyledButton
            key={preset}
            aria-pressed={selected}
            onClick={() =>
              setParams(
                (current) =>
                  writeInboxUrl({
                    selectedId: readInboxUrl(current).selectedId,
                    filters: normalizeMentionFilters({ ...myWorkFilters(preset), sort: readInboxUrl(current).filters.sort }),
                  }),
                { replace: true },
              )
            }
            px="sm"
            py={4}
            fz="sm"
            data-testid={`my-work-${preset}`}
            style={{
              borderRadius: 'var(--mantine-radius-sm)',
              whiteSpace: 'nowrap',
              fontWeight: selected ? 650 : 450,
              background: selected ? 'var(--mantine-color-indigo-0)' : undefined,
              color: selected ? 'var(--mantine-color-indigo-9)' : undefined,
            }}
          >
            {t(`deskViews.myWork.${preset}`)}{' '}
            <Badge size="sm" variant={selected ? 'filled' : 'light'} color={preset === 'awaiting' ? 'grape' : 'indigo'} data-testid={`my-work-${preset}-count`}>
              {count ?? '…'}
            </Badge>
          </UnstyledButton>
        );
      })}
    </Group>
  );
};

/** "Pekerjaan saya": the inbox preset to what I hold, what is assigned to me and what awaits approval. */
export const MyWorkPage = () => {
  const [params] = useSearchParams();
  if (!params.has('holder') && !params.has('assignee')) {
    return <Navigate replace to={inboxHref(myWorkFilters('holding'), params.get('m'), MY_WORK_PATH)} />;
  }
  return <InboxPage header={<MyWorkTabs />} />;
};
