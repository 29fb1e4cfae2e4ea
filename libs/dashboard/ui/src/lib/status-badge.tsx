import { Badge } from '@mantine/core';
import type { MentionStatus } from '@sigap/contracts';
import { useTranslation } from 'react-i18next';

const COLORS: Record<MentionStatus, string> = {
  baru: 'indigo',
  ditangani: 'yellow',
  menunggu_persetujuan: 'orange',
  dibalas: 'teal',
  selesai: 'green',
  eskalasi: 'red',
  bukan_wewenang: 'grape',
  spam: 'gray',
  hoaks: 'pink',
};

export const StatusBadge = ({ status }: { status: MentionStatus }) => {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="dot" size="sm" radius="sm" tt="none" data-testid="mention-status" data-status={status}>
      {t(`status.${status}`)}
    </Badge>
  );
};
