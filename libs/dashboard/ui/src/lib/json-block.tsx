import { useState } from 'react';
import { Box, Code, Text } from '@mantine/core';

export interface JsonBlockProps {
  summary: string;
  value: unknown;
  /** Shown in place of the JSON while it is not available. */
  placeholder?: string;
  testId?: string;
}

const stringify = (value: unknown): string => {
  try {
    return JSON.stringify(value, null, 2) ?? String(value);
  } catch {
    return String(value);
  }
};

/** Collapsed by default; the JSON is only serialised once someone opens it. */
export const JsonBlock = ({ summary, value, placeholder, testId }: JsonBlockProps) => {
  const [open, setOpen] = useState(false);
  return (
    <Box
      component="details"
      data-testid={testId}
      onToggle={(event) => setOpen((event.currentTarget as HTMLDetailsElement).open)}
    >
      <Text component="summary" size="sm" fw={600} style={{ cursor: 'pointer', userSelect: 'none' }}>
        {summary}
      </Text>
      {open &&
        (value === undefined && placeholder ? (
          <Text size="sm" c="dimmed" mt={6}>
            {placeholder}
          </Text>
        ) : (
          <Code block mt={6} fz="xs" style={{ maxHeight: 360, overflow: 'auto', whiteSpace: 'pre' }}>
            {stringify(value)}
          </Code>
        ))}
    </Box>
  );
};
