import { useMemo, useState } from 'react';
import { Alert, Badge, Button, Center, Checkbox, Group, Loader, Paper, ScrollArea, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { ReplyTemplateView } from '@sigap/contracts';
import { useTranslation } from 'react-i18next';
import { useReplyTemplates } from '@sigap/dashboard/data-access';
import { TemplateForm } from './template-form';
import { describeApiError, PageHeader } from '@sigap/dashboard/ui';

const SEARCH_DEBOUNCE_MS = 250;

/** "Templat": the template manager, with search, category filter, usage counts and the edit form. */
export const TemplatesPage = () => {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search, SEARCH_DEBOUNCE_MS);
  const [category, setCategory] = useState<string | null>(null);
  const [includeArchived, setIncludeArchived] = useState(false);
  const [editing, setEditing] = useState<{ template: ReplyTemplateView | null } | null>(null);
  const templates = useReplyTemplates({ q: query, category: category ?? undefined, includeArchived });
  // The categories on offer come from every template, not only the ones the filter leaves.
  const everything = useReplyTemplates({ includeArchived: true });
  const categories = useMemo(() => [...new Set((everything.data ?? []).map((template) => template.category))].sort(), [everything.data]);
  const list = templates.data ?? [];

  return (
    <ScrollArea h="100%">
      <Stack p="md" gap="md" maw={1000} data-testid="templates-page">
        <PageHeader title={t('replies.templates.title')} subtitle={t('replies.templates.subtitle')} wrap="nowrap">
          <Button size="xs" onClick={() => setEditing({ template: null })} data-testid="template-create">
            {t('replies.templates.create')}
          </Button>
        </PageHeader>
        <Group gap="xs" align="flex-end">
          <TextInput
            size="xs"
            style={{ flex: 1, minWidth: 200 }}
            placeholder={t('replies.templates.search')}
            aria-label={t('replies.templates.search')}
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
            data-testid="template-search"
          />
          <Select
            size="xs"
            placeholder={t('replies.templates.allCategories')}
            aria-label={t('replies.templates.category')}
            clearable
            data={categories}
            value={category}
            onChange={setCategory}
          />
          <Checkbox size="xs" label={t('replies.templates.showArchived')} checked={includeArchived} onChange={(event) => setIncludeArchived(event.currentTarget.checked)} />
        </Group>
        {templates.isError && (
          <Alert color="red" variant="light" role="alert">
            {t('replies.templates.loadError', { message: describeApiError(templates.error, t) })}
          </Alert>
        )}
        {templates.isPending ? (
          <Center p="lg">
            <Loader size="sm" />
          </Center>
        ) : list.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('replies.templates.empty')}
          </Text>
        ) : (
          list.map((template) => (
            <Paper key={template.id} withBorder radius="sm" p="sm" data-testid="template-item">
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <Group gap={6} style={{ minWidth: 0 }}>
                  <Text fw={600} size="sm" truncate>
                    {template.title}
                  </Text>
                  <Badge size="xs" variant="light" tt="none">
                    {template.category}
                  </Badge>
                  <Badge size="xs" variant="outline" tt="none">
                    {t(`replies.templates.scope.${template.scope}`)}
                    {template.opdCode ? ` · ${template.opdCode}` : ''}
                  </Badge>
                  {template.archived && (
                    <Badge size="xs" color="gray" tt="none">
                      {t('replies.templates.archived')}
                    </Badge>
                  )}
                </Group>
                <Group gap="xs" wrap="nowrap">
                  <Text size="xs" c="dimmed">
                    {t('replies.templates.usage', { count: template.usageCount })}
                  </Text>
                  <Button size="compact-xs" variant="default" onClick={() => setEditing({ template })}>
                    {t('replies.templates.edit')}
                  </Button>
                </Group>
              </Group>
              <Text size="sm" c="dark.6" mt={4} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {template.body}
              </Text>
            </Paper>
          ))
        )}
      </Stack>
      {editing && <TemplateForm key={editing.template?.id ?? 'new'} template={editing.template} opened onClose={() => setEditing(null)} />}
    </ScrollArea>
  );
};
