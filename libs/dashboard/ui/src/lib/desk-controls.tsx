import { useEffect, useState, type ReactNode } from 'react';
import { Alert, Button, Group, NativeSelect, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { MENTION_STATUSES, manualStatusesFrom, type MentionHolder, type MentionStatus, type MentionStatusRequest } from '@sigap/contracts';
import { useTranslation } from 'react-i18next';
import { STATUS_REASON_MAX, statusRequestOf, validateStatusForm, type StatusFormErrors } from './forward-form';

export interface DeskControlsProps {
  status: MentionStatus;
  holder: MentionHolder | null;
  /** The holder is the signed-in user. */
  heldByMe: boolean;
  /** Supervisors may release anyone's claim. */
  canReleaseOthers: boolean;
  onClaim: () => void;
  /** Near-duplicates in its cluster besides this one; with `onClaimCluster`, one click claims them too. */
  similarCount?: number;
  onClaimCluster?: () => void;
  onRelease: () => void;
  onStatusChange: (request: MentionStatusRequest) => void;
  busy: boolean;
  /** A refusal or failure to show (already translated). */
  error: string | null;
  /** The OPD codes the mention is routed to now. */
  currentOpds?: readonly string[];
  /** OPDs it may be forwarded to as "bukan wewenang" (the current ones left out). */
  forwardOptions?: { value: string; label: string }[];
  /** Shown under the holder: the supervisor's "assign to" picker. */
  assign?: ReactNode;
}

const isStatus = (value: string): value is MentionStatus => (MENTION_STATUSES as readonly string[]).includes(value);

/** Who holds a mention, the Klaim/Lepas button, and its status (with a reason, and a target OPD when forwarding). */
export const DeskControls = ({
  status,
  holder,
  heldByMe,
  canReleaseOthers,
  onClaim,
  similarCount = 0,
  onClaimCluster,
  onRelease,
  onStatusChange,
  busy,
  error,
  currentOpds = [],
  forwardOptions = [],
  assign,
}: DeskControlsProps) => {
  const { t } = useTranslation();
  const canRelease = holder !== null && (heldByMe || canReleaseOthers);
  const [pending, setPending] = useState<MentionStatus | null>(null);
  const [reason, setReason] = useState('');
  const [forwardTo, setForwardTo] = useState<string | null>(null);
  const [errors, setErrors] = useState<StatusFormErrors>({});

  // The change went through (here or live): the form has done its job.
  useEffect(() => {
    if (pending !== null && status === pending) setPending(null);
  }, [status, pending]);

  const choose = (next: MentionStatus): void => {
    setPending(next === status ? null : next);
    setReason('');
    setForwardTo(null);
    setErrors({});
  };

  const submit = (): void => {
    if (pending === null) return;
    const values = { status: pending, reason, forwardTo: forwardTo ?? '' };
    const found = validateStatusForm(values, currentOpds);
    setErrors(found);
    if (Object.keys(found).length === 0) onStatusChange(statusRequestOf(values));
  };

  const forwarding = pending === 'bukan_wewenang';
  return (
    <Paper withBorder p="xs" radius="sm" data-testid="desk-controls">
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Title order={3} fz="sm" style={{ flexShrink: 0 }}>
            {t('desk.title')}
          </Title>
          <Text size="sm" data-testid="desk-holder" fw={holder === null ? undefined : 600} c={holder !== null && !heldByMe ? 'orange.8' : undefined} truncate style={{ flex: 1, minWidth: 0 }}>
            {holder === null ? t('desk.unclaimed') : heldByMe ? t('desk.heldByMe') : t('desk.heldBy', { name: holder.name })}
          </Text>
          {holder === null ? (
            <Group gap={4} wrap="nowrap">
              {similarCount > 0 && onClaimCluster && (
                <Button size="xs" variant="light" onClick={onClaimCluster} loading={busy} title={t('desk.claimClusterHint')} data-testid="desk-claim-cluster">
                  {t('desk.claimCluster', { count: similarCount })}
                </Button>
              )}
              <Button size="xs" onClick={onClaim} loading={busy} data-testid="desk-claim">
                {t('desk.claim')}
              </Button>
            </Group>
          ) : canRelease ? (
            <Button size="xs" variant="default" onClick={onRelease} loading={busy} data-testid="desk-release">
              {t('desk.release')}
            </Button>
          ) : null}
        </Group>
        <Group grow gap="xs" align="flex-start" wrap="nowrap">
          <NativeSelect
            size="xs"
            label={t('desk.status')}
            value={pending ?? status}
            onChange={(event) => {
              const value = event.currentTarget.value;
              if (isStatus(value)) choose(value);
            }}
            data={[status, ...manualStatusesFrom(status)].map((value) => ({ value, label: t(`status.${value}`) }))}
            disabled={busy}
            data-testid="desk-status"
          />
          {assign}
        </Group>
        {pending !== null && (
          <Stack gap={6} data-testid={forwarding ? 'forward-form' : 'status-form'}>
            {forwarding && (
              <Select
                size="xs"
                label={t('deskViews.forwardTo')}
                placeholder={t('deskViews.forwardToPlaceholder')}
                data={forwardOptions}
                value={forwardTo}
                onChange={(value) => {
                  setForwardTo(value);
                  setErrors(({ forwardTo: _dropped, ...rest }) => rest);
                }}
                searchable
                selectFirstOptionOnChange
                nothingFoundMessage={t('filters.nothingFound')}
                error={errors.forwardTo ? t(`deskViews.error.${errors.forwardTo}`) : undefined}
                withAsterisk
                comboboxProps={{ withinPortal: true }}
                data-testid="forward-opd"
              />
            )}
            <Textarea
              size="xs"
              label={forwarding ? t('deskViews.reasonRequired') : t('deskViews.reasonOptional')}
              value={reason}
              onChange={(event) => {
                setReason(event.currentTarget.value);
                setErrors(({ reason: _dropped, ...rest }) => rest);
              }}
              autosize
              minRows={2}
              maxRows={5}
              maxLength={STATUS_REASON_MAX + 1}
              withAsterisk={forwarding}
              error={errors.reason ? t(`deskViews.error.${errors.reason}`) : undefined}
              data-testid="status-reason"
            />
            <Group gap="xs" justify="flex-end">
              <Button size="xs" variant="subtle" onClick={() => choose(status)} disabled={busy}>
                {t('deskViews.cancel')}
              </Button>
              <Button size="xs" onClick={submit} loading={busy} data-testid="status-submit">
                {forwarding ? t('deskViews.forward') : t('deskViews.saveStatus', { status: t(`status.${pending}`) })}
              </Button>
            </Group>
          </Stack>
        )}
        {error !== null && (
          <Alert color="red" p="xs" role="alert" data-testid="desk-error">
            {error}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
};
