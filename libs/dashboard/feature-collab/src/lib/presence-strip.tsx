import { useEffect } from 'react';
import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { otherViewers, useLivePresence, useMentionViewers, useSession } from '@sigap/dashboard/data-access';
import { joinNames } from './note-autocomplete';

/**
 * "Sedang dilihat oleh Budi · Siti sedang mengetik…": colleagues with this mention open. Opening
 * the strip tells them we are looking too.
 */
export const PresenceStrip = ({ mentionId }: { mentionId: string }) => {
  const { t, i18n } = useTranslation();
  const presence = useLivePresence();
  const selfId = useSession()?.user.id ?? null;
  const others = otherViewers(useMentionViewers(mentionId), selfId);

  useEffect(() => {
    presence.setViewing(mentionId);
    return () => presence.setViewing(null);
  }, [presence, mentionId]);

  if (others.length === 0) return null;
  const typing = others.filter((viewer) => viewer.typing).map((viewer) => viewer.name);
  return (
    <Group gap={6} data-testid="presence-strip" role="status" aria-live="polite">
      <Text size="sm" c="indigo.8">
        {t('collab.viewedBy', { names: joinNames(others.map((viewer) => viewer.name), i18n.language) })}
      </Text>
      {typing.length > 0 && (
        <Text size="sm" c="orange.8" fw={600} data-testid="presence-typing">
          · {t('collab.typing', { names: joinNames(typing, i18n.language) })}
        </Text>
      )}
    </Group>
  );
};
