import { createTheme, type MantineColor } from '@mantine/core';
import type { Urgency } from '@sigap/contracts';

export const dashboardTheme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'sm',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
  fontFamilyMonospace: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace',
  headings: { fontWeight: '650' },
});

/** Colour per urgency; the word is always shown beside it for colour-blind readers. */
export const URGENCY_COLORS: Record<Urgency, MantineColor> = {
  critical: 'red',
  high: 'orange',
  normal: 'blue',
  low: 'gray',
};
