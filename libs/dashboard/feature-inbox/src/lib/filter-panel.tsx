import type { ReactNode, Ref } from 'react';
import { Button, Checkbox, CloseButton, Group, MultiSelect, NativeSelect, Paper, Stack, Text, TextInput } from '@mantine/core';
import {
  BOARD_BOUNCE_WINDOW_HOURS,
  CHANNELS,
  MENTION_STATUSES,
  URGENCIES,
  type Channel,
  type MentionStatus,
  type OpdKind,
  type Urgency,
} from '@sigap/contracts';
import { useTranslation } from 'react-i18next';
import { hasActiveFilters, type MentionFilters } from '@sigap/dashboard/data-access';
import { StatusBadge, UrgencyBadge } from '@sigap/dashboard/ui';
import { displayName, type ReferenceLookup } from './reference-lookup';
import { SearchInput } from './search-input';

export interface FilterPanelProps {
  filters: MentionFilters;
  onChange: (patch: Partial<MentionFilters>) => void;
  onReset: () => void;
  reference: ReferenceLookup;
  /** Render the free-text search here (wide layout) rather than above the list. */
  withSearch: boolean;
  searchRef?: Ref<HTMLInputElement>;
  /** Inside a drawer that brings its own padding. */
  flush?: boolean;
}

const OPD_GROUP_ORDER: OpdKind[] = ['opd', 'external', 'kecamatan', 'kelurahan'];

const Section = ({ label, children }: { label: string; children: ReactNode }) => (
  <Stack gap={6}>
    <Text size="xs" fw={700} c="dimmed" tt="uppercase" style={{ letterSpacing: 0.4 }}>
      {label}
    </Text>
    {children}
  </Stack>
);

const PersonSelect = ({ label, value, nobody, onChange, testId }: { label: string; value: string; nobody: string; onChange: (value: string) => void; testId: string }) => {
  const { t } = useTranslation();
  const options = [
    { value: '', label: t('deskViews.filters.anyone') },
    { value: 'me', label: t('deskViews.filters.me') },
    { value: 'none', label: nobody },
  ];
  // A person picked on the board (by id) stays selectable.
  if (value && value !== 'me' && value !== 'none') options.push({ value, label: t('deskViews.filters.someone') });
  return <NativeSelect size="xs" label={label} value={value} onChange={(event) => onChange(event.currentTarget.value)} data={options} data-testid={testId} />;
};

/** Who holds it, whom it is assigned to, a label, escalated only. */
const DeskFilters = ({ filters, onChange }: Pick<FilterPanelProps, 'filters' | 'onChange'>) => {
  const { t } = useTranslation();
  return (
    <Stack gap={6}>
      <PersonSelect
        label={t('deskViews.filters.holder')}
        value={filters.holder}
        nobody={t('deskViews.filters.nobodyHolds')}
        onChange={(holder) => onChange({ holder })}
        testId="filter-holder"
      />
      <PersonSelect
        label={t('deskViews.filters.assignee')}
        value={filters.assignee}
        nobody={t('deskViews.filters.nobodyAssigned')}
        onChange={(assignee) => onChange({ assignee })}
        testId="filter-assignee"
      />
      <TextInput
        size="xs"
        label={t('deskViews.filters.label')}
        placeholder={t('deskViews.filters.labelPlaceholder')}
        defaultValue={filters.label}
        key={filters.label}
        onBlur={(event) => onChange({ label: event.currentTarget.value })}
        onKeyDown={(event) => {
          if (event.key === 'Enter') onChange({ label: event.currentTarget.value });
        }}
        data-testid="filter-label"
      />
      <Checkbox
        size="xs"
        label={t('deskViews.filters.escalated')}
        checked={filters.escalated}
        onChange={(event) => onChange({ escalated: event.currentTarget.checked })}
        data-testid="filter-escalated"
      />
    </Stack>
  );
};

/** The inbox filters: urgency, OPD, channel, kecamatan, status and free text. */
export const FilterPanel = ({ filters, onChange, onReset, reference, withSearch, searchRef, flush = false }: FilterPanelProps) => {
  const { t } = useTranslation();

  const opdData = OPD_GROUP_ORDER.map((kind) => ({
    group: t(`filters.opdGroups.${kind}`),
    items: reference.opds
      .filter((opd) => opd.kind === kind)
      .map((opd) => ({ value: opd.code, label: `${opd.code} — ${displayName(opd.name)}` })),
  })).filter((group) => group.items.length > 0);
  // Keep selected codes visible even before (or without) the reference list.
  const knownOpds = new Set(reference.opds.map((opd) => opd.code));
  const unknownOpds = filters.opd.filter((code) => !knownOpds.has(code)).map((code) => ({ value: code, label: code }));

  const kecamatanData = reference.kecamatans.map((area) => ({ value: area.code, label: displayName(area.name) }));
  const knownKecamatans = new Set(kecamatanData.map((item) => item.value));
  for (const code of filters.kecamatan) if (!knownKecamatans.has(code)) kecamatanData.push({ value: code, label: code });

  return (
    <Stack gap="lg" p={flush ? 0 : 'md'} data-testid="filter-panel">
      {/* Set from the board's bounce count; there is no control for it, only a way out. */}
      {filters.forwardedFrom && (
        <Paper withBorder radius="sm" px="xs" py={4} bg="orange.0" data-testid="filter-forwarded-from">
          <Group gap={4} wrap="nowrap" justify="space-between">
            <Text size="xs">{t('deskViews.filters.forwardedFrom', { opd: filters.forwardedFrom, hours: BOARD_BOUNCE_WINDOW_HOURS })}</Text>
            <CloseButton size="xs" aria-label={t('deskViews.filters.forwardedFromClear')} onClick={() => onChange({ forwardedFrom: '' })} />
          </Group>
        </Paper>
      )}
      {withSearch && (
        <Section label={t('filters.search')}>
          <SearchInput value={filters.q} onChange={(q) => onChange({ q })} inputRef={searchRef} />
        </Section>
      )}

      <Section label={t('filters.urgency')}>
        <Checkbox.Group value={filters.urgency} onChange={(value) => onChange({ urgency: value as Urgency[] })}>
          <Stack gap={6}>
            {URGENCIES.map((urgency) => (
              <Checkbox key={urgency} value={urgency} size="xs" label={<UrgencyBadge urgency={urgency} size="sm" />} />
            ))}
          </Stack>
        </Checkbox.Group>
      </Section>

      <Section label={t('filters.status')}>
        <Checkbox.Group value={filters.status} onChange={(value) => onChange({ status: value as MentionStatus[] })}>
          <Stack gap={6}>
            {MENTION_STATUSES.map((status) => (
              <Checkbox key={status} value={status} size="xs" label={<StatusBadge status={status} />} />
            ))}
          </Stack>
        </Checkbox.Group>
      </Section>

      <Section label={t('deskViews.filters.title')}>
        <DeskFilters filters={filters} onChange={onChange} />
      </Section>

      <Section label={t('filters.channel')}>
        <MultiSelect
          aria-label={t('filters.channel')}
          placeholder={filters.channel.length ? undefined : t('filters.any')}
          size="sm"
          data={CHANNELS.map((channel) => ({ value: channel, label: t(`channel.${channel}`) }))}
          value={filters.channel}
          onChange={(value) => onChange({ channel: value as Channel[] })}
          clearable
          data-testid="filter-channel"
        />
      </Section>

      <Section label={t('filters.opd')}>
        <MultiSelect
          aria-label={t('filters.opd')}
          placeholder={filters.opd.length ? undefined : t('filters.any')}
          size="sm"
          data={[...opdData, ...unknownOpds]}
          value={filters.opd}
          onChange={(opd) => onChange({ opd })}
          searchable
          clearable
          nothingFoundMessage={t('filters.nothingFound')}
          maxDropdownHeight={320}
          comboboxProps={{ width: 380, position: 'bottom-start' }}
          data-testid="filter-opd"
        />
      </Section>

      <Section label={t('filters.kecamatan')}>
        <MultiSelect
          aria-label={t('filters.kecamatan')}
          placeholder={filters.kecamatan.length ? undefined : t('filters.any')}
          size="sm"
          data={kecamatanData}
          value={filters.kecamatan}
          onChange={(kecamatan) => onChange({ kecamatan })}
          searchable
          clearable
          nothingFoundMessage={t('filters.nothingFound')}
          maxDropdownHeight={320}
          comboboxProps={{ width: 300, position: 'bottom-start' }}
          data-testid="filter-kecamatan"
        />
      </Section>

      {reference.error && (
        <Text size="xs" c="orange.8">
          {t('filters.referenceError')}
        </Text>
      )}

      <Group>
        <Button variant="subtle" size="xs" onClick={onReset} disabled={!hasActiveFilters(filters)}>
          {t('filters.reset')}
        </Button>
      </Group>
    </Stack>
  );
};
