import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LoginRequest, LoginResponse, UserView } from '@sigap/contracts';
import { apiRequest } from './api-client';
import { authStore, type AuthSession } from './auth-store';
import { queryKeys } from './query-keys';

/** The signed-in session, or null; re-renders when it changes in this or another tab. */
export const useSession = (): AuthSession | null => useSyncExternalStore(authStore.subscribe, authStore.get);

export const useLogin = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: LoginRequest) =>
      apiRequest<LoginResponse>('/auth/login', { method: 'POST', body: credentials, anonymous: true }),
    onSuccess: (response) => {
      queryClient.clear();
      authStore.setFromLogin(response);
      queryClient.setQueryData(queryKeys.me(), response.user);
    },
  });
};

/** Ends the session on the server too (best effort: the local session ends either way). */
export const useLogout = () => {
  const queryClient = useQueryClient();
  return useCallback(() => {
    // apiRequest reads the token before its first await, so it still goes out with this call.
    if (authStore.token()) apiRequest<void>('/auth/logout', { method: 'POST' }).catch(() => undefined);
    authStore.clear();
    queryClient.clear();
  }, [queryClient]);
};

/**
 * Confirms the stored token with the server once per session (a 401 ends the session through
 * the API client), keeps the stored user fresh, and ends the session when the token expires.
 */
export const useSessionGuard = (): void => {
  const session = useSession();
  const queryClient = useQueryClient();
  const token = session?.accessToken ?? null;
  const expiresAt = session?.expiresAt ?? null;

  const me = useQuery({
    queryKey: queryKeys.me(),
    queryFn: ({ signal }) => apiRequest<UserView>('/auth/me', { signal }),
    enabled: token !== null,
    staleTime: 5 * 60_000,
  });

  useEffect(() => {
    if (me.data) authStore.updateUser(me.data);
  }, [me.data]);

  useEffect(() => {
    if (expiresAt === null) return undefined;
    const timer = window.setTimeout(
      () => {
        authStore.clear();
        queryClient.clear();
      },
      Math.max(0, Math.min(expiresAt - Date.now(), 2 ** 31 - 1)),
    );
    return () => window.clearTimeout(timer);
  }, [expiresAt, queryClient]);

  useEffect(() => {
    if (token === null) queryClient.clear();
  }, [token, queryClient]);
};
