import { Box, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Mirrors the data-access connection states; `connecting` is before the first connection. */
export type ConnectionIndicatorState = 'connecting' | 'live' | 'disconnected' | 'reconnected';

export interface ConnectionIndicatorProps {
  state: ConnectionIndicatorState;
  replayed?: number;
  resync?: boolean;
  /** Only the dot, the words in its tooltip: for a phone's header. */
  compact?: boolean;
}

const DOT_COLORS: Record<ConnectionIndicatorState, string> = {
  connecting: 'var(--mantine-color-yellow-6)',
  live: 'var(--mantine-color-green-7)',
  disconnected: 'var(--mantine-color-red-7)',
  reconnected: 'var(--mantine-color-teal-6)',
};

/** Tests and styles see three states: before the first connection the desk is not yet live. */
const PUBLIC_STATES: Record<ConnectionIndicatorState, 'live' | 'disconnected' | 'reconnected'> = {
  connecting: 'disconnected',
  live: 'live',
  disconnected: 'disconnected',
  reconnected: 'reconnected',
};

export const ConnectionIndicator = ({ state, replayed = 0, resync = false, compact = false }: ConnectionIndicatorProps) => {
  const { t } = useTranslation();
  const label =
    state === 'reconnected'
      ? resync
        ? t('live.reconnectedResync')
        : t('live.reconnected', { count: replayed })
      : t(`live.${state}`);
  return (
    <Group
      gap={6}
      wrap="nowrap"
      role="status"
      aria-live="polite"
      data-testid="live-status"
      data-state={PUBLIC_STATES[state]}
      style={{ minWidth: 0 }}
      title={compact ? label : undefined}
      aria-label={compact ? label : undefined}
    >
      <Box
        aria-hidden
        w={10}
        h={10}
        style={{
          borderRadius: '50%',
          flexShrink: 0,
          background: DOT_COLORS[state],
          boxShadow: state === 'live' ? '0 0 0 3px var(--mantine-color-green-1)' : undefined,
        }}
      />
      {!compact && (
        <Text size="sm" fw={state === 'disconnected' ? 600 : 400} c={state === 'disconnected' ? 'red.8' : undefined} truncate>
          {label}
        </Text>
      )}
    </Group>
  );
};
