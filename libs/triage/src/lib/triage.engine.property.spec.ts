import { MENTION_LANGUAGES, SENTIMENTS, URGENCIES, type Urgency } from '@sigap/contracts';
import fc from 'fast-check';
import { DEFAULT_RULE_SET } from '../data/default-rule-set';
import { createTriageEngine } from './triage.engine';
import type { TriageResult } from './triage.types';

const engine = createTriageEngine(DEFAULT_RULE_SET);
const topicIds = new Set(DEFAULT_RULE_SET.topics.map((topic) => topic.id));
const { thresholds } = DEFAULT_RULE_SET.scoring;
const BAND: Record<Urgency, [number, number]> = {
  critical: [thresholds.critical, 100],
  high: [thresholds.high, thresholds.critical - 1],
  normal: [thresholds.normal, thresholds.high - 1],
  low: [0, thresholds.normal - 1],
};
const isArea = (code: string): boolean => code.startsWith('KEC-') || code.startsWith('KEL-');

/** Every promise the result makes, checked for one input. */
function expectWellFormed(text: string, result: TriageResult): void {
  expect(URGENCIES).toContain(result.urgency);
  expect(Number.isInteger(result.score)).toBe(true);
  expect(result.score).toBeGreaterThanOrEqual(BAND[result.urgency][0]);
  expect(result.score).toBeLessThanOrEqual(BAND[result.urgency][1]);

  const codes = result.opd.map((tag) => tag.code);
  expect(new Set(codes).size).toBe(codes.length);
  for (const tag of result.opd) {
    expect(tag.code).toMatch(/^[A-Z0-9-]+$/);
    expect(tag.confidence).toBeGreaterThan(0);
    expect(tag.confidence).toBeLessThanOrEqual(1);
  }
  const agencies = result.opd.filter((tag) => !isArea(tag.code));
  expect(agencies.map((tag) => tag.confidence)).toEqual([...agencies.map((tag) => tag.confidence)].sort((a, b) => b - a));

  if (result.kecamatan !== null) expect(result.kecamatan).toMatch(/^KEC-3273\d{3}$/);
  if (result.kelurahan !== null) {
    expect(result.kelurahan).toMatch(/^KEL-3273\d{6}$/);
    expect(result.kecamatan).not.toBeNull();
  }
  if (result.topic !== null) expect(topicIds.has(result.topic)).toBe(true);
  expect(result.reasons.length).toBeLessThanOrEqual(DEFAULT_RULE_SET.scoring.maxReasons);
  for (const reason of result.reasons) expect(typeof reason).toBe('string');
  expect(result.ruleSetVersion).toBe(DEFAULT_RULE_SET.version);

  expect(SENTIMENTS).toContain(result.sentiment);
  expect(MENTION_LANGUAGES).toContain(result.language);
  expect(typeof result.misinformation).toBe('boolean');

  if (result.place !== null) {
    const { place } = result;
    expect(place.start).toBeGreaterThanOrEqual(0);
    expect(place.end).toBeGreaterThan(place.start);
    expect(place.end).toBeLessThanOrEqual(text.length);
    expect(text.slice(place.start, place.end)).toBe(place.text);
    if (place.kecamatan !== null) expect(place.kecamatan).toBe(result.kecamatan);
    expect(place.kelurahan === null || place.kecamatan !== null).toBe(true);
  }
  expect(JSON.parse(JSON.stringify(result))).toEqual(result);
}

const check = (text: string): TriageResult => {
  const result = engine.classify({ text });
  expectWellFormed(text, result);
  return result;
};

const INVISIBLE = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD'];
const EMOJI = ['🔥', '🌊', '🆘', '⚠️', '🙏🏽', '👨‍👩‍👧', '🇮🇩', '❤️', '😭', '🚒', '🌳', '1️⃣', '🏳️‍🌈'];
const PIECES = [
  'banjir', 'sedada', 'terjebak', 'kebakaran', 'hoaks', 'gak', '?', '!!', 'Jl.', 'Gedebage', 'kel.', 'Sukaluyu', 'tidak',
  'sudah surut', 'masih', 'caah', 'tulung', 'please help', '#banjirbandung', '@humasbdg', 'https://t.co/x', 'تولونگ',
  '洪水', 'наводнение', 'बाढ़', 'ｂａｎｊｉｒ', 'b4nj1r', 'anak2', 'ééé', '\n', '  ', ...EMOJI, ...INVISIBLE,
];
const REPORTS = [
  'Tolong! Banjir sedada di Gedebage, warga terjebak di atap rumah',
  'Pohon tumbang menimpa mobil di Jl. Dago',
  'Min, KTP saya sudah 3 bulan belum jadi di Disdukcapil',
  'sampah numpuk di TPS kel. Sukaluyu belum diangkut',
  'Bendungan Jatiluhur jebol?? hoaks gak sih ini',
];

describe('createTriageEngine never breaks and keeps its result well-formed', () => {
  it('for the edge cases named in the issue', () => {
    for (const text of ['', ' ', '\u200B', '?', 'a'.repeat(10_000), '🔥'.repeat(5_000), 'banjir '.repeat(1_500), INVISIBLE.join('')]) {
      check(text);
    }
  });

  it('for any string of code points, lone surrogates included', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => void check(text)), { numRuns: 300 });
  });

  it('for any string of graphemes', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => void check(text)), { numRuns: 300 });
  });

  it('for emoji only', () => {
    const emojiOnly = fc.array(fc.constantFrom(...EMOJI), { maxLength: 80 }).map((list) => list.join(''));
    fc.assert(
      fc.property(emojiOnly, (text) => {
        const result = check(text);
        expect(result.place).toBeNull();
        expect(result.urgency).not.toBe('critical');
      }),
      { numRuns: 200 },
    );
  });

  it('for report words, other scripts, emoji and invisible characters mixed', () => {
    const mixed = fc
      .array(fc.constantFrom(...PIECES), { maxLength: 60 })
      .chain((pieces) => fc.constantFrom(' ', '', ', ').map((glue) => pieces.join(glue)));
    fc.assert(fc.property(mixed, (text) => void check(text)), { numRuns: 500 });
  });

  it('for texts of 10,000 characters, in well under a second each', () => {
    const long = fc.string({ unit: 'binary', minLength: 10_000, maxLength: 10_000 });
    fc.assert(
      fc.property(long, (text) => {
        const started = Date.now();
        check(text);
        expect(Date.now() - started).toBeLessThan(1_000);
      }),
      { numRuns: 15 },
    );
  });

  it('reads a report the same with invisible characters slipped into its words', () => {
    const report = fc.constantFrom(...REPORTS);
    const slips = fc.array(fc.tuple(fc.nat(), fc.constantFrom(...INVISIBLE)), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(report, slips, (text, inserts) => {
        let noisy = text;
        for (const [at, char] of inserts) {
          const i = at % (noisy.length + 1);
          noisy = noisy.slice(0, i) + char + noisy.slice(i);
        }
        const clean = engine.classify({ text });
        const read = check(noisy);
        expect([read.urgency, read.topic, read.kecamatan]).toEqual([clean.urgency, clean.topic, clean.kecamatan]);
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same answer twice', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        expect(engine.classify({ text })).toEqual(engine.classify({ text }));
      }),
      { numRuns: 100 },
    );
  });
});
