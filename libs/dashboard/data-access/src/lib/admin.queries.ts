import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FailedJobView, QueueCounts } from '@sigap/contracts';
import { apiRequest } from './api-client';
import { queryKeys } from './query-keys';

const ADMIN_REFRESH_MS = 5_000;

export const useQueueCounts = () =>
  useQuery({
    queryKey: queryKeys.queues(),
    queryFn: ({ signal }) => apiRequest<QueueCounts[]>('/admin/queues', { signal }),
    refetchInterval: ADMIN_REFRESH_MS,
  });

export const useFailedJobs = (queue: string | null) =>
  useQuery({
    queryKey: queryKeys.failedJobs(queue ?? ''),
    queryFn: ({ signal }) =>
      apiRequest<FailedJobView[]>(`/admin/queues/${encodeURIComponent(queue ?? '')}/failed`, { signal }),
    enabled: queue !== null,
    refetchInterval: ADMIN_REFRESH_MS,
  });

export const useRetryFailedJob = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ queue, jobId }: { queue: string; jobId: string }) =>
      apiRequest<void>(
        `/admin/queues/${encodeURIComponent(queue)}/failed/${encodeURIComponent(jobId)}/retry`,
        { method: 'POST' },
      ),
    onSettled: (_data, _error, { queue }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.failedJobs(queue) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.queues(), exact: true }),
      ]),
  });
};
