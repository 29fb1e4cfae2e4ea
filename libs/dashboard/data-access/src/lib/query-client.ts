import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-client';

/** The dashboard's one QueryClient: no retries for 4xx, none on window focus. */
export const createQueryClient = (): QueryClient =>
  new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failureCount, error) => !(error instanceof ApiError && error.isClientError) && failureCount < 2,
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
