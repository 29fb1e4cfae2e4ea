import type { ReactNode } from 'react';
import { Alert, Center } from '@mantine/core';
import type { Role } from '@sigap/contracts';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router-dom';
import { useSession } from '@sigap/dashboard/data-access';

/** Sends anyone without a session to the login page, remembering where they were going. */
export const RequireAuth = ({ children }: { children: ReactNode }) => {
  const session = useSession();
  const location = useLocation();
  if (!session) {
    return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
  }
  return children;
};

export interface RequireRoleProps {
  roles: readonly Role[];
  children: ReactNode;
  /** What to say to a signed-in user without one of the roles. */
  message?: string;
}

/** Shows its children only to the given roles. The server checks again; this only spares a 403. */
export const RequireRole = ({ roles, children, message }: RequireRoleProps) => {
  const { t } = useTranslation();
  const session = useSession();
  if (!session || !roles.includes(session.user.role)) {
    return (
      <Center p="xl">
        <Alert color="yellow" variant="light">
          {message ?? t('admin.forbidden')}
        </Alert>
      </Center>
    );
  }
  return children;
};
