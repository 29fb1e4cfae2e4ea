import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { Alert, Badge, Button, Group, NumberInput, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { DESK_NUMBER_SETTING_KEYS, URGENCIES, type DeskNumberSettingKey, type DeskSettingKey, type DeskSettingsView } from '@sigap/contracts';
import { useTranslation } from 'react-i18next';
import { useDeskSettings, useOpds, useUpdateDeskSettings } from '@sigap/dashboard/data-access';
import { describeApiError, fieldErrorsOf, QueryPanel, RelativeTime } from '@sigap/dashboard/ui';
import { SETTING_UNITS, changeOf, changesOf, draftOf, durationParts, entryBounds, type SettingsDraft } from './settings-form';

/** "1 jam 30 menit" */
const Duration = ({ seconds }: { seconds: number }) => {
  const { t } = useTranslation();
  return <>{durationParts(seconds).map((part) => t(`units.settings.duration.${part.unit}`, { count: part.count })).join(' ')}</>;
};

/**
 * The desk settings. Superadmins edit them (saved for every process at once, each with a reset
 * to its environment default); supervisors read them. Secrets stay environment-only.
 */
export const SettingsPanel = ({ canEdit, onSaved }: { canEdit: boolean; onSaved: (message: string) => void }) => {
  const { t } = useTranslation();
  const settings = useDeskSettings();
  return (
    <Paper withBorder p="sm" data-testid="settings-panel">
      <Title order={3} fz="md">
        {t('units.settings.title')}
      </Title>
      <Alert color="blue" variant="light" my="xs">
        {canEdit ? t('units.settings.editable') : t('units.settings.readOnly')}
      </Alert>
      <QueryPanel
        pending={settings.isPending}
        errorText={settings.isError ? t('units.settings.loadError', { message: describeApiError(settings.error, t) }) : null}
        empty={false}
        emptyText=""
      >
        {settings.data && <SettingsTable view={settings.data} canEdit={canEdit} onSaved={onSaved} />}
      </QueryPanel>
    </Paper>
  );
};

const SettingsTable = ({ view, canEdit, onSaved }: { view: DeskSettingsView; canEdit: boolean; onSaved: (message: string) => void }) => {
  const { t } = useTranslation();
  const update = useUpdateDeskSettings();
  const [draft, setDraft] = useState<SettingsDraft>(() => draftOf(view));
  // A saved or reloaded view is the new starting point of the form.
  useEffect(() => setDraft(draftOf(view)), [view]);
  const errors = fieldErrorsOf(update.error, t);
  const changes = changesOf(draft, view);
  const dirty = Object.keys(changes).length > 0;

  const save = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(changes, { onSuccess: () => onSaved(t('units.settings.saved')) });
  };
  const reset = (key: DeskSettingKey) =>
    update.mutate(changeOf(key, null), { onSuccess: () => onSaved(t('units.settings.resetDone', { setting: labelOf(key) })) });

  const labelOf = (key: DeskSettingKey): string => {
    if (key.startsWith('slaSeconds.')) return t('units.settings.sla', { urgency: t(`units.settings.urgency.${key.slice('slaSeconds.'.length) as (typeof URGENCIES)[number]}`) });
    const labels: Record<Exclude<DeskSettingKey, `slaSeconds.${string}`>, string> = {
      claimIdleSeconds: t('units.settings.claimIdle'),
      presenceTtlSeconds: t('units.settings.presenceTtl'),
      'login.maxFailures': t('units.settings.loginFailures'),
      'login.maxFailuresPerIp': t('units.settings.loginFailuresPerIp'),
      'login.windowSeconds': t('units.settings.loginWindow'),
      hotlines: t('units.settings.hotlines'),
      defaultHotline: t('units.settings.defaultHotline'),
    };
    return labels[key as keyof typeof labels];
  };

  const origin = (key: DeskSettingKey) => {
    const entry = view.entries[key];
    return (
      <Group gap={4} wrap="nowrap" data-testid={`setting-origin-${key}`}>
        {entry.changed ? (
          <>
            <Badge size="sm" variant="light" color="orange">
              {t('units.settings.changedBy', { name: entry.changedBy?.name ?? t('units.settings.someone') })}
            </Badge>
            {entry.changedAt && (
              <Text size="xs" c="dimmed">
                <RelativeTime value={entry.changedAt} />
              </Text>
            )}
          </>
        ) : (
          <Badge size="sm" variant="light" color="gray">
            {t('units.settings.fromEnvironment')}
          </Badge>
        )}
        {canEdit && entry.changed && (
          <Button size="compact-xs" variant="subtle" onClick={() => reset(key)} disabled={update.isPending} data-testid={`setting-reset-${key}`}>
            {t('units.settings.reset')}
          </Button>
        )}
      </Group>
    );
  };

  const numberValue = (key: DeskNumberSettingKey): ReactNode => {
    const seconds = view.entries[key].value;
    const unit = SETTING_UNITS[key];
    const shown = unit === 'count' ? seconds : <Duration seconds={seconds} />;
    if (!canEdit) return shown;
    const bounds = entryBounds(key);
    return (
      <NumberInput
        size="xs"
        w={200}
        value={draft.numbers[key]}
        onChange={(value) => setDraft((d) => ({ ...d, numbers: { ...d.numbers, [key]: typeof value === 'number' ? value : value === '' ? '' : Number(value) } }))}
        min={bounds.min}
        max={bounds.max}
        decimalScale={unit === 'minutes' ? 2 : 0}
        rightSection={unit === 'count' ? undefined : <Text size="xs" c="dimmed" pr={4}>{t(`units.settings.unit.${unit}`)}</Text>}
        rightSectionWidth={unit === 'count' ? undefined : 56}
        aria-label={labelOf(key)}
        description={unit === 'count' ? undefined : shown}
        error={errors[key]}
        data-testid={`setting-${key}`}
      />
    );
  };

  const configured = (value: boolean) => (
    <Badge size="sm" variant="light" color={value ? 'green' : 'gray'}>
      {value ? t('units.settings.configured') : t('units.settings.notConfigured')}
    </Badge>
  );

  const rows: { key: string; label: string; value: ReactNode; origin: ReactNode }[] = [
    ...DESK_NUMBER_SETTING_KEYS.map((key) => ({ key, label: labelOf(key), value: numberValue(key), origin: origin(key) })),
    { key: 'hotlines', label: labelOf('hotlines'), value: <HotlinesEditor view={view} draft={draft} setDraft={setDraft} canEdit={canEdit} errors={errors} />, origin: origin('hotlines') },
    {
      key: 'defaultHotline',
      label: labelOf('defaultHotline'),
      value: canEdit ? (
        <TextInput
          size="xs"
          w={200}
          value={draft.defaultHotline}
          onChange={(event) => {
            const value = event.currentTarget.value;
            setDraft((d) => ({ ...d, defaultHotline: value }));
          }}
          aria-label={labelOf('defaultHotline')}
          error={errors.defaultHotline}
          data-testid="setting-defaultHotline"
        />
      ) : (
        view.defaultHotline
      ),
      origin: origin('defaultHotline'),
    },
    { key: 'outboxWebhookConfigured', label: t('units.settings.outbox'), value: configured(view.outboxWebhookConfigured), origin: <SecretNote /> },
    { key: 'outboxSigned', label: t('units.settings.outboxSigned'), value: configured(view.outboxSigned), origin: <SecretNote /> },
    { key: 'notifyWebhookConfigured', label: t('units.settings.notify'), value: configured(view.notifyWebhookConfigured), origin: <SecretNote /> },
  ];

  return (
    <form onSubmit={save}>
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing={6} data-testid="settings-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('units.settings.setting')}</Table.Th>
              <Table.Th>{t('units.settings.value')}</Table.Th>
              <Table.Th>{t('units.settings.origin')}</Table.Th>
              <Table.Th>{t('units.settings.variable')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.key} data-testid="setting-row">
                <Table.Td fz="sm">{row.label}</Table.Td>
                <Table.Td fz="sm">{row.value}</Table.Td>
                <Table.Td>{row.origin}</Table.Td>
                <Table.Td fz="xs" ff="monospace">
                  {view.environmentVariables[row.key] ?? ''}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {update.isError && (
        <Alert color="red" variant="light" mt="xs" role="alert">
          {t('units.settings.saveError', { message: describeApiError(update.error, t) })}
        </Alert>
      )}
      {canEdit && (
        <Group justify="flex-end" mt="sm">
          <Button variant="subtle" onClick={() => setDraft(draftOf(view))} disabled={!dirty || update.isPending}>
            {t('units.cancel')}
          </Button>
          <Button type="submit" disabled={!dirty} loading={update.isPending} data-testid="settings-save">
            {t('units.settings.save')}
          </Button>
        </Group>
      )}
    </form>
  );
};

const SecretNote = () => {
  const { t } = useTranslation();
  return (
    <Text size="xs" c="dimmed">
      {t('units.settings.environmentOnly')}
    </Text>
  );
};

const HotlinesEditor = ({
  view,
  draft,
  setDraft,
  canEdit,
  errors,
}: {
  view: DeskSettingsView;
  draft: SettingsDraft;
  setDraft: (update: (draft: SettingsDraft) => SettingsDraft) => void;
  canEdit: boolean;
  errors: Record<string, string>;
}) => {
  const { t } = useTranslation();
  const opds = useOpds();
  if (!canEdit) {
    return <>{Object.entries(view.hotlines).map(([code, number]) => `${code}: ${number}`).join(', ') || t('common.none')}</>;
  }
  const taken = new Set(draft.hotlines.map((row) => row.code));
  const setRow = (index: number, change: Partial<SettingsDraft['hotlines'][number]>) =>
    setDraft((d) => ({ ...d, hotlines: d.hotlines.map((row, i) => (i === index ? { ...row, ...change } : row)) }));
  return (
    <Stack gap={4} data-testid="hotlines-editor">
      {draft.hotlines.map((row, index) => (
        <Group key={index} gap={4} wrap="nowrap" align="flex-start" data-testid="hotline-row">
          <Select
            size="xs"
            w={220}
            searchable
            placeholder={t('units.settings.hotlineOpd')}
            aria-label={t('units.settings.hotlineOpd')}
            data={(opds.data ?? [])
              .filter((opd) => opd.code === row.code || !taken.has(opd.code))
              .map((opd) => ({ value: opd.code, label: `${opd.code} · ${opd.name}` }))}
            value={row.code || null}
            onChange={(value) => setRow(index, { code: value ?? '' })}
            data-testid="hotline-opd"
          />
          <TextInput
            size="xs"
            w={160}
            value={row.number}
            onChange={(event) => setRow(index, { number: event.currentTarget.value })}
            aria-label={t('units.settings.hotlineNumber', { code: row.code })}
            error={row.code ? errors[`hotlines.${row.code}`] : undefined}
            data-testid="hotline-number"
          />
          <Button
            size="compact-xs"
            variant="subtle"
            color="red"
            onClick={() => setDraft((d) => ({ ...d, hotlines: d.hotlines.filter((_, i) => i !== index) }))}
            data-testid="hotline-remove"
          >
            {t('units.settings.hotlineRemove')}
          </Button>
        </Group>
      ))}
      {errors.hotlines && (
        <Text size="xs" c="red">
          {errors.hotlines}
        </Text>
      )}
      <Button
        size="compact-xs"
        variant="light"
        w="fit-content"
        onClick={() => setDraft((d) => ({ ...d, hotlines: [...d.hotlines, { code: '', number: '' }] }))}
        data-testid="hotline-add"
      >
        {t('units.settings.hotlineAdd')}
      </Button>
    </Stack>
  );
};
