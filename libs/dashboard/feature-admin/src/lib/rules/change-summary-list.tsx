import { Badge, Group, Stack, Text } from '@mantine/core';
import type { RuleSetChange, RuleSetChangeSummary } from '@sigap/contracts';
import { useTranslation } from 'react-i18next';

const KNOWN_SECTIONS = ['topics', 'keywords', 'routing', 'signals', 'modifiers', 'places', 'lexicon', 'negation', 'placeCues', 'scoring'] as const;
type KnownSection = (typeof KNOWN_SECTIONS)[number];
const isKnownSection = (section: string): section is KnownSection => (KNOWN_SECTIONS as readonly string[]).includes(section);

const KIND_COLOR: Record<RuleSetChange['kind'], string> = { added: 'teal', removed: 'red', changed: 'yellow' };
const KIND_SIGN: Record<RuleSetChange['kind'], string> = { added: '+', removed: '−', changed: '~' };

export interface ChangeSummaryListProps {
  summary: RuleSetChangeSummary;
  /** Show at most this many lines. */
  max?: number;
}

/** What a version or the draft changes, one line per change: "+ tambah · Kata kunci · kebakaran › zorblax". */
export const ChangeSummaryList = ({ summary, max = 60 }: ChangeSummaryListProps) => {
  const { t } = useTranslation();
  const total = summary.added + summary.removed + summary.changed;
  if (total === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('rules.noChanges')}
      </Text>
    );
  }
  const shown = summary.items.slice(0, max);
  return (
    <Stack gap={4} data-testid="change-summary">
      <Text size="xs" c="dimmed">
        {t('rules.changeCounts', { added: summary.added, removed: summary.removed, changed: summary.changed })}
      </Text>
      {shown.map((change, index) => (
        <Group key={`${index}:${change.section}:${change.item}`} gap={6} wrap="nowrap" align="baseline">
          <Badge size="xs" variant="light" color={KIND_COLOR[change.kind]} tt="none" w={62} style={{ flexShrink: 0 }}>
            {KIND_SIGN[change.kind]} {t(`rules.changeKind.${change.kind}`)}
          </Badge>
          <Text size="xs" c="dimmed" w={96} style={{ flexShrink: 0 }} truncate>
            {isKnownSection(change.section) ? t(`rules.sections.${change.section}`) : change.section}
          </Text>
          <Text size="xs" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
            <Text span fw={600} size="xs">
              {change.item}
            </Text>
            {change.before !== undefined && change.after !== undefined && (
              <Text span size="xs" c="dimmed">
                {' '}
                {change.before} → {change.after}
              </Text>
            )}
            {change.before === undefined && change.after !== undefined && (
              <Text span size="xs" c="dimmed">
                {' '}
                {change.after}
              </Text>
            )}
          </Text>
        </Group>
      ))}
      {(summary.truncated || summary.items.length > shown.length) && (
        <Text size="xs" c="dimmed">
          {t('rules.changesTruncated')}
        </Text>
      )}
    </Stack>
  );
};
