import { useState } from 'react';
import { Alert, Button, Group, Modal, Select, Stack, Switch, TextInput, Textarea } from '@mantine/core';
import {
  TEMPLATE_SCOPES,
  isTemplateVariable,
  templateVariablesIn,
  type CreateReplyTemplateRequest,
  type ReplyTemplateView,
  type TemplateScope,
} from '@sigap/contracts';
import { useTranslation } from 'react-i18next';
import { useOpds, useSaveReplyTemplate } from '@sigap/dashboard/data-access';
import { asPlaceholders } from './reply-errors';
import { describeApiError } from '@sigap/dashboard/ui';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Create (no `template`) or edit a reply template, in a modal. */
export const TemplateForm = ({ template, opened, onClose }: { template: ReplyTemplateView | null; opened: boolean; onClose: () => void }) => {
  const { t } = useTranslation();
  const opds = useOpds();
  const save = useSaveReplyTemplate();
  const [title, setTitle] = useState(template?.title ?? '');
  const [body, setBody] = useState(template?.body ?? '');
  const [category, setCategory] = useState(template?.category ?? '');
  const [scope, setScope] = useState<TemplateScope>(template?.scope ?? 'all');
  const [opdCode, setOpdCode] = useState<string | null>(template?.opdCode ?? null);
  const [incidentId, setIncidentId] = useState(template?.incidentId ?? '');
  const [archived, setArchived] = useState(template?.archived ?? false);
  const [error, setError] = useState<string | null>(null);

  const unknown = templateVariablesIn(body).filter((name) => !isTemplateVariable(name));
  const valid =
    title.trim() !== '' &&
    body.trim() !== '' &&
    category.trim() !== '' &&
    unknown.length === 0 &&
    (scope !== 'opd' || opdCode !== null) &&
    (scope !== 'incident' || UUID.test(incidentId.trim()));

  const submit = (): void => {
    const fields: CreateReplyTemplateRequest = {
      title: title.trim(),
      body: body.trim(),
      category: category.trim(),
      scope,
      opdCode: scope === 'all' ? null : opdCode,
      incidentId: scope === 'incident' ? incidentId.trim() : null,
    };
    setError(null);
    save.mutate(
      { id: template?.id, body: template ? { ...fields, archived } : fields },
      { onSuccess: onClose, onError: (failure) => setError(t('replies.templates.form.failed', { message: describeApiError(failure, t) })) },
    );
  };

  return (
    <Modal opened={opened} onClose={onClose} title={template ? t('replies.templates.form.editTitle') : t('replies.templates.form.newTitle')} size="lg">
      <Stack gap="xs" data-testid="template-form">
        <TextInput label={t('replies.templates.form.title')} value={title} maxLength={200} onChange={(event) => setTitle(event.currentTarget.value)} required />
        <TextInput label={t('replies.templates.form.category')} value={category} maxLength={60} onChange={(event) => setCategory(event.currentTarget.value)} required />
        <Textarea
          label={t('replies.templates.form.body')}
          description={t('replies.templates.form.bodyHint')}
          autosize
          minRows={4}
          maxLength={2000}
          value={body}
          error={unknown.length ? t('replies.templates.form.unknownVariables', { names: asPlaceholders(unknown) }) : undefined}
          onChange={(event) => setBody(event.currentTarget.value)}
          required
        />
        <Select
          label={t('replies.templates.form.scope')}
          data={TEMPLATE_SCOPES.map((value) => ({ value, label: t(`replies.templates.scope.${value}`) }))}
          value={scope}
          allowDeselect={false}
          onChange={(value) => value && setScope(value as TemplateScope)}
        />
        {scope !== 'all' && (
          <Select
            label={t('replies.templates.form.opd')}
            searchable
            clearable={scope === 'incident'}
            data={(opds.data ?? [])
              // An inactive OPD is refused for new templates; the one this template already has stays choosable.
              .filter((opd) => (opd.kind === 'opd' || opd.kind === 'external') && (opd.active !== false || opd.code === template?.opdCode))
              .map((opd) => ({ value: opd.code, label: `${opd.code} — ${opd.name}` }))}
            value={opdCode}
            onChange={setOpdCode}
            required={scope === 'opd'}
          />
        )}
        {scope === 'incident' && (
          <TextInput label={t('replies.templates.form.incident')} value={incidentId} onChange={(event) => setIncidentId(event.currentTarget.value)} required ff="monospace" />
        )}
        {template && <Switch label={t('replies.templates.form.archived')} checked={archived} onChange={(event) => setArchived(event.currentTarget.checked)} />}
        {error && (
          <Alert color="red" variant="light" p="xs" role="alert">
            {error}
          </Alert>
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" size="xs" onClick={onClose}>
            {t('replies.templates.form.cancel')}
          </Button>
          <Button size="xs" disabled={!valid} loading={save.isPending} onClick={submit} data-testid="template-save">
            {t('replies.templates.form.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
};
