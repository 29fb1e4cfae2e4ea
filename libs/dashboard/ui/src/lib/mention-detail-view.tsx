import type { ReactNode } from 'react';
import { Alert, Badge, Box, Button, Group, List, Paper, Stack, Text, Title, Tooltip } from '@mantine/core';
import { correctedMarkerOf, type Mention } from '@sigap/contracts';
import { useTranslation } from 'react-i18next';
import { ChannelLabel } from './channel-label';
import { ExternalLink } from './external-link';
import { JsonBlock } from './json-block';
import { ExactTime, RelativeTime } from './relative-time';
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
  /** Right after the text and why it was tagged: handling, the reply, notes and history. */
  work?: ReactNode;
  /** After the work: the triage correction form, for the roles that may correct. */
  correction?: ReactNode;
}

const percent = (confidence: number): number => Math.round(confidence <= 1 ? confidence * 100 : confidence);

const formatScore = (score: number): string =>
  Number.isInteger(score) ? String(score) : score.toFixed(2).replace(/\.?0+$/, '');

const Field = ({ label, children }: { label: string; children: ReactNode }) => (
  <Group gap="xs" align="baseline" wrap="nowrap">
    <Text size="xs" c="dimmed" w={104} style={{ flexShrink: 0 }}>
      {label}
    </Text>
    <Box style={{ minWidth: 0, flex: 1 }}>{children}</Box>
  </Group>
);

/**
 * One mention as a working screen, top to bottom: what was said and by whom, why it was tagged,
 * then the work on it (`work`), the correction, and the rest of the details folded away.
 */
export const MentionDetailView = ({
  mention,
  rawState,
  errorMessage,
  opdName = () => null,
  areaName = () => null,
  onClose,
  work,
  correction,
}: MentionDetailViewProps) => {
  const { t, i18n } = useTranslation();
  const numbers = new Intl.NumberFormat(toLanguage(i18n.language) === 'id' ? 'id-ID' : 'en-GB');
  const { author, tags } = mention;
  const none = t('common.none');
  const kecamatanCode = tags.kecamatan ?? mention.kecamatanCode;
  // Place codes are shown by name on their own line; here only the agencies.
  const agencies = tags.opd.filter((opd) => !/^KE[CL]-/.test(opd.code));

  return (
    <Stack gap="sm" data-testid="mention-detail" data-mention-id={mention.id} aria-label={t('detail.label')}>
      {onClose && (
        <Button variant="subtle" size="xs" onClick={onClose} style={{ alignSelf: 'flex-start' }}>
          ← {t('detail.back')}
        </Button>
      )}

      <Group gap={6} wrap="wrap">
        <UrgencyBadge urgency={mention.urgency} size="md" />
        <ChannelLabel channel={mention.channel} withName />
        <StatusBadge status={mention.status} />
        {mention.escalationLevel > 0 && (
          <Badge size="sm" variant="light" color="red" tt="none" radius="sm" data-testid="mention-escalated">
            {t('pane.escalated', { level: mention.escalationLevel })}
          </Badge>
        )}
        {correctedMarkerOf(tags) && (
          <Tooltip label={t('correction.markerHint')} withinPortal>
            <Badge size="sm" variant="light" color="grape" tt="none" radius="sm" data-testid="mention-corrected">
              {t('correction.marker')}
            </Badge>
          </Tooltip>
        )}
      </Group>

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
        {author.followers !== null && (
          <Text size="xs" c="dimmed">
            · {t('detail.followers', { formatted: numbers.format(author.followers) })}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          · <RelativeTime value={mention.postedAt} />
        </Text>
        <Text size="xs" c="dimmed" ff="monospace" ml="auto" data-testid="mention-ticket" title={t('pane.ticket')}>
          {mention.ticketNumber}
        </Text>
      </Group>

      <Paper withBorder p="sm" radius="sm" bg="gray.0">
        <Text
          size="sm"
          data-testid="mention-detail-text"
          style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', lineHeight: 1.55 }}
        >
          {mention.text}
        </Text>
        {mention.url && (
          <Box mt={6} fz="xs">
            <ExternalLink href={mention.url} title={t('detail.linkHint')} />
          </Box>
        )}
      </Paper>

      <Stack gap={4} data-testid="mention-detail-why">
        <Group gap="xs" align="baseline">
          <Title order={3} fz="sm">
            {t('detail.why', { urgency: t(`urgency.${tags.urgency}`) })}
          </Title>
          <Text size="xs" c="dimmed">
            {t('detail.score', { score: formatScore(tags.score) })}
          </Text>
        </Group>
        {tags.reasons.length > 0 ? (
          <List size="sm" spacing={0} data-testid="mention-detail-reasons">
            {tags.reasons.map((reason, index) => (
              <List.Item key={`${index}:${reason}`}>{reason}</List.Item>
            ))}
          </List>
        ) : (
          <Text size="sm" c="dimmed">
            {t('detail.noReasons')}
          </Text>
        )}
        <Group gap={6} wrap="wrap" data-testid="mention-detail-tags">
          {agencies.length > 0
            ? agencies.map((opd) => (
                <Tooltip key={opd.code} label={opdName(opd.code) ?? opd.code} withinPortal>
                  <Badge variant="light" color="indigo" tt="none" radius="sm">
                    {opd.code} · {percent(opd.confidence)}%
                  </Badge>
                </Tooltip>
              ))
            : tags.opd.length === 0 && (
                <Text size="xs" c="dimmed">
                  {t('detail.opd')}: {mention.opdCodes.length > 0 ? mention.opdCodes.join(', ') : none}
                </Text>
              )}
          {kecamatanCode && (
            <Text size="xs" c="dimmed">
              {[tags.kelurahan ? (areaName(tags.kelurahan) ?? tags.kelurahan) : null, areaName(kecamatanCode) ?? kecamatanCode].filter(Boolean).join(', ')}
            </Text>
          )}
          {tags.topic && (
            <Badge variant="outline" color="gray" tt="none" radius="sm" size="sm">
              {tags.topic}
            </Badge>
          )}
        </Group>
      </Stack>

      {work}

      {correction}

      {errorMessage && (
        <Alert color="red" variant="light" p="xs">
          <Text size="sm">{t('detail.loadError', { message: errorMessage })}</Text>
        </Alert>
      )}

      <Box component="details" data-testid="mention-detail-more">
        <Text component="summary" size="sm" fw={600} style={{ cursor: 'pointer', userSelect: 'none' }}>
          {t('pane.details')}
        </Text>
        <Stack gap={4} mt={6}>
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
          <Field label={t('detail.opd')}>
            <Text size="sm">
              {tags.opd.length > 0
                ? tags.opd.map((opd) => `${opd.code} · ${percent(opd.confidence)}%`).join(', ')
                : mention.opdCodes.length > 0
                  ? mention.opdCodes.join(', ')
                  : none}
            </Text>
          </Field>
          {mention.labels.length > 0 && (
            <Field label={t('pane.labels')}>
              <Text size="sm">{mention.labels.join(', ')}</Text>
            </Field>
          )}
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
          <JsonBlock
            summary={t('detail.raw')}
            value={rawState === 'ready' ? mention.raw : undefined}
            placeholder={rawState === 'loading' ? t('detail.rawLoading') : t('detail.rawMissing')}
            testId="mention-detail-raw"
          />
        </Stack>
      </Box>
    </Stack>
  );
};
