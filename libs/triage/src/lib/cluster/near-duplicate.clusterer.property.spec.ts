import fc from 'fast-check';
import { DEFAULT_RULE_SET } from '../../data/default-rule-set';
import { createTextNormalizer } from '../text-normalizer';
import { NearDuplicateClusterer, type ClusterMention } from './near-duplicate.clusterer';

const normalizer = createTextNormalizer(DEFAULT_RULE_SET.lexicon);
const HOUR = 3600_000;

const texts = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.constantFrom('', ' ', '🔥🔥🔥', '\u200b\u200c\u200d', 'RT @a:', 'RT @a: RT @b: banjir', 'x'.repeat(10_000), 'banjir di gedebage tolong'),
  fc.array(fc.constantFrom('banjir', 'di', 'gedebage', 'tolong', 'pohon', 'tumbang', 'jalan', 'rusak', 'rt', 'rw', '#banjir', '🌊'), { maxLength: 30 }).map((words) => words.join(' ')),
);
const stream = fc.array(
  fc.record({ text: texts, minutes: fc.integer({ min: -60, max: 24 * 60 }), place: fc.constantFrom(null, 'KEC-A', 'KEC-B') }),
  { maxLength: 60 },
);

const toMentions = (items: { text: string; minutes: number; place: string | null }[]): ClusterMention<string>[] =>
  items.map((item, i) => ({ id: `m${i}`, at: item.minutes * 60_000, text: item.text, place: item.place ? { kecamatan: item.place } : null }));

describe('NearDuplicateClusterer on any input', () => {
  it('never throws, names a cluster after a message already seen, and gives the same answer twice', () => {
    fc.assert(
      fc.property(stream, (items) => {
        const mentions = toMentions(items);
        const run = () => {
          const clusterer = new NearDuplicateClusterer(normalizer, { windowMs: 2 * HOUR, maxClusters: 20 });
          return mentions.map((mention) => clusterer.assign(mention));
        };
        const first = run();
        const seen = new Set<string>();
        first.forEach((assignment, i) => {
          seen.add(mentions[i].id);
          expect(seen.has(assignment.clusterId)).toBe(true);
          expect(assignment.size).toBeGreaterThanOrEqual(1);
          expect(assignment.created).toBe(assignment.clusterId === mentions[i].id);
        });
        expect(run()).toEqual(first);
      }),
      { numRuns: 200 },
    );
  });
});
