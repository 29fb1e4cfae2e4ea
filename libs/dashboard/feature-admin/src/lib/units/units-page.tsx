import { useState, type FormEvent } from 'react';
import { Alert, Badge, Button, Group, Paper, ScrollArea, Select, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { OPD_KINDS, type OpdKind, type OpdView } from '@sigap/contracts';
import { useTranslation } from 'react-i18next';
import { useCreateOpd, useOpds, useSession, useUpdateOpd } from '@sigap/dashboard/data-access';
import { describeApiError, PageHeader, QueryPanel } from '@sigap/dashboard/ui';
import { SettingsPanel } from './settings-panel';

/**
 * The units that receive reports (add, rename, deactivate) and the desk settings (changed at run
 * time). Superadmins edit both; supervisors read them.
 */
export const UnitsPage = () => {
  const { t } = useTranslation();
  const [notice, setNotice] = useState<string | null>(null);
  const canEdit = useSession()?.user.role === 'superadmin';
  return (
    <ScrollArea h="100%">
      <Stack p="md" gap="md" maw={1200} data-testid="units-page">
        <PageHeader title={t('units.title')} subtitle={t('units.subtitle')} />
        {notice && (
          <Alert color="green" variant="light" withCloseButton onClose={() => setNotice(null)} role="status">
            {notice}
          </Alert>
        )}
        {/* Settings first: they change during a crisis, and the unit list is some two hundred rows long. */}
        <SettingsPanel canEdit={canEdit} onSaved={setNotice} />
        {canEdit && <AddOpdForm onSaved={(code) => setNotice(t('units.saved', { code }))} />}
        <OpdTable canEdit={canEdit} onSaved={(code) => setNotice(t('units.saved', { code }))} />
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

const OpdTable = ({ canEdit, onSaved }: { canEdit: boolean; onSaved: (code: string) => void }) => {
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
                      disabled={!canEdit}
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
                      canEdit && (
                        <Button size="compact-xs" variant="subtle" onClick={() => setRenaming({ code: opd.code, name: opd.name })} data-testid="opd-rename">
                          {t('units.rename')}
                        </Button>
                      )
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
