import { useState, type FormEvent, type ReactNode } from 'react';
import { Alert, Badge, Button, Group, Paper, ScrollArea, Select, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { OPD_KINDS, type DeskSettingsView, type OpdKind, type OpdView } from '@sigap/contracts';
import { useTranslation } from 'react-i18next';
import { useCreateOpd, useDeskSettings, useOpds, useUpdateOpd } from '@sigap/dashboard/data-access';
import { describeApiError, PageHeader, QueryPanel } from '@sigap/dashboard/ui';

/** For superadmins: the units that receive reports (add, rename, deactivate) and the desk settings in effect. */
export const UnitsPage = () => {
  const { t } = useTranslation();
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <ScrollArea h="100%">
      <Stack p="md" gap="md" maw={1200} data-testid="units-page">
        <PageHeader title={t('units.title')} subtitle={t('units.subtitle')} />
        {notice && (
          <Alert color="green" variant="light" withCloseButton onClose={() => setNotice(null)} role="status">
            {notice}
          </Alert>
        )}
        <AddOpdForm onSaved={(code) => setNotice(t('units.saved', { code }))} />
        <OpdTable onSaved={(code) => setNotice(t('units.saved', { code }))} />
        <SettingsPanel />
      </Stack>
    </ScrollArea>
  );
};

const AddOpdForm = ({ onSaved }: { onSaved: (code: string) => void }) => {
  const { t } = useTranslation();
  const create = useCreateOpd();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<OpdKind>('opd');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { code: code.trim(), name: name.trim(), kind },
      {
        onSuccess: (created) => {
          setCode('');
          setName('');
          onSaved(created.code);
        },
      },
    );
  };

  return (
    <Paper withBorder p="sm" component="form" onSubmit={submit} data-testid="add-opd-form">
      <Text fw={600} size="sm" mb="xs">
        {t('units.add.title')}
      </Text>
      <Group align="flex-end" wrap="wrap">
        <TextInput
          label={t('units.add.code')}
          description={t('units.add.codeHint')}
          value={code}
          onChange={(event) => setCode(event.currentTarget.value.toUpperCase())}
          required
          data-testid="opd-code"
        />
        <TextInput label={t('units.add.name')} value={name} onChange={(event) => setName(event.currentTarget.value)} required miw={260} data-testid="opd-name" />
        <Select
          label={t('units.add.kind')}
          data={OPD_KINDS.map((value) => ({ value, label: t(`units.kinds.${value}`) }))}
          value={kind}
          onChange={(value) => value && setKind(value as OpdKind)}
          allowDeselect={false}
          data-testid="opd-kind"
        />
        <Button type="submit" loading={create.isPending} data-testid="opd-add">
          {t('units.add.submit')}
        </Button>
      </Group>
      {create.isError && (
        <Alert color="red" variant="light" mt="xs" role="alert">
          {t('units.saveError', { message: describeApiError(create.error, t) })}
        </Alert>
      )}
    </Paper>
  );
};

const OpdTable = ({ onSaved }: { onSaved: (code: string) => void }) => {
  const { t } = useTranslation();
  const opds = useOpds();
  const update = useUpdateOpd();
  const [renaming, setRenaming] = useState<{ code: string; name: string } | null>(null);

  const save = (code: string, changes: { name?: string; active?: boolean }) =>
    update.mutate(
      { code, changes },
      {
        onSuccess: () => {
          setRenaming(null);
          onSaved(code);
        },
      },
    );

  return (
    <>
      {update.isError && (
        <Alert color="red" variant="light" role="alert">
          {t('units.saveError', { message: describeApiError(update.error, t) })}
        </Alert>
      )}
      <QueryPanel
        pending={opds.isPending}
        errorText={opds.isError ? t('units.loadError', { message: describeApiError(opds.error, t) }) : null}
        empty={(opds.data ?? []).length === 0}
        emptyText={t('units.empty')}
      >
        <Table.ScrollContainer minWidth={640}>
          <Table highlightOnHover verticalSpacing={6} data-testid="opds-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('units.columns.code')}</Table.Th>
                <Table.Th>{t('units.columns.name')}</Table.Th>
                <Table.Th>{t('units.columns.kind')}</Table.Th>
                <Table.Th>{t('units.columns.active')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(opds.data ?? []).map((opd: OpdView) => (
                <Table.Tr key={opd.code} data-testid="opd-row" c={opd.active ? undefined : 'dimmed'}>
                  <Table.Td fz="xs" ff="monospace">
                    {opd.code}
                  </Table.Td>
                  <Table.Td fz="sm">
                    {renaming?.code === opd.code ? (
                      <TextInput
                        size="xs"
                        value={renaming.name}
                        onChange={(event) => setRenaming({ code: opd.code, name: event.currentTarget.value })}
                        aria-label={t('units.rename')}
                        data-testid="opd-rename-input"
                      />
                    ) : (
                      opd.name
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Badge size="sm" variant="light">
                      {t(`units.kinds.${opd.kind}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Switch
                      checked={opd.active}
                      onChange={(event) => save(opd.code, { active: event.currentTarget.checked })}
                      aria-label={t('units.activeLabel', { code: opd.code })}
                      data-testid="opd-active"
                    />
                  </Table.Td>
                  <Table.Td ta="right">
                    {renaming?.code === opd.code ? (
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        <Button size="compact-xs" onClick={() => save(opd.code, { name: renaming.name.trim() })} loading={update.isPending} data-testid="opd-rename-save">
                          {t('units.save')}
                        </Button>
                        <Button size="compact-xs" variant="subtle" onClick={() => setRenaming(null)}>
                          {t('units.cancel')}
                        </Button>
                      </Group>
                    ) : (
                      <Button size="compact-xs" variant="subtle" onClick={() => setRenaming({ code: opd.code, name: opd.name })} data-testid="opd-rename">
                        {t('units.rename')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </QueryPanel>
    </>
  );
};

const URGENCIES = ['critical', 'high', 'normal', 'low'] as const;

const SettingsPanel = () => {
  const { t } = useTranslation();
  const settings = useDeskSettings();
  const data = settings.data;
  const seconds = (value: number) => t('units.settings.seconds', { value });
  const configured = (value: boolean) => (
    <Badge size="sm" variant="light" color={value ? 'green' : 'gray'}>
      {value ? t('units.settings.configured') : t('units.settings.notConfigured')}
    </Badge>
  );
  const rows = (view: DeskSettingsView): { key: string; label: string; value: ReactNode }[] => [
    ...URGENCIES.map((urgency) => ({
      key: `slaSeconds.${urgency}`,
      label: t('units.settings.sla', { urgency: t(`units.settings.urgency.${urgency}`) }),
      value: seconds(view.slaSeconds[urgency]),
    })),
    { key: 'claimIdleSeconds', label: t('units.settings.claimIdle'), value: seconds(view.claimIdleSeconds) },
    { key: 'presenceTtlSeconds', label: t('units.settings.presenceTtl'), value: seconds(view.presenceTtlSeconds) },
    { key: 'outboxWebhookConfigured', label: t('units.settings.outbox'), value: configured(view.outboxWebhookConfigured) },
    { key: 'outboxSigned', label: t('units.settings.outboxSigned'), value: configured(view.outboxSigned) },
    { key: 'notifyWebhookConfigured', label: t('units.settings.notify'), value: configured(view.notifyWebhookConfigured) },
    {
      key: 'hotlines',
      label: t('units.settings.hotlines'),
      value: Object.entries(view.hotlines).map(([code, number]) => `${code}: ${number}`).join(', ') || t('common.none'),
    },
    { key: 'defaultHotline', label: t('units.settings.defaultHotline'), value: view.defaultHotline },
    { key: 'login.maxFailures', label: t('units.settings.loginFailures'), value: view.login.maxFailures },
    { key: 'login.maxFailuresPerIp', label: t('units.settings.loginFailuresPerIp'), value: view.login.maxFailuresPerIp },
    { key: 'login.windowSeconds', label: t('units.settings.loginWindow'), value: seconds(view.login.windowSeconds) },
  ];

  return (
    <Paper withBorder p="sm" data-testid="settings-panel">
      <Title order={3} fz="md">
        {t('units.settings.title')}
      </Title>
      <Alert color="blue" variant="light" my="xs">
        {t('units.settings.readOnly')}
      </Alert>
      <QueryPanel
        pending={settings.isPending}
        errorText={settings.isError ? t('units.settings.loadError', { message: describeApiError(settings.error, t) }) : null}
        empty={false}
        emptyText=""
      >
        {data && (
          <Table verticalSpacing={4} data-testid="settings-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('units.settings.setting')}</Table.Th>
                <Table.Th>{t('units.settings.value')}</Table.Th>
                <Table.Th>{t('units.settings.variable')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows(data).map((row) => (
                <Table.Tr key={row.key} data-testid="setting-row">
                  <Table.Td fz="sm">{row.label}</Table.Td>
                  <Table.Td fz="sm">{row.value}</Table.Td>
                  <Table.Td fz="xs" ff="monospace">
                    {data.environmentVariables[row.key] ?? ''}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryPanel>
    </Paper>
  );
};
