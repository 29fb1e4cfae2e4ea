import { DatesProvider, DateTimePicker } from '@mantine/dates';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import 'dayjs/locale/id';
import { toLanguage } from './time/format-time';
import { isoOfWibPickerValue, wibPickerValueOf } from './time/wib-input';

interface WibDateTimeInputProps {
  label: string;
  /** An ISO instant, or null for none. */
  value: string | null;
  onChange: (iso: string | null) => void;
  clearable?: boolean;
  error?: string | null;
  'data-testid'?: string;
}

/**
 * Date and time picked on the Bandung wall clock (WIB) in the dashboard's language, so a shift
 * typed as 08:00 starts at 08:00 WIB even on a laptop set to another zone or locale.
 */
export const WibDateTimeInput = ({ label, value, onChange, clearable, error, 'data-testid': testId }: WibDateTimeInputProps) => (
  <DateTimePicker
    size="xs"
    label={`${label} (WIB)`}
    value={wibPickerValueOf(value)}
    onChange={(picked) => onChange(isoOfWibPickerValue(picked))}
    valueFormat="DD MMM YYYY HH:mm"
    clearable={clearable}
    error={error}
    data-testid={testId}
  />
);

/** Month and day names of every date picker follow the dashboard's language. */
export const DatesLocaleProvider = ({ children }: { children: ReactNode }) => {
  const { i18n } = useTranslation();
  return <DatesProvider settings={{ locale: toLanguage(i18n.language), firstDayOfWeek: 1 }}>{children}</DatesProvider>;
};
