import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { makeMention } from '../testing/mention.fixture';
import { renderWithProviders } from '../testing/render';
import { MentionRow } from './mention-row';

describe('MentionRow', () => {
  it('shows how many near-identical messages joined the cluster', () => {
    renderWithProviders(
      <MentionRow mention={makeMention({ clusterSize: 38 })} place="Gedebage" selected={false} onSelect={() => undefined} />,
    );
    expect(screen.getByTestId('mention-row-similar').textContent).toBe('+37 serupa');
  });

  it('shows no cluster badge for a mention on its own', () => {
    renderWithProviders(<MentionRow mention={makeMention({ clusterSize: 1 })} place={null} selected={false} onSelect={() => undefined} />);
    expect(screen.queryByTestId('mention-row-similar')).toBeNull();
  });
});
