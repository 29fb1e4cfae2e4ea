import { Alert, Group, Stack, Table, Text } from '@mantine/core';
import { ruleSetLabel, type RuleSetTrialOutcome, type RuleSetTrialResult } from '@sigap/contracts';
import { useTranslation } from 'react-i18next';
import { ChannelLabel, RelativeTime, UrgencyBadge } from '@sigap/dashboard/ui';

export interface TrialResultViewProps {
  result: RuleSetTrialResult;
  /** The draft was edited after this trial ran. */
  outdated: boolean;
}

const Outcome = ({ outcome, urgencyChanged, opdChanged }: { outcome: RuleSetTrialOutcome; urgencyChanged: boolean; opdChanged: boolean }) => {
  const { t } = useTranslation();
  return (
    <Stack gap={2} align="flex-start">
      <Group gap={4} wrap="nowrap" opacity={urgencyChanged ? 1 : 0.55}>
        <UrgencyBadge urgency={outcome.urgency} />
        <Text size="xs" c="dimmed">
          {outcome.score}
        </Text>
      </Group>
      <Text size="xs" ff="monospace" fw={opdChanged ? 700 : 400} c={opdChanged ? undefined : 'dimmed'}>
        {outcome.opd ?? t('rules.unrouted')}
      </Text>
      {outcome.topic && (
        <Text size="xs" c="dimmed">
          {outcome.topic}
        </Text>
      )}
    </Stack>
  );
};

/** How many recent mentions a draft would change, and which, before → after. */
export const TrialResultView = ({ result, outdated }: TrialResultViewProps) => {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" data-testid="trial-result">
      {outdated && (
        <Alert color="yellow" variant="light" p="xs">
          <Text size="sm">{t('rules.tryOutdated')}</Text>
        </Alert>
      )}
      <Text fw={650} data-testid="trial-summary">
        {t('rules.trySummary', { sampled: result.sampled, changed: result.changed })}
      </Text>
      {result.changed === 0 ? (
        <Text size="sm" c="dimmed">
          {t('rules.tryNone')}
        </Text>
      ) : (
        <>
          <Text size="sm">{t('rules.tryBreakdown', { urgency: result.urgencyChanged, opd: result.opdChanged })}</Text>
          {result.urgencyMoves.length > 0 && (
            <Group gap="xs">
              {result.urgencyMoves.map((move) => (
                <Group key={`${move.from}>${move.to}`} gap={4} wrap="nowrap" data-testid="urgency-move">
                  <UrgencyBadge urgency={move.from} />
                  <Text size="xs">→</Text>
                  <UrgencyBadge urgency={move.to} />
                  <Text size="xs" fw={700}>
                    ×{move.count}
                  </Text>
                </Group>
              ))}
            </Group>
          )}
          <Table.ScrollContainer minWidth={480}>
            <Table verticalSpacing={6} horizontalSpacing="xs" data-testid="trial-items">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('rules.message')}</Table.Th>
                  <Table.Th w={120}>{t('rules.before', { label: ruleSetLabel(result.publishedVersion) })}</Table.Th>
                  <Table.Th w={120}>{t('rules.after')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {result.items.map((item) => (
                  <Table.Tr key={item.id} data-testid="trial-item" data-mention-id={item.id} style={{ verticalAlign: 'top' }}>
                    <Table.Td>
                      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                        {item.excerpt}
                      </Text>
                      <Group gap={6} mt={2}>
                        <ChannelLabel channel={item.channel} />
                        <RelativeTime value={item.postedAt} />
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Outcome outcome={item.before} urgencyChanged={item.urgencyChanged} opdChanged={item.opdChanged} />
                    </Table.Td>
                    <Table.Td>
                      <Outcome outcome={item.after} urgencyChanged={item.urgencyChanged} opdChanged={item.opdChanged} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {result.truncated && (
            <Text size="xs" c="dimmed">
              {t('rules.tryTruncated', { shown: result.items.length, total: result.changed })}
            </Text>
          )}
        </>
      )}
    </Stack>
  );
};
