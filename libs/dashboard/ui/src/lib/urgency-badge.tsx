import type { Urgency } from '@sigap/contracts';
import { useTranslation } from 'react-i18next';
import classes from './badges.module.css';

export interface UrgencyBadgeProps {
  urgency: Urgency;
  size?: 'sm' | 'md';
}

/**
 * KRITIS / TINGGI / NORMAL / RENDAH: colour and word together, for colour-blind readers.
 * Critical is filled, high tinted, normal outlined, low grey.
 */
export const UrgencyBadge = ({ urgency, size = 'sm' }: UrgencyBadgeProps) => {
  const { t } = useTranslation();
  return (
    <span className={classes.urgency} data-urgency={urgency} data-size={size}>
      {t(`urgency.${urgency}`)}
    </span>
  );
};
