import { Group, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface PageHeaderProps {
  title: ReactNode;
  subtitle?: ReactNode;
  /** `nowrap` keeps the aside beside the title on narrow screens (the title then shrinks). */
  wrap?: 'wrap' | 'nowrap';
  /** Shown at the right: the page's main action, or when its data was refreshed. */
  children?: ReactNode;
}

/** The title block every page opens with, so headings look and read the same across the desk. */
export const PageHeader = ({ title, subtitle, wrap = 'wrap', children }: PageHeaderProps) => (
  <Group justify="space-between" align="flex-start" gap="sm" wrap={wrap}>
    <div style={{ minWidth: 0 }}>
      <Title order={2} fz="lg">
        {title}
      </Title>
      {subtitle && (
        <Text size="sm" c="dimmed">
          {subtitle}
        </Text>
      )}
    </div>
    {children}
  </Group>
);
