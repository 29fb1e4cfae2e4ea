import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLanguage } from './i18n/i18n';
import type { Language } from './time/format-time';

const OPTIONS: { value: Language; label: string }[] = [
  { value: 'id', label: 'ID' },
  { value: 'en', label: 'EN' },
];

/** ID / EN; the choice is remembered on this browser. */
export const LanguageSwitch = () => {
  const { t } = useTranslation();
  const [language, setLanguage] = useLanguage();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('header.language')}
      data-testid="language-switch"
      value={language}
      onChange={(value) => setLanguage(value as Language)}
      data={OPTIONS}
    />
  );
};
