import { Group, Kbd, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SHORTCUT_ACTIONS, SHORTCUT_KEYS, type ShortcutAction } from './hotkeys';

export interface ShortcutHelpProps {
  opened: boolean;
  onClose: () => void;
  /** Actions the signed-in role cannot use (the board for admins). */
  hidden?: readonly ShortcutAction[];
}

const keyLabel = (keys: string): string[] => keys.split(' ').map((key) => (key === 'Escape' ? 'Esc' : key));

/** The list shown on `?`, built from the same table the key handlers read. */
export const ShortcutHelp = ({ opened, onClose, hidden = [] }: ShortcutHelpProps) => {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('shortcuts.title')} size="sm" centered>
      <Stack gap={6} data-testid="shortcut-help">
        {SHORTCUT_ACTIONS.filter((action) => !hidden.includes(action)).map((action) => (
          <Group key={action} gap="md" wrap="nowrap" data-shortcut={action}>
            <Group gap={4} miw={64} wrap="nowrap">
              {keyLabel(SHORTCUT_KEYS[action]).map((key, index) => (
                <Kbd key={index} miw={28} style={{ textAlign: 'center' }}>
                  {key}
                </Kbd>
              ))}
            </Group>
            <Text size="sm">{t(`shortcuts.${action}`)}</Text>
          </Group>
        ))}
        <Text size="xs" c="dimmed" mt="xs">
          {t('shortcuts.typingNote')}
        </Text>
      </Stack>
    </Modal>
  );
};
