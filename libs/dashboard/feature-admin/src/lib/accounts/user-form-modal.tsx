import { useState } from 'react';
import { Alert, Button, Divider, Group, Modal, MultiSelect, NumberInput, PasswordInput, Select, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { ROLES, type Role, type UserAccount } from '@sigap/contracts';
import { useTranslation } from 'react-i18next';
import { useCreateUser, useOpds, useRevokeSessions, useUpdateUser, useUserSessions } from '@sigap/dashboard/data-access';
import { describeApiError, fieldErrorsOf, RelativeTime } from '@sigap/dashboard/ui';
import { createRequestOf, emptyUserForm, localErrorsOf, updateRequestOf, userFormOf, type UserFormValues } from './user-form';

const UserSessions = ({ userId }: { userId: string }) => {
  const { t } = useTranslation();
  const sessions = useUserSessions(userId);
  const revoke = useRevokeSessions();
  const [notice, setNotice] = useState<string | null>(null);
  const rows = sessions.data ?? [];
  return (
    <Stack gap="xs" data-testid="user-sessions">
      <Group justify="space-between">
        <Text fw={600} size="sm">
          {t('accounts.sessions.title')}
        </Text>
        <Button
          size="compact-sm"
          variant="light"
          color="red"
          loading={revoke.isPending}
          disabled={!rows.some((session) => session.active)}
          onClick={() =>
            revoke.mutate(userId, {
              onSuccess: (result) => setNotice(t('accounts.sessions.revoked', { count: result.revoked })),
              onError: (error) => setNotice(t('accounts.sessions.revokeFailed', { message: describeApiError(error, t) })),
            })
          }
          data-testid="revoke-sessions"
        >
          {t('accounts.sessions.revokeAll')}
        </Button>
      </Group>
      {notice && (
        <Text size="xs" c="dimmed" role="status">
          {notice}
        </Text>
      )}
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('accounts.sessions.empty')}
        </Text>
      ) : (
        <Table fz="xs" verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('accounts.sessions.started')}</Table.Th>
              <Table.Th>{t('accounts.sessions.lastSeen')}</Table.Th>
              <Table.Th>{t('accounts.sessions.from')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.slice(0, 10).map((session) => (
              <Table.Tr key={session.id}>
                <Table.Td>
                  <RelativeTime value={session.createdAt} />
                </Table.Td>
                <Table.Td>
                  <RelativeTime value={session.lastSeenAt} />
                </Table.Td>
                <Table.Td title={session.userAgent ?? undefined}>{session.ip ?? t('common.none')}</Table.Td>
                <Table.Td c={session.active ? 'green.8' : 'dimmed'}>{session.active ? t('accounts.sessions.active') : t('accounts.sessions.ended')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
};

export interface UserFormModalProps {
  /** The user being edited; null to create one. */
  user: UserAccount | null;
  /** The signed-in superadmin, who may not disable or demote themself. */
  selfId: string;
  onClose: () => void;
  onSaved: (user: UserAccount) => void;
}

/** Creates or edits one user; a superadmin cannot switch off their own account or role. */
export const UserFormModal = ({ user, selfId, onClose, onSaved }: UserFormModalProps) => {
  const { t } = useTranslation();
  const opds = useOpds();
  const create = useCreateUser();
  const update = useUpdateUser();
  const [values, setValues] = useState<UserFormValues>(() => (user ? userFormOf(user) : emptyUserForm()));
  const [touched, setTouched] = useState(false);
  const creating = user === null;
  const isSelf = user?.id === selfId;
  const mutation = creating ? create : update;
  const local = touched ? localErrorsOf(values, creating) : {};
  const server = fieldErrorsOf(mutation.error, t);
  const set = <K extends keyof UserFormValues>(key: K, value: UserFormValues[K]) => setValues((current) => ({ ...current, [key]: value }));
  const errorOf = (field: keyof UserFormValues, localMessage: string) => server[field] ?? (local[field] ? localMessage : undefined);

  const submit = (): void => {
    setTouched(true);
    if (Object.keys(localErrorsOf(values, creating)).length > 0) return;
    if (creating) create.mutate(createRequestOf(values), { onSuccess: onSaved });
    else update.mutate({ id: user.id, changes: updateRequestOf(user, values) }, { onSuccess: onSaved });
  };

  // Inactive OPDs cannot be newly assigned; one the user already has stays listed so it can be kept.
  const opdOptions = (opds.data ?? [])
    .filter((opd) => opd.active !== false || (user?.opds ?? []).includes(opd.code))
    .map((opd) => ({ value: opd.code, label: `${opd.code} — ${opd.name}` }));

  return (
    <Modal opened onClose={onClose} title={creating ? t('accounts.form.createTitle') : t('accounts.form.editTitle', { name: user.name })} size="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
        data-testid="user-form"
      >
        <Stack gap="sm">
          {mutation.isError && Object.keys(server).length === 0 && (
            <Alert color="red" variant="light" role="alert">
              {t('accounts.form.saveFailed', { message: describeApiError(mutation.error, t) })}
            </Alert>
          )}
          <TextInput label={t('accounts.form.email')} type="email" required value={values.email} onChange={(e) => set('email', e.currentTarget.value)} error={errorOf('email', t('accounts.form.email'))} name="email" />
          <TextInput label={t('accounts.form.name')} required value={values.name} onChange={(e) => set('name', e.currentTarget.value)} error={errorOf('name', t('accounts.form.name'))} name="name" />
          <Select
            label={t('accounts.form.role')}
            data={ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }))}
            value={values.role}
            onChange={(value) => value && set('role', value as Role)}
            allowDeselect={false}
            disabled={isSelf}
            error={server['role']}
            name="role"
          />
          <MultiSelect
            label={t('accounts.form.opds')}
            description={t('accounts.form.opdsHint')}
            data={opdOptions}
            value={values.opds}
            onChange={(value) => set('opds', value)}
            searchable
            clearable
            error={server['opds']}
            data-testid="user-opds"
          />
          <PasswordInput
            label={creating ? t('accounts.form.password') : t('accounts.form.newPassword')}
            description={creating ? t('accounts.form.passwordHint') : t('accounts.form.newPasswordHint')}
            required={creating}
            value={values.password}
            onChange={(e) => set('password', e.currentTarget.value)}
            error={errorOf('password', t('accounts.form.passwordHint'))}
            autoComplete="new-password"
            name="password"
          />
          <Group grow align="flex-start">
            <NumberInput label={t('accounts.form.capacity')} min={0} max={1000} value={values.capacity} onChange={(value) => set('capacity', typeof value === 'number' ? value : 0)} error={server['capacity']} />
            <TextInput label={t('accounts.form.telegram')} value={values.telegramChatId} onChange={(e) => set('telegramChatId', e.currentTarget.value)} error={server['telegramChatId']} />
            <TextInput label={t('accounts.form.whatsapp')} placeholder="+62812…" value={values.whatsappNumber} onChange={(e) => set('whatsappNumber', e.currentTarget.value)} error={server['whatsappNumber']} />
          </Group>
          <Switch label={t('accounts.form.trainee')} checked={values.trainee} onChange={(e) => set('trainee', e.currentTarget.checked)} />
          {!creating && (
            <Switch label={t('accounts.form.disabled')} color="red" checked={values.disabled} disabled={isSelf} onChange={(e) => set('disabled', e.currentTarget.checked)} error={server['disabled']} data-testid="user-disabled" />
          )}
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={onClose}>
              {t('accounts.form.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending} data-testid="user-save">
              {t('accounts.form.save')}
            </Button>
          </Group>
          {!creating && (
            <>
              <Divider />
              <UserSessions userId={user.id} />
            </>
          )}
        </Stack>
      </form>
    </Modal>
  );
};
