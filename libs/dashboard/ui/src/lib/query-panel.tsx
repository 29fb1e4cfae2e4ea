import type { ReactNode } from 'react';
import { Alert, Center, Loader, Paper, Text } from '@mantine/core';

export interface QueryPanelProps {
  pending: boolean;
  /** Shown above the panel when loading failed (already translated); null when it did not. */
  errorText: string | null;
  empty: boolean;
  /** What to say, and what to do, when there is nothing to show. */
  emptyText: ReactNode;
  children: ReactNode;
}

/** A bordered panel for a list loaded from the server: loading, failure, empty, or the list. */
export const QueryPanel = ({ pending, errorText, empty, emptyText, children }: QueryPanelProps) => (
  <>
    {errorText !== null && (
      <Alert color="red" variant="light" role="alert">
        {errorText}
      </Alert>
    )}
    <Paper withBorder radius="sm">
      {pending ? (
        <Center p="lg">
          <Loader size="sm" />
        </Center>
      ) : empty ? (
        <Text p="md" size="sm" c="dimmed">
          {emptyText}
        </Text>
      ) : (
        children
      )}
    </Paper>
  </>
);
