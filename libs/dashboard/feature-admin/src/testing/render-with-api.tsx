import type { ReactElement } from 'react';
import { vi } from 'vitest';
import { render } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import { dashboardTheme, initI18n } from '@sigap/dashboard/ui';

export interface ApiAnswer {
  status: number;
  body?: unknown;
}

/** Answers one API call (path without `/api/v1`); undefined leaves it unanswered (404). */
export type ApiHandler = (path: string, method: string, body: unknown) => ApiAnswer | undefined;

export interface ApiCall {
  path: string;
  method: string;
  body: unknown;
}

/**
 * Renders a page inside the providers the app gives it (Mantine, Indonesian i18n, a query client
 * that does not retry), with `fetch` stubbed: each call is logged into `calls` (emptied first)
 * and answered by `handler`, or with a 404 naming the call. Undo with `vi.unstubAllGlobals()`.
 */
export function renderWithApi(page: ReactElement, handler: ApiHandler, calls: ApiCall[] = []) {
  calls.length = 0;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const path = url.replace('/api/v1', '');
      const method = init?.method ?? 'GET';
      const body = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
      calls.push({ path, method, body });
      const answer = handler(path, method, body) ?? {
        status: 404,
        body: { statusCode: 404, code: 'NOT_FOUND', message: `no mock for ${method} ${path}` },
      };
      return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
        status: answer.status,
        headers: { 'Content-Type': 'application/json' },
      });
    }),
  );
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <MantineProvider theme={dashboardTheme}>
      <I18nextProvider i18n={initI18n('id')}>
        <QueryClientProvider client={queryClient}>{page}</QueryClientProvider>
      </I18nextProvider>
    </MantineProvider>,
  );
}
