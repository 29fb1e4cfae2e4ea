import { DEFAULT_RULE_SET, type RuleSet } from '@sigap/triage';
import { summarizeRuleSetChanges } from './rule-set.diff';

const copy = (): RuleSet => structuredClone(DEFAULT_RULE_SET);
const topicIndex = (ruleSet: RuleSet, id: string): number => ruleSet.topics.findIndex((t) => t.id === id);

describe('summarizeRuleSetChanges', () => {
  it('finds nothing between a rule set and its copy, whatever the version label or key order', () => {
    const after = copy();
    after.version = 'v9';
    after.scoring = { ...after.scoring, thresholds: { normal: 30, high: 60, critical: 80 } };
    expect(summarizeRuleSetChanges(DEFAULT_RULE_SET, after)).toEqual({ added: 0, removed: 0, changed: 0, items: [], truncated: false });
  });

  it('names added, removed and re-weighted keywords by topic', () => {
    const after = copy();
    const banjir = after.topics[topicIndex(after, 'banjir')];
    const [first, second] = banjir.keywords;
    banjir.keywords = [{ ...first, weight: first.weight + 1 }, ...banjir.keywords.slice(2), { phrase: 'genangan air', weight: 2 }];
    const summary = summarizeRuleSetChanges(DEFAULT_RULE_SET, after);
    expect(summary).toMatchObject({ added: 1, removed: 1, changed: 1, truncated: false });
    expect(summary.items).toEqual(
      expect.arrayContaining([
        { kind: 'added', section: 'keywords', item: 'banjir › genangan air', after: 'genangan air (2)' },
        { kind: 'removed', section: 'keywords', item: `banjir › ${second.phrase.toLowerCase()}`, before: `${second.phrase} (${second.weight})` },
        {
          kind: 'changed',
          section: 'keywords',
          item: `banjir › ${first.phrase.toLowerCase()}`,
          before: `${first.phrase} (${first.weight})`,
          after: `${first.phrase} (${first.weight + 1})`,
        },
      ]),
    );
  });

  it('reports topics, routes, signals, modifiers, places, lexicon and settings', () => {
    const after = copy();
    const pju = after.topics[topicIndex(after, 'pju')];
    pju.opd = [{ code: 'DSDABM', confidence: 0.8 }];
    after.topics.push({ id: 'gas', label: 'kebocoran gas', keywords: [{ phrase: 'bau gas', weight: 3 }], baseScore: 70, opd: [{ code: 'DISKARPB', confidence: 0.9 }] });
    after.topics.splice(topicIndex(after, 'perpustakaan'), 1);
    after.signals.push({ phrase: 'zorblax', level: 'critical' });
    after.modifiers = after.modifiers.slice(1);
    after.places[0] = { ...after.places[0], aliases: [...after.places[0].aliases, 'nama baru'] };
    after.lexicon = { ...after.lexicon, replacements: { ...after.lexicon.replacements, zrb: 'zorblax' } };
    after.scoring = { ...after.scoring, thresholds: { ...after.scoring.thresholds, critical: 75 } };

    const summary = summarizeRuleSetChanges(DEFAULT_RULE_SET, after);
    const found = (section: string, kind: string) => summary.items.filter((c) => c.section === section && c.kind === kind).map((c) => c.item);
    expect(found('topics', 'added')).toEqual(['gas']);
    expect(found('topics', 'removed')).toEqual(['perpustakaan']);
    expect(found('routing', 'changed')).toEqual(['pju']);
    expect(summary.items.find((c) => c.section === 'routing')).toMatchObject({ before: 'DISHUB 0.9', after: 'DSDABM 0.8' });
    expect(found('signals', 'added')).toEqual(['zorblax']);
    expect(found('modifiers', 'removed')).toEqual([DEFAULT_RULE_SET.modifiers[0].phrase.trim().toLowerCase()]);
    expect(found('places', 'changed')).toEqual([DEFAULT_RULE_SET.places[0].code]);
    expect(found('lexicon', 'added')).toEqual(['replacements › zrb']);
    expect(summary.items).toContainEqual({ kind: 'changed', section: 'scoring', item: 'scoring.thresholds.critical', before: '80', after: '75' });
    expect(summary.added + summary.removed + summary.changed).toBe(summary.items.length);
  });

  it('compares sections it does not know as a whole, so a new engine field is never missed', () => {
    const before = { ...copy(), model: { weight: 0.3 } } as RuleSet;
    const after = { ...copy(), model: { weight: 0.5 } } as RuleSet;
    expect(summarizeRuleSetChanges(before, after).items).toEqual([
      { kind: 'changed', section: 'model', item: 'model.weight', before: '0.3', after: '0.5' },
    ]);
  });

  it('keeps every count but lists at most maxItems changes', () => {
    const after = copy();
    after.signals = [...after.signals, ...Array.from({ length: 20 }, (_, i) => ({ phrase: `kata ${i}`, level: 'high' as const }))];
    const summary = summarizeRuleSetChanges(DEFAULT_RULE_SET, after, 5);
    expect(summary).toMatchObject({ added: 20, truncated: true });
    expect(summary.items).toHaveLength(5);
  });
});

describe('summarizeRuleSetChanges on word lists of sections it does not know', () => {
  it('lists words added and removed rather than the whole list', () => {
    const before = { ...copy(), misinformation: { strong: ['hoaks', 'pesan berantai'] } } as RuleSet;
    const after = { ...copy(), misinformation: { strong: ['hoaks', 'kabar burung'] } } as RuleSet;
    expect(summarizeRuleSetChanges(before, after).items).toEqual([
      { kind: 'added', section: 'misinformation', item: 'misinformation.strong › kabar burung' },
      { kind: 'removed', section: 'misinformation', item: 'misinformation.strong › pesan berantai' },
    ]);
  });
});
