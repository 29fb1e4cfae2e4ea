import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import classes from './badges.module.css';
import { formatRelative, formatWib, toLanguage } from './time/format-time';
import { useNow } from './time/use-now';

export interface RelativeTimeProps {
  value: string;
}

/** "3 mnt lalu", with the exact WIB time on hover and in the `datetime` attribute. */
export const RelativeTime = ({ value }: RelativeTimeProps) => {
  const { i18n } = useTranslation();
  const now = useNow();
  const language = toLanguage(i18n.language);
  return (
    <time className={classes.time} dateTime={value} title={formatWib(value, language)}>
      {formatRelative(value, now, language)}
    </time>
  );
};

/** The exact WIB time followed by the relative one: "Rab, 12 Mar 2025 14:05:03 WIB · 3 mnt lalu". */
export const ExactTime = ({ value }: { value: string }) => {
  const { i18n } = useTranslation();
  const now = useNow();
  const language = toLanguage(i18n.language);
  return (
    <Text component="time" dateTime={value} size="sm">
      {formatWib(value, language)} · {formatRelative(value, now, language)}
    </Text>
  );
};
