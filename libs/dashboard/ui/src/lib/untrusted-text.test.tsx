import { describe, expect, it } from 'vitest';
import { fireEvent, screen } from '@testing-library/react';
import { makeMention } from '../testing/mention.fixture';
import { renderWithProviders } from '../testing/render';
import { MentionDetailView } from './mention-detail-view';
import { MentionRow } from './mention-row';

const SCRIPT = '<script>alert(1)</script>';
const IMG = '<img src=x onerror=alert(1)>';
const hostile = makeMention({
  text: `${SCRIPT} ${IMG}\nbaris kedua <b>tebal</b>`,
  author: { handle: '<img src=x onerror=alert(2)>', name: '<script>alert(3)</script>', followers: 5, verified: false },
  url: 'javascript:alert(4)',
  media: [{ url: 'javascript:alert(5)', type: 'image' }],
  tags: {
    urgency: 'critical',
    score: 90,
    opd: [],
    kecamatan: null,
    kelurahan: null,
    topic: '<i>topik</i>',
    reasons: ['<img src=x onerror=alert(6)>'],
    ruleSetVersion: 'v1',
  },
  raw: { html: '<script>alert(7)</script>' },
});

const expectNoInjectedMarkup = (container: HTMLElement): void => {
  expect(container.querySelector('script')).toBeNull();
  expect(container.querySelector('img')).toBeNull();
  expect(container.querySelector('b')).toBeNull();
  expect(container.querySelector('i')).toBeNull();
  expect(container.querySelector('[onerror]')).toBeNull();
};

describe('text from the public is rendered as text', () => {
  it('in an inbox row', () => {
    const { container } = renderWithProviders(
      <MentionRow mention={hostile} place={null} selected={false} onSelect={() => undefined} />,
    );
    expect(screen.getByTestId('mention-row-text').textContent).toBe(`${SCRIPT} ${IMG}`);
    expect(screen.getByTestId('mention-row-author').textContent).toBe('@<img src=x onerror=alert(2)>');
    expectNoInjectedMarkup(container);
  });

  it('in the detail pane, including links, reasons and the raw payload', () => {
    const { container } = renderWithProviders(<MentionDetailView mention={hostile} rawState="ready" />);
    expect(screen.getByTestId('mention-detail-text').textContent).toBe(hostile.text);
    expect(screen.getByTestId('mention-detail-author-name').textContent).toBe('<script>alert(3)</script>');
    expect(screen.getByTestId('mention-detail-reasons').textContent).toContain('<img src=x onerror=alert(6)>');
    expect(screen.getByText('<i>topik</i>')).toBeTruthy();

    // A javascript: address is shown, never made into a link.
    expect(screen.getByText('javascript:alert(4)').closest('a')).toBeNull();
    expect(container.querySelector('a[href^="javascript"]')).toBeNull();

    fireEvent.click(screen.getByText('Data asli (JSON)'));
    const raw = screen.getByTestId('mention-detail-raw');
    (raw as HTMLDetailsElement).open = true;
    fireEvent(raw, new Event('toggle'));
    expect(raw.querySelector('pre')?.textContent).toContain('"html": "<script>alert(7)</script>"');
    expectNoInjectedMarkup(container);
  });

  it('makes a web address a link that opens in a new tab without referrer or search credit', () => {
    renderWithProviders(<MentionDetailView mention={makeMention()} rawState="loading" />);
    const link = screen.getByText('https://x.com/warga_bdg/status/1').closest('a');
    expect(link?.getAttribute('target')).toBe('_blank');
    expect(link?.getAttribute('rel')).toBe('noopener noreferrer nofollow');
    expect(link?.getAttribute('href')).toBe('https://x.com/warga_bdg/status/1');
  });
});
