import type { Urgency } from '@sigap/contracts';
import { createTriageEngine, DEFAULT_RULE_SET, type RuleSet } from '@sigap/triage';
import { compareClassifiers, excerptOf, type Classifier, type TrialMention, type TrialTags } from './rule-set.trial';

const mention = (id: string, text: string): TrialMention => ({
  id,
  text,
  channel: 'x',
  postedAt: '2026-01-01T00:00:00.000Z',
  author: { handle: `h${id}` },
});

const tags = (urgency: Urgency, opd: string | null, topic: string | null = null): TrialTags => ({
  urgency,
  score: { critical: 90, high: 70, normal: 45, low: 10 }[urgency],
  opd: opd ? [{ code: opd, confidence: 0.9 }] : [],
  topic,
});

/** A classifier that answers from a table keyed by the message text. */
const table = (answers: Record<string, TrialTags>): Classifier => (input) => answers[input.text];

describe('compareClassifiers', () => {
  it('counts urgency and first-OPD changes separately and lists only changed mentions', () => {
    const mentions = [mention('1', 'a'), mention('2', 'b'), mention('3', 'c'), mention('4', 'd')];
    const published = table({ a: tags('normal', 'DSDABM'), b: tags('low', null), c: tags('high', 'DISHUB'), d: tags('normal', 'DLH') });
    const draft = table({ a: tags('normal', 'DSDABM'), b: tags('critical', 'DISKARPB'), c: tags('high', 'DPKP'), d: tags('low', 'DLH') });
    const result = compareClassifiers(mentions, published, draft, 3);
    expect(result).toMatchObject({ publishedVersion: 3, sampled: 4, changed: 3, urgencyChanged: 2, opdChanged: 2, truncated: false });
    // low → critical moves three classes, normal → low one, a route change none: largest move first.
    expect(result.items.map((item) => item.id)).toEqual(['2', '4', '3']);
    expect(result.items[0]).toMatchObject({
      before: { urgency: 'low', opd: null },
      after: { urgency: 'critical', opd: 'DISKARPB' },
      urgencyChanged: true,
      opdChanged: true,
    });
    expect(result.urgencyMoves).toEqual([
      { from: 'low', to: 'critical', count: 1 },
      { from: 'normal', to: 'low', count: 1 },
    ]);
  });

  it('keeps the counts when the list is cut', () => {
    const mentions = Array.from({ length: 10 }, (_, i) => mention(String(i), 'x'));
    const result = compareClassifiers(mentions, table({ x: tags('low', null) }), table({ x: tags('high', 'DISHUB') }), 1, 4);
    expect(result).toMatchObject({ changed: 10, urgencyChanged: 10, opdChanged: 10, truncated: true });
    // Among equal moves the newest (first given) comes first.
    expect(result.items.map((item) => item.id)).toEqual(['0', '1', '2', '3']);
  });

  it('finds exactly the mentions a new keyword turns critical, with the real engine', () => {
    const draftRules: RuleSet = structuredClone(DEFAULT_RULE_SET);
    draftRules.signals.push({ phrase: 'zorblax', level: 'critical' });
    draftRules.topics.find((t) => t.id === 'kebakaran')?.keywords.push({ phrase: 'zorblax', weight: 3 });
    const published = createTriageEngine(DEFAULT_RULE_SET);
    const draft = createTriageEngine(draftRules);
    const mentions = [
      mention('z1', 'Ada zorblax di gang sebelah rumah, warga panik'),
      mention('n1', 'Jalan berlubang di jln Buah Batu udh sebulan'),
      mention('z2', 'zorblax lagi di pasar, tolong cek'),
      mention('n2', 'Terima kasih damkar Bandung sudah sigap'),
    ];
    const result = compareClassifiers(mentions, (i) => published.classify(i), (i) => draft.classify(i), 1);
    expect(result.items.map((item) => item.id).sort()).toEqual(['z1', 'z2']);
    expect(result.items.every((item) => item.after.urgency === 'critical' && item.after.opd === 'DISKARPB')).toBe(true);
    expect(result.urgencyChanged).toBe(2);
  });
});

describe('excerptOf', () => {
  it('flattens whitespace and cuts long text with an ellipsis', () => {
    expect(excerptOf('  banjir\n\ndi  Gedebage ')).toBe('banjir di Gedebage');
    const long = excerptOf('a'.repeat(500));
    expect(long).toHaveLength(160);
    expect(long.endsWith('…')).toBe(true);
  });
});
