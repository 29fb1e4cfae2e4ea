import { useState } from 'react';
import { Alert, Button, Group, Modal, ScrollArea, Stack, Text, Textarea } from '@mantine/core';
import { RULE_SET_LIMITS, type RuleSetChangeSummary } from '@sigap/contracts';
import { useTranslation } from 'react-i18next';
import { ChangeSummaryList } from './change-summary-list';

export interface PublishModalProps {
  opened: boolean;
  /** "v4": the label the draft will get. */
  nextLabel: string;
  initialNotes: string;
  changes: RuleSetChangeSummary;
  pending: boolean;
  error: string | null;
  onClose: () => void;
  onPublish: (notes: string) => void;
}

/** Notes, a last look at what changes, and publish. */
export const PublishModal = ({ opened, nextLabel, initialNotes, changes, pending, error, onClose, onPublish }: PublishModalProps) => {
  const { t } = useTranslation();
  const [notes, setNotes] = useState(initialNotes);
  return (
    <Modal opened={opened} onClose={onClose} title={t('rules.publishTitle', { label: nextLabel })} size="lg" centered>
      <Stack gap="sm">
        <ScrollArea.Autosize mah={260} type="auto">
          <ChangeSummaryList summary={changes} />
        </ScrollArea.Autosize>
        <Textarea
          label={t('rules.publishNotes')}
          description={t('rules.publishNotesHint')}
          value={notes}
          onChange={(event) => setNotes(event.currentTarget.value)}
          maxLength={RULE_SET_LIMITS.maxNotesLength}
          autosize
          minRows={3}
          required
          data-autofocus
          data-testid="publish-notes"
        />
        {error && (
          <Alert color="red" variant="light" p="xs">
            <Text size="sm">{error}</Text>
          </Alert>
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('rules.cancel')}
          </Button>
          <Button onClick={() => onPublish(notes.trim())} disabled={!notes.trim()} loading={pending} data-testid="confirm-publish">
            {t('rules.publishConfirm', { label: nextLabel })}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
};
