import { useState, type FormEvent } from 'react';
import { Alert, Badge, Button, Code, CopyButton, Group, Modal, ScrollArea, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import type { ChannelKeyView, ChannelView, CreatedChannelKey } from '@sigap/contracts';
import { useTranslation } from 'react-i18next';
import { useChannels, useCreateChannelKey, useRevokeChannelKey, useSession, useUpdateChannel } from '@sigap/dashboard/data-access';
import { describeApiError, fieldErrorsOf, PageHeader, QueryPanel, RelativeTime } from '@sigap/dashboard/ui';

type Dialog =
  | { kind: 'edit'; channel: ChannelView }
  | { kind: 'createKey'; channel: ChannelView }
  | { kind: 'revokeKey'; channel: ChannelView; key: ChannelKeyView };

/**
 * Channels for superadmins (edit, switch off, ingest keys) and supervisors (read only): each with
 * its account, the last 24 hours of mentions and its keys, never more of a key than its prefix.
 */
export const ChannelsPage = () => {
  const { t } = useTranslation();
  const canEdit = useSession()?.user.role === 'superadmin';
  const channels = useChannels();
  const update = useUpdateChannel();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const list = channels.data ?? [];

  const toggle = (channel: ChannelView, enabled: boolean) =>
    update.mutate({ code: channel.code, changes: { enabled } }, { onSuccess: () => setNotice(t('channels.saved', { label: channel.label })) });

  return (
    <ScrollArea h="100%">
      <Stack p="md" gap="md" maw={1400} data-testid="channels-page">
        <PageHeader title={t('channels.title')} subtitle={t('channels.subtitle')} />
        {!canEdit && (
          <Alert color="blue" variant="light" data-testid="channels-read-only">
            {t('channels.readOnly')}
          </Alert>
        )}
        {notice && (
          <Alert color="green" variant="light" withCloseButton onClose={() => setNotice(null)} role="status">
            {notice}
          </Alert>
        )}
        {update.isError && (
          <Alert color="red" variant="light" role="alert">
            {t('channels.saveError', { message: describeApiError(update.error, t) })}
          </Alert>
        )}
        <QueryPanel
          pending={channels.isPending}
          errorText={channels.isError ? t('channels.loadError', { message: describeApiError(channels.error, t) }) : null}
          empty={list.length === 0}
          emptyText={t('channels.empty')}
        >
          <Table.ScrollContainer minWidth={960}>
            <Table verticalSpacing={6} data-testid="channels-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('channels.columns.channel')}</Table.Th>
                  <Table.Th>{t('channels.columns.account')}</Table.Th>
                  <Table.Th>{t('channels.columns.enabled')}</Table.Th>
                  <Table.Th ta="right">{t('channels.columns.received24h')}</Table.Th>
                  <Table.Th>{t('channels.columns.lastReceived')}</Table.Th>
                  <Table.Th>{t('channels.columns.keys')}</Table.Th>
                  {canEdit && <Table.Th />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((channel) => (
                  <Table.Tr key={channel.code} data-testid="channel-row" data-channel={channel.code} c={channel.enabled ? undefined : 'dimmed'}>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {channel.label}
                      </Text>
                      <Group gap={6}>
                        <Text size="xs" ff="monospace" c="dimmed">
                          {channel.code}
                        </Text>
                        {!channel.enabled && (
                          <Badge size="xs" variant="outline" color="gray" data-testid="channel-disabled">
                            {t('channels.disabled')}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td fz="sm">{channel.account ?? <Text span size="sm" c="dimmed">{t('channels.noAccount')}</Text>}</Table.Td>
                    <Table.Td>
                      <Switch
                        checked={channel.enabled}
                        disabled={!canEdit}
                        onChange={(event) => toggle(channel, event.currentTarget.checked)}
                        aria-label={t('channels.enabledLabel', { label: channel.label })}
                        data-testid="channel-enabled"
                      />
                    </Table.Td>
                    <Table.Td ta="right" fz="sm" data-testid="channel-received">
                      {channel.stats.received24h.toLocaleString('id-ID')}
                    </Table.Td>
                    <Table.Td fz="sm">{channel.stats.lastReceivedAt ? <RelativeTime value={channel.stats.lastReceivedAt} /> : <Text span size="sm" c="dimmed">{t('channels.never')}</Text>}</Table.Td>
                    <Table.Td>
                      <KeyList channel={channel} canEdit={canEdit} onRevoke={(key) => setDialog({ kind: 'revokeKey', channel, key })} />
                    </Table.Td>
                    {canEdit && (
                      <Table.Td ta="right">
                        <Group gap={4} justify="flex-end" wrap="nowrap">
                          <Button size="compact-xs" variant="light" onClick={() => setDialog({ kind: 'createKey', channel })} data-testid="channel-create-key">
                            {t('channels.key.create')}
                          </Button>
                          <Button size="compact-xs" variant="subtle" onClick={() => setDialog({ kind: 'edit', channel })} data-testid="channel-edit">
                            {t('channels.edit')}
                          </Button>
                        </Group>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </QueryPanel>
      </Stack>
      {dialog?.kind === 'edit' && <EditChannelModal channel={dialog.channel} onClose={() => setDialog(null)} onSaved={(label) => setNotice(t('channels.saved', { label }))} />}
      {dialog?.kind === 'createKey' && <CreateKeyModal channel={dialog.channel} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'revokeKey' && (
        <RevokeKeyModal channel={dialog.channel} channelKey={dialog.key} onClose={() => setDialog(null)} onRevoked={(name) => setNotice(t('channels.key.revokedNotice', { name }))} />
      )}
    </ScrollArea>
  );
};

const KeyList = ({ channel, canEdit, onRevoke }: { channel: ChannelView; canEdit: boolean; onRevoke: (key: ChannelKeyView) => void }) => {
  const { t } = useTranslation();
  if (channel.keys.length === 0) {
    return (
      <Text size="xs" c="dimmed">
        {t('channels.noKeys')}
      </Text>
    );
  }
  return (
    <Stack gap={4}>
      {channel.keys.map((key) => (
        <div key={key.id} data-testid="channel-key" data-revoked={key.revokedAt ? 'true' : 'false'}>
          <Group gap={6} wrap="nowrap" c={key.revokedAt ? 'dimmed' : undefined}>
            <Badge size="xs" variant="light" color={key.revokedAt ? 'gray' : 'green'}>
              {key.revokedAt ? t('channels.key.revoked') : t('channels.key.active')}
            </Badge>
            <Text size="xs" fw={600}>
              {key.name}
            </Text>
            <Text size="xs" ff="monospace">
              {key.prefix}…
            </Text>
            {canEdit && !key.revokedAt && (
              <Button size="compact-xs" variant="subtle" color="red" onClick={() => onRevoke(key)} data-testid="channel-revoke-key">
                {t('channels.key.revoke')}
              </Button>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            {t('channels.key.created')} <RelativeTime value={key.createdAt} />
            {' · '}
            {key.revokedAt ? (
              <>
                {t('channels.key.revokedAt')} <RelativeTime value={key.revokedAt} />
              </>
            ) : key.lastUsedAt ? (
              <>
                {t('channels.key.lastUsed')} <RelativeTime value={key.lastUsedAt} />
              </>
            ) : (
              t('channels.key.neverUsed')
            )}
          </Text>
        </div>
      ))}
    </Stack>
  );
};

const EditChannelModal = ({ channel, onClose, onSaved }: { channel: ChannelView; onClose: () => void; onSaved: (label: string) => void }) => {
  const { t } = useTranslation();
  const update = useUpdateChannel();
  const [label, setLabel] = useState(channel.label);
  const [account, setAccount] = useState(channel.account ?? '');
  const errors = fieldErrorsOf(update.error, t);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(
      { code: channel.code, changes: { label: label.trim(), account: account.trim() } },
      {
        onSuccess: (saved) => {
          onSaved(saved.label);
          onClose();
        },
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={t('channels.editTitle', { label: channel.label })} centered>
      <Stack component="form" gap="sm" onSubmit={submit} data-testid="channel-edit-form">
        <TextInput label={t('channels.label')} value={label} onChange={(event) => setLabel(event.currentTarget.value)} required error={errors['label']} data-testid="channel-label" />
        <TextInput
          label={t('channels.account')}
          description={t('channels.accountHint')}
          value={account}
          onChange={(event) => setAccount(event.currentTarget.value)}
          error={errors['account']}
          data-testid="channel-account"
        />
        {update.isError && (
          <Alert color="red" variant="light" role="alert">
            {t('channels.saveError', { message: describeApiError(update.error, t) })}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="subtle" onClick={onClose}>
            {t('channels.cancel')}
          </Button>
          <Button type="submit" loading={update.isPending} data-testid="channel-edit-save">
            {t('channels.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
};

const CreateKeyModal = ({ channel, onClose }: { channel: ChannelView; onClose: () => void }) => {
  const { t } = useTranslation();
  const create = useCreateChannelKey();
  const [name, setName] = useState('');
  const [created, setCreated] = useState<CreatedChannelKey | null>(null);
  const errors = fieldErrorsOf(create.error, t);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ code: channel.code, body: { name: name.trim() } }, { onSuccess: setCreated });
  };

  // Closing by the backdrop or Escape is off once the key shows: it must not vanish by accident.
  return (
    <Modal
      opened
      onClose={onClose}
      title={created ? t('channels.key.createdTitle') : t('channels.key.createTitle', { label: channel.label })}
      centered
      size="lg"
      closeOnClickOutside={!created}
      closeOnEscape={!created}
    >
      {created ? (
        <Stack gap="sm" data-testid="channel-key-created">
          <Alert color="orange" variant="light" role="alert">
            {t('channels.key.once')}
          </Alert>
          <Group gap="xs" wrap="nowrap" align="center">
            <Code block style={{ flex: 1, wordBreak: 'break-all' }} data-testid="channel-key-value">
              {created.key}
            </Code>
            <CopyButton value={created.key}>
              {({ copied, copy }) => (
                <Button size="xs" variant={copied ? 'filled' : 'light'} color={copied ? 'green' : undefined} onClick={copy} data-testid="channel-key-copy">
                  {copied ? t('channels.key.copied') : t('channels.key.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Text size="xs" c="dimmed">
            {t('channels.key.usage', { label: channel.label })}
          </Text>
          <Group justify="flex-end">
            <Button onClick={onClose} data-testid="channel-key-done">
              {t('channels.key.done')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Stack component="form" gap="sm" onSubmit={submit} data-testid="channel-key-form">
          <TextInput
            label={t('channels.key.name')}
            description={t('channels.key.nameHint')}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            required
            error={errors['name']}
            data-testid="channel-key-name"
          />
          {create.isError && (
            <Alert color="red" variant="light" role="alert">
              {t('channels.saveError', { message: describeApiError(create.error, t) })}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="subtle" onClick={onClose}>
              {t('channels.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} data-testid="channel-key-submit">
              {t('channels.key.submit')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
};

const RevokeKeyModal = ({
  channel,
  channelKey,
  onClose,
  onRevoked,
}: {
  channel: ChannelView;
  channelKey: ChannelKeyView;
  onClose: () => void;
  onRevoked: (name: string) => void;
}) => {
  const { t } = useTranslation();
  const revoke = useRevokeChannelKey();
  const confirm = () =>
    revoke.mutate(
      { code: channel.code, id: channelKey.id },
      {
        onSuccess: () => {
          onRevoked(channelKey.name);
          onClose();
        },
      },
    );
  return (
    <Modal opened onClose={onClose} title={t('channels.key.revokeTitle', { name: channelKey.name })} centered>
      <Stack gap="sm" data-testid="channel-revoke-dialog">
        <Text size="sm">{t('channels.key.revokeBody', { prefix: channelKey.prefix })}</Text>
        {revoke.isError && (
          <Alert color="red" variant="light" role="alert">
            {t('channels.saveError', { message: describeApiError(revoke.error, t) })}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="subtle" onClick={onClose}>
            {t('channels.cancel')}
          </Button>
          <Button color="red" loading={revoke.isPending} onClick={confirm} data-testid="channel-revoke-confirm">
            {t('channels.key.revokeConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
};
