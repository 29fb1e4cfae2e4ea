import { MantineProvider } from '@mantine/core';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { ROLES_SEEING_ALL } from '@sigap/contracts';
import { useTranslation } from 'react-i18next';
import { AdminPage, RulesPage } from '@sigap/dashboard/feature-admin';
import { LoginPage, RequireAuth, RequireRole } from '@sigap/dashboard/feature-auth';
import { RotaPage } from '@sigap/dashboard/feature-dispatch';
import { InboxPage } from '@sigap/dashboard/feature-inbox';
import { dashboardTheme } from '@sigap/dashboard/ui';
import { AppLayout } from './app-layout';
import { NotFoundPage } from './not-found-page';
import { MENTION_READER_ROLES } from './roles';

const Inbox = () => {
  const { t } = useTranslation();
  return (
    <RequireRole roles={MENTION_READER_ROLES} message={t('common.inboxForbidden')}>
      <InboxPage />
    </RequireRole>
  );
};

export const App = ({ queryClient }: { queryClient: QueryClient }) => (
  <MantineProvider theme={dashboardTheme} defaultColorScheme="light">
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          <Route
            element={
              <RequireAuth>
                <AppLayout />
              </RequireAuth>
            }
          >
            <Route index element={<Inbox />} />
            <Route
              path="admin"
              element={
                <RequireRole roles={ROLES_SEEING_ALL}>
                  <AdminPage />
                </RequireRole>
              }
            />
            <Route
              path="rules"
              element={
                <RequireRole roles={ROLES_SEEING_ALL}>
                  <RulesPage />
                </RequireRole>
              }
            />
            <Route
              path="rota"
              element={
                <RequireRole roles={MENTION_READER_ROLES}>
                  <RotaPage />
                </RequireRole>
              }
            />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </BrowserRouter>
    </QueryClientProvider>
  </MantineProvider>
);
