import { useMemo, useState, type FormEvent } from 'react';
import { Alert, Badge, Button, Center, Group, Loader, NativeSelect, Paper, ScrollArea, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { ROLES_SEEING_ALL, ROTA_ROLES, type OnCallView, type OpdView, type RotaRole, type RotaShiftView } from '@sigap/contracts';
import { useTranslation } from 'react-i18next';
import { useCreateShift, useDeleteShift, useDeskPeople, useOnCall, useOpds, useRota, useSession } from '@sigap/dashboard/data-access';
import { describeApiError, formatWib, PageHeader, toLanguage, WibDateTimeInput } from '@sigap/dashboard/ui';
import { rotaWindow } from './rota-window';

const HOUR = 3600_000;

const ShiftPeople = ({ shifts, testId }: { shifts: RotaShiftView[]; testId: string }) => {
  const { t } = useTranslation();
  if (shifts.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid={testId}>
        {t('dispatch.rota.nobody')}
      </Text>
    );
  }
  return (
    <Stack gap={2} data-testid={testId}>
      {shifts.map((shift) => (
        <Group key={shift.id} gap={6} wrap="nowrap">
          <Text size="sm" fw={600}>
            {shift.user.name}
          </Text>
          <Badge size="xs" variant="light" color={shift.roleInShift === 'supervisor' ? 'grape' : 'indigo'}>
            {t(shift.roleInShift === 'supervisor' ? 'dispatch.rota.roleSupervisor' : 'dispatch.rota.roleAdmin')}
          </Badge>
        </Group>
      ))}
    </Stack>
  );
};

const OnCallCard = ({ view }: { view: OnCallView | undefined }) => {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      <Paper withBorder p="sm" radius="sm">
        <Text size="xs" c="dimmed" tt="uppercase" fw={700} mb={4}>
          {t('dispatch.rota.onCallNow')}
        </Text>
        <ShiftPeople shifts={view?.now ?? []} testId="on-call-now" />
      </Paper>
      <Paper withBorder p="sm" radius="sm">
        <Text size="xs" c="dimmed" tt="uppercase" fw={700} mb={4}>
          {t('dispatch.rota.onCallNext')}
        </Text>
        <ShiftPeople shifts={view?.next ?? []} testId="on-call-next" />
      </Paper>
    </SimpleGrid>
  );
};

const AddShiftForm = ({ opd }: { opd: string }) => {
  const { t } = useTranslation();
  const people = useDeskPeople(true);
  const create = useCreateShift();
  const [roleInShift, setRoleInShift] = useState<RotaRole>('admin');
  const [userId, setUserId] = useState('');
  const [startsAt, setStartsAt] = useState<string | null>(() => new Date(Math.ceil(Date.now() / HOUR) * HOUR).toISOString());
  const [endsAt, setEndsAt] = useState<string | null>(() => new Date(Math.ceil(Date.now() / HOUR) * HOUR + 8 * HOUR).toISOString());
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);

  const candidates = (people.data ?? []).filter((person) => person.role === roleInShift && (roleInShift === 'supervisor' || person.opds.includes(opd)));
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (!userId || !startsAt || !endsAt) return;
    setNotice(null);
    create.mutate(
      { opdCode: opd, userId, startsAt, endsAt, roleInShift },
      {
        onSuccess: () => setNotice({ ok: true, text: t('dispatch.rota.saved') }),
        onError: (error) => setNotice({ ok: false, text: t('dispatch.rota.failed', { message: describeApiError(error, t) }) }),
      },
    );
  };

  return (
    <Paper withBorder p="sm" radius="sm" component="form" onSubmit={submit} data-testid="add-shift-form">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <NativeSelect
          size="xs"
          label={t('dispatch.rota.role')}
          value={roleInShift}
          onChange={(event) => {
            setRoleInShift(event.currentTarget.value as RotaRole);
            setUserId('');
          }}
          data={ROTA_ROLES.map((role) => ({ value: role, label: t(role === 'supervisor' ? 'dispatch.rota.roleSupervisor' : 'dispatch.rota.roleAdmin') }))}
        />
        <NativeSelect
          size="xs"
          label={t('dispatch.rota.person')}
          value={userId}
          onChange={(event) => setUserId(event.currentTarget.value)}
          data={[{ value: '', label: '—' }, ...candidates.map((person) => ({ value: person.id, label: person.name }))]}
          data-testid="add-shift-person"
        />
        <WibDateTimeInput label={t('dispatch.rota.starts')} value={startsAt} onChange={setStartsAt} data-testid="add-shift-starts" />
        <WibDateTimeInput label={t('dispatch.rota.ends')} value={endsAt} onChange={setEndsAt} data-testid="add-shift-ends" />
        <Button size="xs" type="submit" loading={create.isPending} disabled={!userId} data-testid="add-shift-submit">
          {t('dispatch.rota.add')}
        </Button>
      </Group>
      {notice && (
        <Text size="sm" mt={6} c={notice.ok ? 'teal.8' : 'red.8'} role={notice.ok ? 'status' : 'alert'}>
          {notice.text}
        </Text>
      )}
    </Paper>
  );
};

/** "Jadwal piket": who is on call per OPD, the next seven days of shifts, and (supervisors) planning them. */
export const RotaPage = () => {
  const { t, i18n } = useTranslation();
  const language = toLanguage(i18n.language);
  const session = useSession();
  const supervisor = session !== null && ROLES_SEEING_ALL.includes(session.user.role);
  const opds = useOpds();
  const [window] = useState(() => rotaWindow(Date.now()));
  const choices = useMemo(() => {
    // Kelurahan are too many for one list and answer through their kecamatan; inactive OPDs take no new shifts.
    const all = (opds.data ?? []).filter((opd) => opd.kind !== 'kelurahan' && opd.active !== false);
    const mine = all.filter((opd) => session?.user.opds.includes(opd.code));
    if (!supervisor) return mine;
    // The city's own OPDs first (external agencies rarely keep a rota here), so the page opens on one that matters.
    const rank = (opd: OpdView): number => (session?.user.opds.includes(opd.code) ? 0 : ({ opd: 1, kecamatan: 2, external: 3, kelurahan: 4 } as const)[opd.kind]);
    return [...all].sort((a, b) => rank(a) - rank(b));
  }, [opds.data, supervisor, session]);
  const [chosen, setChosen] = useState<string | null>(null);
  const opd = chosen ?? choices[0]?.code ?? null;
  const rota = useRota(opd, window.from, window.to);
  const onCall = useOnCall(opd);
  const remove = useDeleteShift();
  const [removeError, setRemoveError] = useState<string | null>(null);

  return (
    <ScrollArea h="100%">
      <Stack p="md" gap="md" maw={1100} data-testid="rota-page">
        <PageHeader title={t('dispatch.rota.title')} subtitle={t('dispatch.rota.subtitle')} />

        <NativeSelect
          maw={360}
          size="sm"
          label={t('dispatch.rota.opd')}
          value={opd ?? ''}
          onChange={(event) => setChosen(event.currentTarget.value || null)}
          data={choices.map((choice) => ({ value: choice.code, label: `${choice.code} — ${choice.name}` }))}
          data-testid="rota-opd"
        />

        {opd && <OnCallCard view={onCall.data?.find((view) => view.opdCode === opd)} />}

        {supervisor ? (
          opd && <AddShiftForm opd={opd} />
        ) : (
          <Text size="xs" c="dimmed">
            {t('dispatch.rota.readOnly')}
          </Text>
        )}

        <Title order={3} fz="md">
          {t('dispatch.rota.shifts')}
        </Title>
        {rota.isError && (
          <Alert color="red" variant="light" role="alert">
            {t('dispatch.rota.loadError', { message: describeApiError(rota.error, t) })}
          </Alert>
        )}
        {removeError && (
          <Alert color="red" variant="light" role="alert">
            {removeError}
          </Alert>
        )}
        {rota.isPending && opd ? (
          <Center p="md">
            <Loader size="sm" />
          </Center>
        ) : (rota.data ?? []).length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="rota-empty">
            {t('dispatch.rota.noShifts')}
          </Text>
        ) : (
          <Paper withBorder radius="sm">
            <Table striped verticalSpacing={6} data-testid="rota-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('dispatch.rota.starts')}</Table.Th>
                  <Table.Th>{t('dispatch.rota.ends')}</Table.Th>
                  <Table.Th>{t('dispatch.rota.person')}</Table.Th>
                  <Table.Th>{t('dispatch.rota.role')}</Table.Th>
                  {supervisor && <Table.Th />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(rota.data ?? []).map((shift) => (
                  <Table.Tr key={shift.id} data-testid="rota-row">
                    <Table.Td>
                      <Text size="sm">
                        {formatWib(shift.startsAt, language)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {formatWib(shift.endsAt, language)}
                      </Text>
                    </Table.Td>
                    <Table.Td>{shift.user.name}</Table.Td>
                    <Table.Td>{t(shift.roleInShift === 'supervisor' ? 'dispatch.rota.roleSupervisor' : 'dispatch.rota.roleAdmin')}</Table.Td>
                    {supervisor && (
                      <Table.Td>
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          color="red"
                          aria-label={t('dispatch.rota.removeLabel', { name: shift.user.name })}
                          loading={remove.isPending && remove.variables === shift.id}
                          onClick={() => {
                            setRemoveError(null);
                            remove.mutate(shift.id, { onError: (error) => setRemoveError(t('dispatch.rota.failed', { message: describeApiError(error, t) })) });
                          }}
                        >
                          {t('dispatch.rota.remove')}
                        </Button>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        )}
      </Stack>
    </ScrollArea>
  );
};
