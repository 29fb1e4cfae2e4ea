import { Alert, Button, Group, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { MENTION_STATUSES, manualStatusesFrom, type MentionHolder, type MentionStatus } from '@sigap/contracts';
import { useTranslation } from 'react-i18next';

export interface DeskControlsProps {
  status: MentionStatus;
  holder: MentionHolder | null;
  /** The holder is the signed-in user. */
  heldByMe: boolean;
  /** Supervisors may release anyone's claim. */
  canReleaseOthers: boolean;
  onClaim: () => void;
  onRelease: () => void;
  onStatusChange: (status: MentionStatus) => void;
  busy: boolean;
  /** A refusal or failure to show (already translated). */
  error: string | null;
}

const isStatus = (value: string): value is MentionStatus => (MENTION_STATUSES as readonly string[]).includes(value);

/** Who holds a mention, the Klaim/Lepas button, and its status. */
export const DeskControls = ({ status, holder, heldByMe, canReleaseOthers, onClaim, onRelease, onStatusChange, busy, error }: DeskControlsProps) => {
  const { t } = useTranslation();
  const canRelease = holder !== null && (heldByMe || canReleaseOthers);
  return (
    <Paper withBorder p="sm" radius="sm" data-testid="desk-controls">
      <Stack gap="xs">
        <Title order={4} fz="md">
          {t('desk.title')}
        </Title>
        <Group justify="space-between" wrap="nowrap">
          <Text size="sm" data-testid="desk-holder">
            {holder === null ? t('desk.unclaimed') : heldByMe ? t('desk.heldByMe') : t('desk.heldBy', { name: holder.name })}
          </Text>
          {holder === null ? (
            <Button size="xs" onClick={onClaim} loading={busy} data-testid="desk-claim">
              {t('desk.claim')}
            </Button>
          ) : canRelease ? (
            <Button size="xs" variant="default" onClick={onRelease} loading={busy} data-testid="desk-release">
              {t('desk.release')}
            </Button>
          ) : null}
        </Group>
        <NativeSelect
          size="xs"
          label={t('desk.status')}
          value={status}
          onChange={(event) => {
            const value = event.currentTarget.value;
            if (isStatus(value)) onStatusChange(value);
          }}
          data={[status, ...manualStatusesFrom(status)].map((value) => ({ value, label: t(`status.${value}`) }))}
          disabled={busy}
          data-testid="desk-status"
        />
        {error !== null && (
          <Alert color="red" p="xs" role="alert" data-testid="desk-error">
            {error}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
};
