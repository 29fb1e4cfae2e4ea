import { MantineProvider } from '@mantine/core';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { ROLES_SEEING_ALL } from '@sigap/contracts';
import { useTranslation } from 'react-i18next';
import { AdminPage, AuditPage, ChannelsPage, RulesPage, UnitsPage, UsersPage } from '@sigap/dashboard/feature-admin';
import { LoginPage, RequireAuth, RequireRole } from '@sigap/dashboard/feature-auth';
import { BoardPage } from '@sigap/dashboard/feature-desk';
import { RotaPage } from '@sigap/dashboard/feature-dispatch';
import { InboxPage, MyWorkPage } from '@sigap/dashboard/feature-inbox';
import { ApprovalsPage, TemplatesPage } from '@sigap/dashboard/feature-replies';
import { DatesLocaleProvider, dashboardTheme } from '@sigap/dashboard/ui';
import { BOARD_PATH, MY_WORK_PATH } from '@sigap/dashboard/data-access';
import { AppLayout } from './app-layout';
import { DESTINATIONS, destinationPath } from './destinations';
import { NotFoundPage } from './not-found-page';
import { BOARD_ROLES, CHANNEL_READER_ROLES, MENTION_READER_ROLES, MY_WORK_ROLES, ROTA_READER_ROLES, SETTINGS_READER_ROLES, USER_MANAGER_ROLES } from './roles';

const Inbox = () => {
  const { t } = useTranslation();
  return (
    <RequireRole roles={MENTION_READER_ROLES} message={t('common.inboxForbidden')}>
      <InboxPage />
    </RequireRole>
  );
};

const MyWork = () => {
  const { t } = useTranslation();
  return (
    <RequireRole roles={MY_WORK_ROLES} message={t('common.inboxForbidden')}>
      <MyWorkPage />
    </RequireRole>
  );
};

export const App = ({ queryClient }: { queryClient: QueryClient }) => (
  <MantineProvider theme={dashboardTheme} defaultColorScheme="light">
    <DatesLocaleProvider>
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
              <Route path={MY_WORK_PATH} element={<MyWork />} />
              <Route
                path={BOARD_PATH}
                element={
                  <RequireRole roles={BOARD_ROLES}>
                    <BoardPage />
                  </RequireRole>
                }
              />
              <Route
                path={destinationPath('approvals')}
                element={
                  <RequireRole roles={ROLES_SEEING_ALL}>
                    <ApprovalsPage />
                  </RequireRole>
                }
              />
              <Route
                path={destinationPath('templates')}
                element={
                  <RequireRole roles={ROLES_SEEING_ALL}>
                    <TemplatesPage />
                  </RequireRole>
                }
              />
              <Route
                path={destinationPath('rota')}
                element={
                  <RequireRole roles={ROTA_READER_ROLES}>
                    <RotaPage />
                  </RequireRole>
                }
              />
              <Route
                path={destinationPath('rules')}
                element={
                  <RequireRole roles={ROLES_SEEING_ALL}>
                    <RulesPage />
                  </RequireRole>
                }
              />
              <Route
                path={destinationPath('queues')}
                element={
                  <RequireRole roles={ROLES_SEEING_ALL}>
                    <AdminPage />
                  </RequireRole>
                }
              />
              <Route
                path={destinationPath('users')}
                element={
                  <RequireRole roles={USER_MANAGER_ROLES}>
                    <UsersPage />
                  </RequireRole>
                }
              />
              <Route
                path={destinationPath('units')}
                element={
                  <RequireRole roles={SETTINGS_READER_ROLES}>
                    <UnitsPage />
                  </RequireRole>
                }
              />
              <Route
                path={destinationPath('channels')}
                element={
                  <RequireRole roles={CHANNEL_READER_ROLES}>
                    <ChannelsPage />
                  </RequireRole>
                }
              />
              <Route
                path={destinationPath('audit')}
                element={
                  <RequireRole roles={ROLES_SEEING_ALL}>
                    <AuditPage />
                  </RequireRole>
                }
              />
              {DESTINATIONS.flatMap((destination) =>
                destination.legacyPath ? [<Route key={destination.key} path={destination.legacyPath} element={<Navigate replace to={destination.path} />} />] : [],
              )}
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Routes>
        </BrowserRouter>
      </QueryClientProvider>
    </DatesLocaleProvider>
  </MantineProvider>
);
