import type { ReactElement } from 'react';
import { MantineProvider } from '@mantine/core';
import { render, type RenderResult } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { initI18n } from '../lib/i18n/i18n';
import { dashboardTheme } from '../lib/theme';

/** Renders inside the providers every dashboard component expects. */
export const renderWithProviders = (ui: ReactElement): RenderResult => {
  const i18n = initI18n('id');
  return render(
    <MantineProvider theme={dashboardTheme}>
      <I18nextProvider i18n={i18n}>{ui}</I18nextProvider>
    </MantineProvider>,
  );
};
