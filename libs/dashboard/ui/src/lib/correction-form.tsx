import { Alert, Button, Group, MultiSelect, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { URGENCIES, type Urgency } from '@sigap/contracts';
import { useTranslation } from 'react-i18next';

export interface CorrectionOpdOption {
  value: string;
  label: string;
}

export interface CorrectionOpdGroup {
  group: string;
  items: CorrectionOpdOption[];
}

export type CorrectionFormStatus = { kind: 'saved' } | { kind: 'error'; message: string } | null;

export interface CorrectionFormProps {
  urgency: Urgency;
  /** OPD codes, most responsible first (the order they were picked in). */
  opd: string[];
  opdOptions: (CorrectionOpdOption | CorrectionOpdGroup)[];
  onUrgencyChange: (urgency: Urgency) => void;
  onOpdChange: (opd: string[]) => void;
  onSave: () => void;
  saving: boolean;
  /** False while nothing differs from the mention as stored. */
  canSave: boolean;
  status: CorrectionFormStatus;
}

const isUrgency = (value: string): value is Urgency => (URGENCIES as readonly string[]).includes(value);

/** A compact form to correct the urgency and OPDs the engine gave a mention. */
export const CorrectionForm = ({
  urgency,
  opd,
  opdOptions,
  onUrgencyChange,
  onOpdChange,
  onSave,
  saving,
  canSave,
  status,
}: CorrectionFormProps) => {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="xs" radius="sm" data-testid="correction-form">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (canSave && !saving) onSave();
        }}
      >
        <Stack gap="xs">
          <Title order={3} fz="sm">
            {t('correction.title')}
          </Title>
          <NativeSelect
            size="xs"
            label={t('correction.urgency')}
            value={urgency}
            onChange={(event) => {
              const value = event.currentTarget.value;
              if (isUrgency(value)) onUrgencyChange(value);
            }}
            data={URGENCIES.map((value) => ({ value, label: t(`urgency.${value}`) }))}
            disabled={saving}
            data-testid="correction-urgency"
          />
          <MultiSelect
            size="xs"
            label={t('correction.opd')}
            placeholder={opd.length ? undefined : t('correction.opdPlaceholder')}
            data={opdOptions}
            value={opd}
            onChange={onOpdChange}
            searchable
            clearable
            maxValues={5}
            nothingFoundMessage={t('filters.nothingFound')}
            maxDropdownHeight={280}
            comboboxProps={{ withinPortal: true }}
            disabled={saving}
            data-testid="correction-opd"
          />
          <Group justify="flex-end">
            <Button type="submit" size="xs" loading={saving} disabled={!canSave} data-testid="correction-save">
              {t('correction.save')}
            </Button>
          </Group>
          {status?.kind === 'saved' && (
            <Alert color="teal" variant="light" p="xs" role="status" data-testid="correction-saved">
              <Text size="sm">{t('correction.saved')}</Text>
            </Alert>
          )}
          {status?.kind === 'error' && (
            <Alert color="red" variant="light" p="xs" role="alert" data-testid="correction-error">
              <Text size="sm">{t('correction.failed', { message: status.message })}</Text>
            </Alert>
          )}
        </Stack>
      </form>
    </Paper>
  );
};
