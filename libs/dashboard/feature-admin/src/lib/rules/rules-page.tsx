import { useState } from 'react';
import { Badge, Group, ScrollArea, Stack, Tabs, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useRuleSetVersions } from '@sigap/dashboard/data-access';
import { PageHeader, RelativeTime } from '@sigap/dashboard/ui';
import { RuleSetDraftEditor } from './rule-set-draft-editor';
import { RuleSetHistory } from './rule-set-history';

type Tab = 'draft' | 'history';

const PublishedVersion = () => {
  const { t } = useTranslation();
  const versions = useRuleSetVersions();
  const published = versions.data?.find((version) => version.status === 'published');
  if (!published) return null;
  return (
    <Group gap={6} wrap="nowrap" data-testid="published-version">
      <Badge size="lg" variant="filled" color="indigo" tt="none" ff="monospace">
        {t('rules.publishedVersion', { label: published.label })}
      </Badge>
      <Text size="xs" c="dimmed" truncate maw={220}>
        {published.publishedBy?.name ?? t('rules.system')}
      </Text>
      <RelativeTime value={published.publishedAt} />
    </Group>
  );
};

/** For supervisors: the triage rules as data. Edit a draft, try it on recent mentions, publish, roll back. */
export const RulesPage = () => {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('draft');
  return (
    <ScrollArea h="100%">
      <Stack p="md" gap="sm" maw={1480} data-testid="rules-page">
        <PageHeader title={t('rules.title')} subtitle={t('rules.subtitle')}>
          <PublishedVersion />
        </PageHeader>
        <Tabs value={tab} onChange={(value) => setTab(value === 'history' ? 'history' : 'draft')} keepMounted>
          <Tabs.List mb="sm">
            <Tabs.Tab value="draft" data-testid="tab-draft">
              {t('rules.tabs.draft')}
            </Tabs.Tab>
            <Tabs.Tab value="history" data-testid="tab-history">
              {t('rules.tabs.history')}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="draft">
            <RuleSetDraftEditor />
          </Tabs.Panel>
          <Tabs.Panel value="history">
            <RuleSetHistory />
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </ScrollArea>
  );
};
