import { Badge } from '@mantine/core';
import type { MentionStatus } from '@sigap/contracts';
import { useTranslation } from 'react-i18next';

const COLORS: Record<MentionStatus, string> = {
  new: 'indigo',
  in_progress: 'yellow',
  resolved: 'green',
  dismissed: 'gray',
};

export const StatusBadge = ({ status }: { status: MentionStatus }) => {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="dot" size="sm" radius="sm" tt="none">
      {t(`status.${status}`)}
    </Badge>
  );
};
