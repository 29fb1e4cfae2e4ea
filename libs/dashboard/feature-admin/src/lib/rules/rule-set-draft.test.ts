import { describe, expect, it } from 'vitest';
import type { RuleSetDocument } from '@sigap/contracts';
import {
  applyDraftEdit,
  describeField,
  fieldProblemsOf,
  filterTopics,
  parseRuleSetJson,
  positionOf,
  problemsByTopic,
  sameDocument,
  topicIdProblem,
} from './rule-set-draft';

const document = (): RuleSetDocument => ({
  version: 'draft',
  topics: [
    {
      id: 'banjir',
      label: 'banjir',
      keywords: [
        { phrase: 'banjir', weight: 3 },
        { phrase: 'caah', weight: 3 },
      ],
      baseScore: 50,
      opd: [
        { code: 'DISKARPB', confidence: 0.8 },
        { code: 'DSDABM', confidence: 0.7 },
      ],
    },
    { id: 'sampah', label: 'sampah', keywords: [{ phrase: 'sampah numpuk', weight: 3 }], baseScore: 40, opd: [{ code: 'DLH', confidence: 0.9 }] },
  ],
  signals: [{ phrase: 'terjebak', level: 'critical' }],
});

describe('applyDraftEdit', () => {
  it('adds and re-weights keywords without touching the original or other sections', () => {
    const before = document();
    const added = applyDraftEdit(before, { type: 'addKeyword', topic: 0, keyword: { phrase: 'genangan', weight: 2 } });
    const reweighted = applyDraftEdit(added, { type: 'keyword', topic: 0, index: 1, patch: { weight: 4 } });
    expect(reweighted.topics[0].keywords).toEqual([
      { phrase: 'banjir', weight: 3 },
      { phrase: 'caah', weight: 4 },
      { phrase: 'genangan', weight: 2 },
    ]);
    expect(before.topics[0].keywords).toHaveLength(2);
    expect(reweighted.signals).toBe(before.signals);
    expect(reweighted.topics[1]).toBe(before.topics[1]);
  });

  it('reorders routes within bounds and removes them', () => {
    const moved = applyDraftEdit(document(), { type: 'moveRoute', topic: 0, index: 1, by: -1 });
    expect(moved.topics[0].opd.map((o) => o.code)).toEqual(['DSDABM', 'DISKARPB']);
    const unchanged = applyDraftEdit(moved, { type: 'moveRoute', topic: 0, index: 0, by: -1 });
    expect(unchanged.topics[0].opd.map((o) => o.code)).toEqual(['DSDABM', 'DISKARPB']);
    const removed = applyDraftEdit(moved, { type: 'removeRoute', topic: 0, index: 0 });
    expect(removed.topics[0].opd).toEqual([{ code: 'DISKARPB', confidence: 0.8 }]);
    const rerouted = applyDraftEdit(removed, { type: 'route', topic: 0, index: 0, patch: { confidence: 0.5 } });
    expect(rerouted.topics[0].opd).toEqual([{ code: 'DISKARPB', confidence: 0.5 }]);
  });

  it('adds a topic with defaults and removes one', () => {
    const added = applyDraftEdit(document(), { type: 'addTopic', id: 'gas', label: 'kebocoran gas' });
    expect(added.topics[2]).toEqual({ id: 'gas', label: 'kebocoran gas', keywords: [], baseScore: 45, opd: [] });
    const removed = applyDraftEdit(added, { type: 'removeTopic', topic: 0 });
    expect(removed.topics.map((t) => t.id)).toEqual(['sampah', 'gas']);
    expect(applyDraftEdit(removed, { type: 'topic', topic: 9, patch: { label: 'x' } })).toBe(removed);
  });
});

describe('parseRuleSetJson', () => {
  it('reads a rule set and says where broken JSON breaks', () => {
    expect(parseRuleSetJson(JSON.stringify(document()))).toMatchObject({ ok: true });
    const broken = '{\n  "version": "draft",\n  "topics": [\n    { "id": "banjir", }\n  ]\n}';
    const result = parseRuleSetJson(broken);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.line).toBe(4);
      expect(result.column).toBeGreaterThan(1);
    }
  });

  it('refuses JSON that is not a rule set', () => {
    expect(parseRuleSetJson('[1, 2]')).toMatchObject({ ok: false, message: 'not a JSON object' });
    expect(parseRuleSetJson('{"topics": 3}')).toMatchObject({ ok: false, message: '"topics" must be a list' });
  });

  it('counts lines and columns from 1', () => {
    expect(positionOf('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
    expect(positionOf('ab', 0)).toEqual({ line: 1, column: 1 });
  });
});

describe('server problems', () => {
  it('reads the details of a 400 and groups them by topic', () => {
    const error = Object.assign(new Error('bad'), {
      details: [
        { field: 'content.topics.1.keywords.0.weight', message: 'must be positive' },
        { field: 'content.topics.1.opd.0.code', message: 'unknown OPD code X' },
        { field: 'content.topics.10', message: 'defined twice' },
        { field: 'content.scoring.thresholds', message: 'order' },
        { nonsense: true },
      ],
    });
    const problems = fieldProblemsOf(error);
    expect(problems).toHaveLength(4);
    const byTopic = problemsByTopic(problems);
    expect([...byTopic.keys()]).toEqual([1, 10]);
    expect(byTopic.get(1)?.map((p) => p.message)).toEqual(['must be positive', 'unknown OPD code X']);
    expect(fieldProblemsOf(new Error('plain'))).toEqual([]);
  });

  it('names the topic in a path', () => {
    expect(describeField('content.topics.1.keywords.0.weight', document())).toBe('topics.1 (sampah).keywords.0.weight');
    expect(describeField('content.topics.7', document())).toBe('topics.7');
    expect(describeField('content.scoring.thresholds', document())).toBe('scoring.thresholds');
    expect(describeField('content', document())).toBe('content');
  });
});

describe('topics', () => {
  it('checks a new topic id', () => {
    expect(topicIdProblem('gas_bocor', document())).toBeNull();
    expect(topicIdProblem('Gas Bocor', document())).toBe('rules.topicIdInvalid');
    expect(topicIdProblem('banjir', document())).toBe('rules.topicIdTaken');
  });

  it('finds topics by id, label or keyword and keeps their index', () => {
    expect(filterTopics(document(), 'numpuk').map((found) => found.index)).toEqual([1]);
    expect(filterTopics(document(), ' CAAH ').map((found) => found.topic.id)).toEqual(['banjir']);
    expect(filterTopics(document(), '')).toHaveLength(2);
  });

  it('tells equal documents apart from edited ones', () => {
    expect(sameDocument(document(), document())).toBe(true);
    expect(sameDocument(document(), applyDraftEdit(document(), { type: 'topic', topic: 0, patch: { baseScore: 51 } }))).toBe(false);
  });
});
