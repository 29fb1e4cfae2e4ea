import { MantineProvider } from '@mantine/core';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { ROLES_SEEING_ALL } from '@sigap/contracts';
import { useTranslation } from 'react-i18next';
import { AdminPage, AuditPage, RulesPage, UsersPage } from '@sigap/dashboard/feature-admin';
import { LoginPage, RequireAuth, RequireRole } from '@sigap/dashboard/feature-auth';
import { BoardPage } from '@sigap/dashboard/feature-desk';
import { RotaPage } from '@sigap/dashboard/feature-dispatch';
import { InboxPage, MyWorkPage } from '@sigap/dashboard/feature-inbox';
import { ApprovalsPage, TemplatesPage } from '@sigap/dashboard/feature-replies';
import { dashboardTheme } from '@sigap/dashboard/ui';
import { AppLayout } from './app-layout';
import { NotFoundPage } from './not-found-page';
import { BOARD_ROLES, MENTION_READER_ROLES, MY_WORK_ROLES, USER_MANAGER_ROLES } from './roles';

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
              path="pekerjaan-saya"
element={<MyWork />} />
            <Route
              path="papan"
              element={
                <RequireRole roles={BOARD_ROLES}>
                  <BoardPage />
                </RequireRole>
              }
            />
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
              path="approvals"
              element={
                <RequireRole roles={ROLES_SEEING_ALL}>
                  <ApprovalsPage />
                </RequireRole>
              }
            />
            <Route
              path="templates"
              element={
                <RequireRole roles={ROLES_SEEING_ALL}>
                  <TemplatesPage />
                </RequireRole>
              }
            />
            <Route
              path="users"
              element={
                <RequireRole roles={USER_MANAGER_ROLES}>
                  <UsersPage />
                </RequireRole>
              }
            />
            <Route
              path="audit"
              element={
                <RequireRole roles={ROLES_SEEING_ALL}>
                  <AuditPage />
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
