import { useState, type FormEvent } from 'react';
import { Alert, Box, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router-dom';
import { ApiError, useLogin, useSession } from '@sigap/dashboard/data-access';
import { LanguageSwitch, describeApiError } from '@sigap/dashboard/ui';

interface FromState {
  from?: string;
}

/** Where to go after signing in: the page that sent us here, if it was one of ours. */
const returnPath = (state: unknown): string => {
  const from = (state as FromState | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login')
    ? from
    : '/';
};

export const LoginPage = () => {
  const { t } = useTranslation();
  const location = useLocation();
  const session = useSession();
  const login = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  if (session) return <Navigate to={returnPath(location.state)} replace />;

  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (login.isPending) return;
    login.mutate({ email: email.trim(), password });
  };

  const error = login.error;
  // A 401 here means the credentials were refused, not that a session ended.
  const errorMessage = !error ? null : error instanceof ApiError && error.status === 401 ? t('errors.wrongCredentials') : describeApiError(error, t);

  return (
    <Center mih="100dvh" p="md" bg="gray.0">
      <Paper withBorder shadow="xs" p="xl" radius="md" w="100%" maw={400}>
        <Stack gap="lg">
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <Box>
              <Title order={1} fz={22}>
                {t('login.title')}
              </Title>
              <Text size="sm" c="dimmed" mt={4}>
                {t('common.tagline')}
              </Text>
            </Box>
            <LanguageSwitch />
          </Group>
          <form onSubmit={onSubmit} noValidate data-testid="login-form">
            <Stack gap="md">
              <TextInput
                label={t('login.email')}
                type="email"
                name="email"
                autoComplete="username"
                required
                autoFocus
                value={email}
                onChange={(event) => setEmail(event.currentTarget.value)}
                data-testid="login-email"
              />
              <PasswordInput
                label={t('login.password')}
                name="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(event) => setPassword(event.currentTarget.value)}
                data-testid="login-password"
              />
              {errorMessage && (
                <Alert color="red" variant="light" title={t('login.failed')} data-testid="login-error" role="alert">
                  {errorMessage}
                </Alert>
              )}
              <Button
                type="submit"
                loading={login.isPending}
                disabled={!email.trim() || !password}
                data-testid="login-submit"
                fullWidth
              >
                {t('login.submit')}
              </Button>
            </Stack>
          </form>
        </Stack>
      </Paper>
    </Center>
  );
};
