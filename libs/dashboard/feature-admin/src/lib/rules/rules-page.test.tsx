import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { RuleSetDocument, RuleSetDraftView, RuleSetTrialResult, RuleSetVersionSummary } from '@sigap/contracts';
import { renderWithApi, type ApiCall, type ApiHandler } from '../../testing/render-with-api';
import { RulesPage } from './rules-page';


const content: RuleSetDocument = {
  version: 'draft',
  topics: [
    { id: 'banjir', label: 'banjir', keywords: [{ phrase: 'banjir', weight: 3 }], baseScore: 50, opd: [{ code: 'DISKARPB', confidence: 0.8 }] },
    { id: 'sampah', label: 'sampah', keywords: [{ phrase: 'sampah numpuk', weight: 3 }], baseScore: 40, opd: [{ code: 'DLH', confidence: 0.9 }] },
  ],
};

const noChanges = { added: 0, removed: 0, changed: 0, items: [], truncated: false };

const draftView = (overrides: Partial<RuleSetDraftView> = {}): RuleSetDraftView => ({
  saved: false,
  baseVersion: 2,
  publishedVersion: 2,
  notes: '',
  updatedBy: null,
  updatedAt: null,
  content,
  changes: noChanges,
  ...overrides,
});

const version = (n: number, status: 'published' | 'archived', overrides: Partial<RuleSetVersionSummary> = {}): RuleSetVersionSummary => ({
  version: n,
  label: `v${n}`,
  status,
  origin: n === 1 ? 'seed' : 'edit',
  baseVersion: n === 1 ? null : n - 1,
  notes: n === 1 ? 'Aturan bawaan' : `catatan v${n}`,
  createdBy: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  publishedBy: n === 1 ? null : { id: 'u1', name: 'Sari Supervisor' },
  publishedAt: '2026-01-01T00:00:00.000Z',
  changes: n === 1 ? null : { added: 1, removed: 0, changed: 0, items: [{ kind: 'added', section: 'keywords', item: 'banjir › caah', after: 'caah (3)' }], truncated: false },
  ...overrides,
});

const calls: ApiCall[] = [];

const renderPage = (handler: ApiHandler) =>
  renderWithApi(
    <RulesPage />,
    (path, method, body) =>
      handler(path, method, body) ??
      (path === '/reference/opds'
        ? { status: 200, body: [{ code: 'DISKARPB', name: 'Damkar', kind: 'opd' }, { code: 'DLH', name: 'Lingkungan Hidup', kind: 'opd' }] }
        : undefined),
    calls,
  );

describe('RulesPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('rolls back to an older version after a confirmation', async () => {
    let versions = [version(2, 'published'), version(1, 'archived')];
    renderPage((path, method) => {
      if (path === '/triage/rule-sets' && method === 'GET') return { status: 200, body: versions };
      if (path === '/triage/rule-sets/draft') return { status: 200, body: draftView() };
      if (path === '/triage/rule-sets/1/rollback' && method === 'POST') {
        versions = [version(3, 'published', { origin: 'rollback', baseVersion: 1 }), version(2, 'archived'), version(1, 'archived')];
        return { status: 201, body: versions[0] };
      }
      return undefined;
    });
    expect(await screen.findByText('Terbit: v2')).toBeTruthy();
    fireEvent.click(screen.getByTestId('tab-history'));
    const rows = await screen.findAllByTestId('rule-set-version');
    expect(rows.map((row) => row.getAttribute('data-version'))).toEqual(['2', '1']);
    // Only archived versions can be rolled back to.
    expect(within(rows[0]).queryByTestId('rollback-button')).toBeNull();
    fireEvent.click(within(rows[1]).getByTestId('rollback-button'));
    expect(await screen.findByText('Kembalikan ke v1?')).toBeTruthy();
    expect(screen.getByText(/Salinan v1 diterbitkan sebagai v3/)).toBeTruthy();
    expect(calls.some((call) => call.path.endsWith('/rollback'))).toBe(false);
    fireEvent.click(screen.getByTestId('confirm-rollback'));
    expect(await screen.findByText('v3 terbit sebagai salinan v1.')).toBeTruthy();
    expect(calls.find((call) => call.path === '/triage/rule-sets/1/rollback')).toMatchObject({ method: 'POST', body: {} });
    await waitFor(() => expect(screen.getAllByTestId('rule-set-version')).toHaveLength(3));
    expect(screen.getByText('Terbit: v3')).toBeTruthy();
  });

  it('edits keywords, saves, and shows the problems the server finds at their topic', async () => {
    renderPage((path, method) => {
      if (path === '/triage/rule-sets' && method === 'GET') return { status: 200, body: [version(2, 'published'), version(1, 'archived')] };
      if (path === '/triage/rule-sets/draft' && method === 'GET') return { status: 200, body: draftView() };
      if (path === '/triage/rule-sets/draft' && method === 'PUT') {
        return {
          status: 400,
          body: {
            statusCode: 400,
            code: 'VALIDATION_FAILED',
            message: 'content.topics.0.keywords.1.weight: must be positive',
            details: [{ field: 'content.topics.0.keywords.1.weight', message: 'must be positive' }],
          },
        };
      }
      return undefined;
    });
    await screen.findByTestId('topic-editor');
    expect(screen.queryByTestId('draft-dirty')).toBeNull();
    fireEvent.change(screen.getByTestId('new-keyword'), { target: { value: 'genangan air' } });
    fireEvent.click(screen.getByTestId('add-keyword'));
    expect(await screen.findByTestId('draft-dirty')).toBeTruthy();
    expect((screen.getByTestId('publish-draft') as HTMLButtonElement).disabled).toBe(true);

    fireEvent.click(screen.getByTestId('save-draft'));
    const problems = await screen.findByTestId('draft-problems');
    expect(problems.textContent).toContain('topics.0 (banjir).keywords.1.weight');
    expect(problems.textContent).toContain('must be positive');
    expect(screen.getByTestId('topic-problems').textContent).toContain('must be positive');
    const put = calls.find((call) => call.method === 'PUT');
    const sent = (put?.body as { content: RuleSetDocument }).content;
    expect(sent.topics[0].keywords).toEqual([
      { phrase: 'banjir', weight: 3 },
      { phrase: 'genangan air', weight: 2 },
    ]);
    // The edit stays in the editor until it is saved.
    expect(screen.getByTestId('draft-dirty')).toBeTruthy();
  });

  it('saves an unsaved draft before trying it and lists the mentions that would change', async () => {
    let saved = false;
    const trial: RuleSetTrialResult = {
      publishedVersion: 2,
      sampled: 500,
      changed: 1,
      urgencyChanged: 1,
      opdChanged: 1,
      urgencyMoves: [{ from: 'normal', to: 'critical', count: 1 }],
      items: [
        {
          id: 'm1',
          excerpt: '<b>Ada zorblax</b> di gang',
          channel: 'x',
          postedAt: '2026-01-01T00:00:00.000Z',
          before: { urgency: 'normal', score: 45, opd: null, topic: null },
          after: { urgency: 'critical', score: 86, opd: 'DISKARPB', topic: 'kebakaran' },
          urgencyChanged: true,
          opdChanged: true,
        },
      ],
      truncated: false,
    };
    renderPage((path, method, body) => {
      if (path === '/triage/rule-sets' && method === 'GET') return { status: 200, body: [version(2, 'published')] };
      if (path === '/triage/rule-sets/draft' && method === 'GET') return { status: 200, body: draftView({ saved }) };
      if (path === '/triage/rule-sets/draft' && method === 'PUT') {
        saved = true;
        return { status: 200, body: draftView({ saved: true, content: (body as { content: RuleSetDocument }).content, updatedBy: { id: 'u1', name: 'Sari' }, updatedAt: '2026-01-01T00:00:00.000Z' }) };
      }
      if (path === '/triage/rule-sets/draft/try' && method === 'POST') return { status: 200, body: trial };
      return undefined;
    });
    await screen.findByTestId('topic-editor');
    fireEvent.click(screen.getByTestId('try-draft'));
    expect(await screen.findByTestId('trial-result')).toBeTruthy();
    expect(calls.filter((call) => call.method !== 'GET').map((call) => `${call.method} ${call.path}`)).toEqual([
      'PUT /triage/rule-sets/draft',
      'POST /triage/rule-sets/draft/try',
    ]);
    expect(calls.find((call) => call.path.endsWith('/try'))?.body).toEqual({ limit: 500 });
    expect(screen.getByTestId('trial-summary').textContent).toBe('Dari 500 pesan terbaru, 1 akan berubah');
    const item = screen.getByTestId('trial-item');
    // Public text stays text.
    expect(item.textContent).toContain('<b>Ada zorblax</b> di gang');
    expect(item.querySelector('b')).toBeNull();
    expect(item.textContent).toContain('KRITIS');
    expect(item.textContent).toContain('DISKARPB');
    expect(screen.getByText('Draf tersimpan · Sari')).toBeTruthy();
  });
});
