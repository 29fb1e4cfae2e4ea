import { Center, Loader, Stack, Text } from '@mantine/core';
import type { Mention } from '@sigap/contracts';
import { useTranslation } from 'react-i18next';
import { useMentionDetail } from '@sigap/dashboard/data-access';
import { MentionDetailView, MentionSlot, describeApiError } from '@sigap/dashboard/ui';
import { MentionCorrectionSection } from './mention-correction';
import { MentionDeskSection } from './mention-desk';
import { MentionFollowUpSection } from './mention-follow-up';
import type { ReferenceLookup } from './reference-lookup';

export interface MentionDetailPaneProps {
  id: string | null;
  /** The list's copy, shown at once while the full mention (with `raw`) loads. */
  fromList?: Mention;
  reference: ReferenceLookup;
  onClose?: () => void;
}

export const MentionDetailPane = ({ id, fromList, reference, onClose }: MentionDetailPaneProps) => {
  const { t } = useTranslation();
  const detail = useMentionDetail(id, fromList);

  if (id === null) {
    return (
      <Center h="100%" p="xl">
        <Text c="dimmed" size="sm" ta="center" data-testid="mention-detail-empty">
          {t('detail.none')}
        </Text>
      </Center>
    );
  }

  const mention = detail.data ?? fromList;
  if (!mention) {
    return (
      <Center h="100%" p="xl">
        {detail.isError ? (
          <Text c="red.8" size="sm" role="alert">
            {t('detail.loadError', { message: describeApiError(detail.error, t) })}
          </Text>
        ) : (
          <Stack align="center" gap="xs">
            <Loader size="sm" />
            <Text size="sm" c="dimmed">
              {t('common.loading')}
            </Text>
          </Stack>
        )}
      </Center>
    );
  }

  const rawState = detail.isError ? 'error' : detail.isPlaceholderData || detail.isPending ? 'loading' : 'ready';
  return (
    <MentionDetailView
      mention={mention}
      rawState={rawState}
      errorMessage={detail.isError ? describeApiError(detail.error, t) : null}
      opdName={reference.opdName}
      areaName={reference.areaName}
      onClose={onClose}
      work={
        <>
          <MentionSlot name="presence" mention={mention} />
          <MentionFollowUpSection mention={mention} />
          <MentionDeskSection mention={mention} />
          <MentionSlot name="replies" mention={mention} />
          <MentionSlot name="collab" mention={mention} />
        </>
      }
      correction={<MentionCorrectionSection mention={mention} />}
    />
  );
};
