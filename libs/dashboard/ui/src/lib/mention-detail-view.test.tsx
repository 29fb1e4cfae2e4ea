import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import type { CorrectedMentionTags } from '@sigap/contracts';
import { makeMention } from '../testing/mention.fixture';
import { renderWithProviders } from '../testing/render';
import { MentionDetailView } from './mention-detail-view';

describe('MentionDetailView', () => {
  it('marks a mention whose triage an admin corrected', () => {
    const base = makeMention();
    const tags: CorrectedMentionTags = {
      ...base.tags,
      corrected: { by: 'u-1', at: '2025-03-12T08:00:00.000Z', before: { urgency: 'low', opd: [] } },
    };
    const mention = makeMention({ tags });
    renderWithProviders(<MentionDetailView mention={mention} rawState="ready" correction={<div data-testid="slot" />} />);
    expect(screen.getByTestId('mention-corrected').textContent).toBe('dikoreksi');
    expect(screen.getByTestId('slot')).toBeTruthy();
  });

  it('reads top to bottom: text, why, the work on it, the correction, then the folded details', () => {
    renderWithProviders(
      <MentionDetailView mention={makeMention()} rawState="ready" work={<div data-testid="work" />} correction={<div data-testid="correction" />} />,
    );
    const order = ['mention-detail-text', 'mention-detail-why', 'work', 'correction', 'mention-detail-more'].map((id) => screen.getByTestId(id));
    order.slice(1).forEach((node, index) => {
      expect(order[index].compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    });
    expect(screen.getByTestId('mention-detail-more').tagName).toBe('DETAILS');
  });

  it('shows no marker for a mention as the engine tagged it', () => {
    renderWithProviders(<MentionDetailView mention={makeMention()} rawState="ready" />);
    expect(screen.queryByTestId('mention-corrected')).toBeNull();
  });
});
