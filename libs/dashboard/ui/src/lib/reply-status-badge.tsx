import { Badge } from '@mantine/core';
import type { ReplyStatus } from '@sigap/contracts';
import { useTranslation } from 'react-i18next';

const COLORS: Record<ReplyStatus, string> = {
  menunggu_persetujuan: 'orange',
  dikembalikan: 'grape',
  antri: 'blue',
  terkirim: 'teal',
  gagal: 'red',
};

export const ReplyStatusBadge = ({ status }: { status: ReplyStatus }) => {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light" size="sm" radius="sm" tt="none" data-testid="reply-status" data-status={status}>
      {t(`replies.status.${status}`)}
    </Badge>
  );
};
