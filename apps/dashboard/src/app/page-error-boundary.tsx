import { Component, type ReactNode } from 'react';
import { Alert, Button, Center, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const PageFailed = ({ message }: { message: string }) => {
  const { t } = useTranslation();
  return (
    <Center h="100%" p="md">
      <Alert color="red" variant="light" role="alert" maw={520} data-testid="page-error">
        <Stack gap="xs">
          <Text size="sm" fw={600}>
            {t('shell.pageError')}
          </Text>
          <Text size="xs" c="dimmed" ff="monospace">
            {message}
          </Text>
          <Button size="xs" variant="default" onClick={() => window.location.reload()} w="fit-content">
            {t('shell.reload')}
          </Button>
        </Stack>
      </Alert>
    </Center>
  );
};

/**
 * A page that throws while rendering takes only itself down: the header, the bell and the live
 * connection stay, so a desk under pressure can still move to another page. Keyed by the route,
 * a new page starts clean.
 */
export class PageErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error): { error: Error } {
    return { error };
  }

  override render(): ReactNode {
    return this.state.error ? <PageFailed message={this.state.error.message} /> : this.props.children;
  }
}
