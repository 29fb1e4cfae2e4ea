import { Group, Kbd, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface ShortcutHelpProps {
  opened: boolean;
  onClose: () => void;
}

/** The list shown on `?`. Keep it in step with the keys the inbox handles. */
export const ShortcutHelp = ({ opened, onClose }: ShortcutHelpProps) => {
  const { t } = useTranslation();
  const rows: [string, string][] = [
    ['j', t('shortcuts.next')],
    ['k', t('shortcuts.previous')],
    ['/', t('shortcuts.search')],
    ['?', t('shortcuts.help')],
    ['Esc', t('shortcuts.escape')],
  ];
  return (
    <Modal opened={opened} onClose={onClose} title={t('shortcuts.title')} size="sm" centered>
      <Stack gap="xs" data-testid="shortcut-help">
        {rows.map(([key, label]) => (
          <Group key={key} gap="md" wrap="nowrap">
            <Kbd miw={44} style={{ textAlign: 'center' }}>
              {key}
            </Kbd>
            <Text size="sm">{label}</Text>
          </Group>
        ))}
      </Stack>
    </Modal>
  );
};
