import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { renderWithProviders } from '../testing/render';
import { DatesLocaleProvider, WibDateTimeInput } from './wib-date-time-input';

describe('WibDateTimeInput', () => {
  it('shows the instant on the WIB clock with Indonesian month names, and says it is WIB', () => {
    renderWithProviders(
      <DatesLocaleProvider>
        <WibDateTimeInput label="Mulai" value="2026-08-17T03:00:00.000Z" onChange={() => undefined} data-testid="starts" />
      </DatesLocaleProvider>,
    );
    expect(screen.getByTestId('starts').textContent).toBe('17 Agt 2026 10:00');
    expect(screen.getByText('Mulai (WIB)')).toBeTruthy();
  });
});
