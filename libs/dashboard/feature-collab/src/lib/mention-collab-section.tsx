import { useState } from 'react';
import { Stack, Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NotesPanel } from './notes-panel';
import { TimelinePanel } from './timeline-panel';

/** Under a mention's reply: internal notes and the history, one tab each. */
export const MentionCollabSection = ({ mentionId }: { mentionId: string }) => {
  const { t } = useTranslation();
  const [tab, setTab] = useState<string | null>('notes');
  return (
    <Stack gap="xs" data-testid="mention-collab">
      <Tabs value={tab} onChange={setTab} keepMounted={false} variant="outline">
        <Tabs.List>
          <Tabs.Tab value="notes">{t('collab.tabs.notes')}</Tabs.Tab>
          <Tabs.Tab value="timeline">{t('collab.tabs.timeline')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="notes" pt="xs">
          <NotesPanel mentionId={mentionId} />
        </Tabs.Panel>
        <Tabs.Panel value="timeline" pt="xs">
          <TimelinePanel mentionId={mentionId} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
};
