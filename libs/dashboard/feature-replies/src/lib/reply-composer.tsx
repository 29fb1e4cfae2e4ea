import { useEffect, useState } from 'react';
import { Alert, Button, Checkbox, Group, Paper, SegmentedControl, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { REPLY_MAX_LENGTH, templateVariablesIn, type CreateReplyRequest, type Mention } from '@sigap/contracts';
import { useTranslation } from 'react-i18next';
import {
  collidingTypists,
  useCreateReply,
  useMentionViewers,
  useRenderedTemplate,
  useReplyTemplates,
  useSession,
  useTypingReport,
} from '@sigap/dashboard/data-access';
import { ReplyList } from './reply-list';
import { REPLYING_ROLES, asPlaceholders, holderOf, isHttpLink, missingOf } from './reply-errors';
import { describeApiError } from '@sigap/dashboard/ui';

type Mode = 'template' | 'text' | 'direct';

const PREVIEW_DEBOUNCE_MS = 300;
const NOTICE_MS = 5_000;

/** Template picker, variables and live preview; Send stays disabled while a variable is missing. */
const TemplateFields = ({
  mention,
  templateId,
  onTemplate,
  variables,
  onVariables,
  missing,
}: {
  mention: Mention;
  templateId: string | null;
  onTemplate: (id: string | null) => void;
  variables: Record<string, string>;
  onVariables: (values: Record<string, string>) => void;
  missing: string[];
}) => {
  const { t } = useTranslation();
  const templates = useReplyTemplates({ mentionId: mention.id });
  const [debounced] = useDebouncedValue(variables, PREVIEW_DEBOUNCE_MS);
  const rendered = useRenderedTemplate(templateId, mention.id, debounced);
  const template = templates.data?.find((candidate) => candidate.id === templateId) ?? null;
  const names = template ? templateVariablesIn(template.body) : [];
  const stillMissing = rendered.data && !rendered.isPlaceholderData ? rendered.data.missing : missing;

  return (
    <Stack gap="xs">
      <Select
        size="xs"
        searchable
        clearable
        label={t('replies.composer.templatePlaceholder')}
        placeholder={t('replies.composer.templateSearch')}
        nothingFoundMessage={t('replies.composer.noTemplates')}
        data={(templates.data ?? []).map((candidate) => ({ value: candidate.id, label: `${candidate.title} · ${candidate.category}` }))}
        value={templateId}
        onChange={(value) => {
          onTemplate(value);
          onVariables({});
        }}
        data-testid="reply-template-picker"
        data-reply-input
      />
      {template && names.length > 0 && (
        <Stack gap={4}>
          <Text size="xs" fw={600}>
            {t('replies.composer.variables')}
          </Text>
          {names.map((name) => (
            <TextInput
              key={name}
              size="xs"
              label={`{${name}}`}
              placeholder={rendered.data?.variables[name] ?? ''}
              value={variables[name] ?? ''}
              maxLength={200}
              error={stillMissing.includes(name) ? true : undefined}
              onChange={(event) => onVariables({ ...variables, [name]: event.currentTarget.value })}
              data-testid={`reply-variable-${name}`}
            />
          ))}
        </Stack>
      )}
      {rendered.data && (
        <Paper withBorder radius="sm" p="xs" bg="gray.0">
          <Text size="xs" c="dimmed" mb={2}>
            {t('replies.composer.preview')}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="reply-preview">
            {rendered.data.text}
          </Text>
        </Paper>
      )}
      {stillMissing.length > 0 && (
        <Alert color="orange" variant="light" p="xs" data-testid="reply-missing">
          {t('replies.composer.missing', { names: asPlaceholders(stillMissing) })}
        </Alert>
      )}
    </Stack>
  );
};

/** Replying to one mention, and its replies with their live status. Mount it with `key={mention.id}`. */
export const ReplyComposer = ({ mention }: { mention: Mention }) => {
  const { t } = useTranslation();
  const session = useSession();
  const create = useCreateReply(mention.id);
  const typing = useTypingReport(mention.id);
  const viewers = useMentionViewers(mention.id);
  const [mode, setMode] = useState<Mode>('template');
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [variables, setVariables] = useState<Record<string, string>>({});
  const [text, setText] = useState('');
  const [link, setLink] = useState('');
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [refusedMissing, setRefusedMissing] = useState<string[]>([]);
  const [debounced] = useDebouncedValue(variables, PREVIEW_DEBOUNCE_MS);
  const rendered = useRenderedTemplate(mode === 'template' ? templateId : null, mention.id, debounced);
  // "Saved: awaiting approval" goes stale once the reply moves on; the list shows its live status.
  useEffect(() => {
    if (notice?.kind !== 'ok') return undefined;
    const timer = setTimeout(() => setNotice(null), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice]);

  const user = session?.user;
  if (!user || !REPLYING_ROLES.includes(user.role)) return null;
  // Two people answering the same citizen at once is what the desk exists to prevent.
  const collisions = collidingTypists(viewers, user.id, typing.typing);
  const heldByOther = mention.claimedBy !== null && mention.claimedBy.id !== user.id ? mention.claimedBy.name : null;
  const previewMissing = rendered.data && !rendered.isPlaceholderData && debounced === variables ? rendered.data.missing : null;

  const request: CreateReplyRequest | null =
    mode === 'template'
      ? templateId && previewMissing !== null && previewMissing.length === 0
        ? { templateId, variables: Object.fromEntries(Object.entries(variables).filter(([, value]) => value.trim())) }
        : null
      : mode === 'text'
        ? text.trim()
          ? { text: text.trim() }
          : null
        : isHttpLink(link)
          ? { direct: true, link: link.trim() }
          : null;

  const send = (): void => {
    if (!request) return;
    setNotice(null);
    setRefusedMissing([]);
    create.mutate(request, {
      onSuccess: (reply) => {
        typing.stop();
        setNotice({ kind: 'ok', text: t('replies.composer.created', { status: t(`replies.status.${reply.status}`) }) });
        setTemplateId(null);
        setVariables({});
        setText('');
        setLink('');
      },
      onError: (error) => {
        const holder = holderOf(error);
        setRefusedMissing(missingOf(error));
        setNotice({ kind: 'error', text: holder ? t('replies.composer.heldBy', { name: holder }) : t('replies.composer.failed', { message: describeApiError(error, t) }) });
      },
    });
  };

  return (
    <Paper withBorder p="xs" radius="sm" data-testid="reply-composer">
      <Stack gap="xs">
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Title order={3} fz="sm">
            {t('replies.composer.title')}
          </Title>
          <SegmentedControl
            size="xs"
            value={mode}
            onChange={(value) => {
              setMode(value as Mode);
              setNotice(null);
              typing.stop();
            }}
            data={[
              { value: 'template', label: t('replies.composer.mode.template') },
              { value: 'text', label: t('replies.composer.mode.text') },
              { value: 'direct', label: t('replies.composer.mode.direct') },
            ]}
            data-testid="reply-mode"
          />
        </Group>
        <ReplyList mentionId={mention.id} />
        {mode === 'template' && (
          <TemplateFields
            mention={mention}
            templateId={templateId}
            onTemplate={setTemplateId}
            variables={variables}
            onVariables={(values) => {
              setVariables(values);
              typing.changed(Object.values(values).some((value) => value.trim() !== ''));
            }}
            missing={refusedMissing}
          />
        )}
        {mode === 'text' && (
          <Textarea
            size="xs"
            autosize
            minRows={3}
            maxRows={10}
            label={t('replies.composer.text')}
            placeholder={t('replies.composer.textPlaceholder')}
            value={text}
            maxLength={REPLY_MAX_LENGTH}
            description={t('replies.composer.length', { count: text.length, max: REPLY_MAX_LENGTH })}
            onChange={(event) => {
              setText(event.currentTarget.value);
              typing.changed(event.currentTarget.value.trim() !== '');
            }}
            data-testid="reply-text"
            data-reply-input
          />
        )}
        {mode === 'direct' && (
          <Stack gap={4}>
            <Checkbox size="xs" checked readOnly label={t('replies.composer.directLabel')} />
            <TextInput
              size="xs"
              label={t('replies.composer.link')}
              placeholder="https://"
              value={link}
              maxLength={2048}
              error={link && !isHttpLink(link) ? t('replies.composer.linkInvalid') : undefined}
              onChange={(event) => setLink(event.currentTarget.value)}
              data-testid="reply-link"
              data-reply-input
            />
          </Stack>
        )}
        {collisions.length > 0 && (
          <Alert color="orange" variant="light" p="xs" data-testid="reply-collision">
            <Text size="sm">{t('collab.collision', { names: collisions.map((viewer) => viewer.name).join(', ') })}</Text>
          </Alert>
        )}
        {heldByOther && (
          <Text size="xs" c="orange.8">
            {t('replies.composer.heldBy', { name: heldByOther })}
          </Text>
        )}
        <Group justify="space-between" gap="xs" wrap="nowrap" align="center">
          <Text size="xs" c="dimmed" style={{ minWidth: 0 }}>
            {mode !== 'direct' && t('replies.composer.approvalHint')}
          </Text>
          <Button style={{ flexShrink: 0 }} size="xs" onClick={send} disabled={!request || heldByOther !== null} loading={create.isPending} data-testid="reply-send">
            {mode === 'direct' ? t('replies.composer.markDirect') : t('replies.composer.send')}
          </Button>
        </Group>
        {notice && (
          <Alert color={notice.kind === 'ok' ? 'teal' : 'red'} variant="light" p="xs" role={notice.kind === 'error' ? 'alert' : 'status'}>
            {notice.text}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
};

/** For the inbox's detail pane: a fresh composer per mention. */
export const renderReplyComposer = (mention: Mention) => <ReplyComposer key={mention.id} mention={mention} />;
