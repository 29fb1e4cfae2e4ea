import type { ReactNode } from 'react';
import { Alert, Badge, Box, Button, Divider, Group, List, Paper, Stack, Text, Title, Tooltip } from '@mantine/core';
import { correctedMarkerOf, type Mention } from '@sigap/contracts';
import { useTranslation } from 'react-i18next';
import { ChannelLabel } from './channel-label';
import { ExternalLink } from './external-link';
import { JsonBlock } from './json-block';
import { ExactTime } from './relative-time';
import { StatusBadge } from './status-badge';
import { toLanguage } from './time/format-time';
import { UrgencyBadge } from './urgency-badge';

export interface MentionDetailViewProps {
  mention: Mention;
  /** Whether `mention.raw` is still on its way, present, or failed to load. */
  rawState: 'loading' | 'ready' | 'error';
  /** The server's message when the full mention could not be loaded. */
  errorMessage?: string | null;
  opdName?: (code: string) => string | null;
  areaName?: (code: string) => string | null;
  /** Shows a "back to the list" button (single-column layout). */
  onClose?: () => void;
  /** Shown after the tags: the triage correction form, for the roles that may correct. */
  correction?: ReactNode;
}

const percent = (confidence: number): number => Math.round(confidence <= 1 ? confidence * 100 : confidence);

const formatScore = (score: number): string =>
  Number.isInteger(score) ? String(score) : score.toFixed(2).replace(/\.?0+$/, '');

const Field = ({ label, children }: { label: string; children: ReactNode }) => (
  <Group gap="xs" align="baseline" wrap="nowrap">
    <Text size="xs" c="dimmed" w={112} style={{ flexShrink: 0 }}>
      {label}
    </Text>
    <Box style={{ minWidth: 0, flex: 1 }}>{children}</Box>
  </Group>
);

/** Everything known about one mention, and why it was tagged the way it was. */
export const MentionDetailView = ({
  mention,
  rawState,
  errorMessage,
  opdName = () => null,
  areaName = () => null,
  onClose,
  correction,
}: MentionDetailViewProps) => {
  const { t, i18n } = useTranslation();
  const numbers = new Intl.NumberFormat(toLanguage(i18n.language) === 'id' ? 'id-ID' : 'en-GB');
  const { author, tags } = mention;
  const none = t('common.none');
  const kecamatanCode = tags.kecamatan ?? mention.kecamatanCode;

  return (
    <Stack gap="md" data-testid="mention-detail" data-mention-id={mention.id} aria-label={t('detail.label')}>
      {onClose && (
        <Button variant="subtle" size="xs" onClick={onClose} style={{ alignSelf: 'flex-start' }}>
          ← {t('detail.back')}
        </Button>
      )}

      <Group gap="sm" wrap="wrap">
        <UrgencyBadge urgency={mention.urgency} size="md" />
        <ChannelLabel channel={mention.channel} withName />
        <StatusBadge status={mention.status} />
        {correctedMarkerOf(tags) && (
          <Tooltip label={t('correction.markerHint')} withinPortal>
            <Badge size="sm" variant="light" color="grape" tt="none" radius="sm" data-testid="mention-corrected">
              {t('correction.marker')}
            </Badge>
          </Tooltip>
        )}
      </Group>

      <Box>
        <Group gap={6} wrap="wrap" align="baseline">
          <Text fw={650} data-testid="mention-detail-author-name">
            {author.name ?? `@${author.handle}`}
          </Text>
          {author.name !== null && (
            <Text size="sm" c="dimmed" data-testid="mention-detail-author-handle">
              @{author.handle}
            </Text>
          )}
          {author.verified && (
            <Badge size="xs" variant="light" color="blue" tt="none">
              ✓ {t('detail.verified')}
            </Badge>
          )}
        </Group>
        {author.followers !== null && (
          <Text size="xs" c="dimmed">
            {t('detail.followers', { formatted: numbers.format(author.followers) })}
          </Text>
        )}
      </Box>

      <Paper withBorder p="sm" radius="sm" bg="gray.0">
        <Text
          size="sm"
          data-testid="mention-detail-text"
          style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', lineHeight: 1.55 }}
        >
          {mention.text}
        </Text>
      </Paper>

      <Stack gap={6}>
        {mention.url && (
          <Field label={t('detail.link')}>
            <ExternalLink href={mention.url} title={t('detail.linkHint')} />
          </Field>
        )}
        <Field label={t('detail.posted')}>
          <ExactTime value={mention.postedAt} />
        </Field>
        <Field label={t('detail.received')}>
          <ExactTime value={mention.receivedAt} />
        </Field>
        {mention.inReplyTo && (
          <Field label={t('detail.inReplyTo')}>
            <Text size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>
              {mention.inReplyTo}
            </Text>
          </Field>
        )}
        {mention.media.length > 0 && (
          <Field label={t('detail.media')}>
            <Stack gap={2}>
              {mention.media.map((item, index) => (
                <Group key={`${index}:${item.url}`} gap={6} wrap="nowrap">
                  {item.type && (
                    <Text size="xs" c="dimmed">
                      {item.type}
                    </Text>
                  )}
                  <ExternalLink href={item.url} />
                </Group>
              ))}
            </Stack>
          </Field>
        )}
        {mention.location && (
          <Field label={t('detail.location')}>
            <Text size="sm" ff="monospace">
              {mention.location.lat.toFixed(5)}, {mention.location.lon.toFixed(5)}
            </Text>
          </Field>
        )}
      </Stack>

      <Divider />

      <Stack gap="xs" data-testid="mention-detail-why">
        <Title order={4} fz="md">
          {t('detail.why', { urgency: t(`urgency.${tags.urgency}`) })}
        </Title>
        <Group gap="xs">
          <UrgencyBadge urgency={tags.urgency} />
          <Text size="sm">{t('detail.score', { score: formatScore(tags.score) })}</Text>
        </Group>
        {tags.reasons.length > 0 ? (
          <List size="sm" spacing={2} data-testid="mention-detail-reasons">
            {tags.reasons.map((reason, index) => (
              <List.Item key={`${index}:${reason}`}>{reason}</List.Item>
            ))}
          </List>
        ) : (
          <Text size="sm" c="dimmed">
            {t('detail.noReasons')}
          </Text>
        )}
      </Stack>

      <Stack gap={6}>
        <Title order={4} fz="md">
          {t('detail.tags')}
        </Title>
        <Field label={t('detail.opd')}>
          {tags.opd.length > 0 ? (
            <Group gap={6}>
              {tags.opd.map((opd) => (
                <Tooltip key={opd.code} label={opdName(opd.code) ?? opd.code} withinPortal>
                  <Badge variant="light" color="indigo" tt="none" radius="sm">
                    {opd.code} · {percent(opd.confidence)}%
                  </Badge>
                </Tooltip>
              ))}
            </Group>
          ) : (
            <Text size="sm">{mention.opdCodes.length > 0 ? mention.opdCodes.join(', ') : none}</Text>
          )}
        </Field>
        <Field label={t('detail.kecamatan')}>
          <Text size="sm">{kecamatanCode ? (areaName(kecamatanCode) ?? kecamatanCode) : none}</Text>
        </Field>
        <Field label={t('detail.kelurahan')}>
          <Text size="sm">{tags.kelurahan ? (areaName(tags.kelurahan) ?? tags.kelurahan) : none}</Text>
        </Field>
        <Field label={t('detail.topic')}>
          <Text size="sm">{tags.topic ?? none}</Text>
        </Field>
        <Field label={t('detail.ruleSet')}>
          <Text size="sm" ff="monospace">
            {tags.ruleSetVersion || none}
          </Text>
        </Field>
        <Field label={t('detail.externalId')}>
          <Text size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>
            {mention.externalId}
          </Text>
        </Field>
      </Stack>

      {correction}

      {errorMessage && (
        <Alert color="red" variant="light" p="xs">
          <Text size="sm">{t('detail.loadError', { message: errorMessage })}</Text>
        </Alert>
      )}

      <JsonBlock
        summary={t('detail.raw')}
        value={rawState === 'ready' ? mention.raw : undefined}
        placeholder={rawState === 'loading' ? t('detail.rawLoading') : t('detail.rawMissing')}
        testId="mention-detail-raw"
      />
    </Stack>
  );
};
