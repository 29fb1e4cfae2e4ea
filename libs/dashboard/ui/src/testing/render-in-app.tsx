import type { ReactElement } from 'react';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter, useLocation } from 'react-router-dom';
import { initI18n } from '../lib/i18n/i18n';
import { dashboardTheme } from '../lib/theme';

/** Shows the router's address (testid `address`), to see where a link or action led. */
const Address = () => {
  const location = useLocation();
  return <output data-testid="address">{`${location.pathname}${location.search}`}</output>;
};

/** A query client that gives up at once, so a refused request shows its error in the test. */
export const newTestQueryClient = (): QueryClient => new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });

/**
 * Renders a page part as the app would hold it: query client, Mantine, Indonesian i18n and a
 * router at `path`, with the current address shown beside it.
 */
export const renderInApp = (ui: ReactElement, options: { client?: QueryClient; path?: string } = {}): RenderResult =>
  render(
    <QueryClientProvider client={options.client ?? newTestQueryClient()}>
      <MantineProvider theme={dashboardTheme}>
        <I18nextProvider i18n={initI18n('id')}>
          <MemoryRouter initialEntries={[options.path ?? '/']}>
            {ui}
            <Address />
          </MemoryRouter>
        </I18nextProvider>
      </MantineProvider>
    </QueryClientProvider>,
  );
