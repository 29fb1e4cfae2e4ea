import { useState } from 'react';
import { Alert, Badge, Button, ScrollArea, Stack, Table } from '@mantine/core';
import type { UserAccount } from '@sigap/contracts';
import { useTranslation } from 'react-i18next';
import { useSession, useUsers } from '@sigap/dashboard/data-access';
import { describeApiError, PageHeader, QueryPanel, RelativeTime } from '@sigap/dashboard/ui';
import { UserFormModal } from './user-form-modal';

type Editing = { kind: 'create' } | { kind: 'edit'; user: UserAccount } | null;

/** For superadmins: every account, its role, OPDs, state and last sign-in; create and edit in a modal. */
export const UsersPage = () => {
  const { t } = useTranslation();
  const session = useSession();
  const users = useUsers();
  const [editing, setEditing] = useState<Editing>(null);
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <ScrollArea h="100%">
      <Stack p="md" gap="md" maw={1200} data-testid="users-page">
        <PageHeader title={t('accounts.users.title')} subtitle={t('accounts.users.subtitle')}>
          <Button onClick={() => setEditing({ kind: 'create' })} data-testid="add-user">
            {t('accounts.users.add')}
          </Button>
        </PageHeader>
        {notice && (
          <Alert color="green" variant="light" withCloseButton onClose={() => setNotice(null)} role="status">
            {notice}
          </Alert>
        )}
        <QueryPanel
          pending={users.isPending}
          errorText={users.isError ? t('accounts.users.loadError', { message: describeApiError(users.error, t) }) : null}
          empty={(users.data ?? []).length === 0}
          emptyText={t('accounts.users.empty')}
        >
          <Table.ScrollContainer minWidth={760}>
            <Table highlightOnHover verticalSpacing={6} data-testid="users-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('accounts.users.columns.name')}</Table.Th>
                  <Table.Th>{t('accounts.users.columns.email')}</Table.Th>
                  <Table.Th>{t('accounts.users.columns.role')}</Table.Th>
                  <Table.Th>{t('accounts.users.columns.opds')}</Table.Th>
                  <Table.Th>{t('accounts.users.columns.lastLogin')}</Table.Th>
                  <Table.Th>{t('accounts.users.columns.state')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(users.data ?? []).map((user) => (
                  <Table.Tr key={user.id} data-testid="user-row" c={user.disabled ? 'dimmed' : undefined}>
                    <Table.Td fz="sm" fw={600}>
                      {user.name}
                      {user.trainee && (
                        <Badge ml={6} size="xs" variant="light" color="grape">
                          {t('accounts.users.trainee')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td fz="sm">{user.email}</Table.Td>
                    <Table.Td fz="sm">{t(`role.${user.role}`)}</Table.Td>
                    <Table.Td fz="xs" ff="monospace">
                      {user.opds.join(', ') || t('common.none')}
                    </Table.Td>
                    <Table.Td fz="sm">{user.lastLoginAt ? <RelativeTime value={user.lastLoginAt} /> : t('accounts.users.never')}</Table.Td>
                    <Table.Td>
                      <Badge size="sm" variant="light" color={user.disabled ? 'gray' : 'green'}>
                        {user.disabled ? t('accounts.users.disabled') : t('accounts.users.active')}
                      </Badge>
                    </Table.Td>
                    <Table.Td ta="right">
                      <Button size="compact-xs" variant="subtle" onClick={() => setEditing({ kind: 'edit', user })}>
                        {t('accounts.users.edit')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </QueryPanel>
      </Stack>
      {editing && (
        <UserFormModal
          // A fresh form for every user opened.
          key={editing.kind === 'edit' ? editing.user.id : 'new'}
          user={editing.kind === 'edit' ? editing.user : null}
          selfId={session?.user.id ?? ''}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            setNotice(t('accounts.form.saved', { name: saved.name }));
          }}
        />
      )}
    </ScrollArea>
  );
};
