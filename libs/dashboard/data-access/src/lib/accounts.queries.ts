import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AuditPage,
  AuditQuery,
  CreateUserRequest,
  RevokeSessionsResponse,
  SessionView,
  UpdateUserRequest,
  UserAccount,
} from '@sigap/contracts';
import { API_PREFIX, ApiError, apiRequest } from './api-client';
import { authStore } from './auth-store';

const AUDIT_PAGE_SIZE = 100;

export const accountKeys = {
  users: () => ['accounts', 'users'] as const,
  sessions: (userId: string) => ['accounts', 'users', userId, 'sessions'] as const,
  audit: (filters: AuditFilters) => ['accounts', 'audit', filters] as const,
};

/** The audit browser's filters, without paging. */
export type AuditFilters = Omit<AuditQuery, 'cursor' | 'limit'>;

const auditParams = (filters: AuditFilters): URLSearchParams => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (typeof value === 'string' && value.trim()) params.set(key, value.trim());
  }
  return params;
};

export const useUsers = () =>
  useQuery({
    queryKey: accountKeys.users(),
    queryFn: ({ signal }) => apiRequest<UserAccount[]>('/users', { signal }),
  });

export const useCreateUser = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateUserRequest) => apiRequest<UserAccount>('/users', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.users() }),
  });
};

export const useUpdateUser = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: UpdateUserRequest }) =>
      apiRequest<UserAccount>(`/users/${encodeURIComponent(id)}`, { method: 'PATCH', body: changes }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['accounts', 'users'] }),
  });
};

export const useUserSessions = (userId: string | null) =>
  useQuery({
    queryKey: accountKeys.sessions(userId ?? ''),
    queryFn: ({ signal }) => apiRequest<SessionView[]>(`/users/${encodeURIComponent(userId ?? '')}/sessions`, { signal }),
    enabled: userId !== null,
  });

export const useRevokeSessions = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) =>
      apiRequest<RevokeSessionsResponse>(`/users/${encodeURIComponent(userId)}/sessions/revoke`, { method: 'POST' }),
    onSuccess: (_data, userId) => queryClient.invalidateQueries({ queryKey: accountKeys.sessions(userId) }),
  });
};

export const useAuditLog = (filters: AuditFilters) =>
  useInfiniteQuery({
    queryKey: accountKeys.audit(filters),
    queryFn: ({ pageParam, signal }) => {
      const query = auditParams(filters);
      query.set('limit', String(AUDIT_PAGE_SIZE));
      if (pageParam) query.set('cursor', pageParam);
      return apiRequest<AuditPage>('/audit', { query, signal });
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });

/** Fetches the CSV export with the session's token and hands it to the browser as a download. */
export const downloadAuditCsv = async (filters: AuditFilters): Promise<void> => {
  const query = auditParams(filters).toString();
  const token = authStore.token();
  const response = await fetch(`${API_PREFIX}/audit/export.csv${query ? `?${query}` : ''}`, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
    credentials: 'same-origin',
  });
  if (!response.ok) throw new ApiError(response.status, (await response.text().catch(() => '')) || response.statusText);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = `sigap-audit-${new Date().toISOString().slice(0, 10)}.csv`;
  document.body.appendChild(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
};
