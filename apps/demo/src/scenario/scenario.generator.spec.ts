import { CHANNELS, INGEST_LIMITS, type MentionInput } from '@sigap/contracts';
import { generateScenario, rateAt, type ScenarioEvent } from './scenario.generator';
import { SCENARIO_SECONDS, STORYLINES, STORYLINE_IDS } from './storylines';

describe('generateScenario', () => {
  const startAt = Date.parse('2025-01-15T08:00:00.000Z');
  const first = generateScenario({ seed: 'bandung', loop: 0, startAt, speed: 1 });

  const perSecond = (events: ScenarioEvent[]): number[] => {
    const counts = new Array<number>(SCENARIO_SECONDS).fill(0);
    for (const event of events) counts[Math.floor(event.at / 1000)]++;
    return counts;
  };

  it('gives the same mentions for the same seed', () => {
    const again = generateScenario({ seed: 'bandung', loop: 0, startAt, speed: 1 });
    // Compared as one boolean: a diff of two 8,000-mention arrays would swamp the report.
    expect(again.length).toBe(first.length);
    expect(JSON.stringify(again) === JSON.stringify(first)).toBe(true);
  });

  it('gives other mentions for another seed or loop', () => {
    const otherSeed = generateScenario({ seed: 'cimahi', loop: 0, startAt, speed: 1 });
    expect(otherSeed.map((e) => e.mention.text).join('\n') === first.map((e) => e.mention.text).join('\n')).toBe(false);
    const nextLoop = generateScenario({ seed: 'bandung', loop: 1, startAt, speed: 1 });
    const ids = new Set(first.map((e) => `${e.mention.channel}|${e.mention.externalId}`));
    expect(nextLoop.filter((e) => ids.has(`${e.mention.channel}|${e.mention.externalId}`))).toEqual([]);
  });

  it('covers every storyline and every phase', () => {
    expect(new Set(first.map((e) => e.storyline))).toEqual(new Set(STORYLINE_IDS));
    for (const storyline of STORYLINES) {
      for (const phase of storyline.phases) {
        expect([storyline.id, phase.id, first.some((e) => e.storyline === storyline.id && e.phase === phase.id)]).toEqual([
          storyline.id,
          phase.id,
          true,
        ]);
      }
    }
  });

  it('produces mentions the ingest API accepts', () => {
    const problems = (mention: MentionInput): string[] => {
      const found: string[] = [];
      if (!(CHANNELS as readonly string[]).includes(mention.channel)) found.push('channel');
      if (mention.text.trim().length < 1 || mention.text.length > INGEST_LIMITS.maxTextLength) found.push('text');
      if (!mention.externalId || mention.externalId.length > INGEST_LIMITS.maxExternalIdLength) found.push('externalId');
      if (!mention.author.handle.trim() || mention.author.handle.length > INGEST_LIMITS.maxHandleLength) found.push('handle');
      if (Number.isNaN(Date.parse(mention.postedAt)) || !mention.postedAt.endsWith('Z')) found.push('postedAt');
      if (mention.url && !/^https:\/\//.test(mention.url)) found.push('url');
      if ((mention.media ?? []).some((media) => !/^https:\/\//.test(media.url))) found.push('media');
      if (mention.location && (Math.abs(mention.location.lat) > 90 || Math.abs(mention.location.lon) > 180)) found.push('location');
      return found;
    };
    const invalid = first.filter((e) => problems(e.mention).length > 0).map((e) => [e.mention, problems(e.mention)]);
    expect(invalid).toEqual([]);

    const keys = first.map((e) => `${e.mention.channel}|${e.mention.externalId}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('replies only to posts that exist', () => {
    const ids = new Set(first.map((e) => e.mention.externalId));
    const replies = first.filter((e) => e.mention.inReplyTo);
    expect(replies.length).toBeGreaterThan(0);
    for (const { mention } of replies) expect(ids.has(mention.inReplyTo as string)).toBe(true);
  });

  it('reposts the same text under other ids', () => {
    const byText = new Map<string, MentionInput[]>();
    for (const { mention } of first) {
      const text = mention.text.replace(/^RT @[^:]+: /, '');
      byText.set(text, [...(byText.get(text) ?? []), mention]);
    }
    const [mostShared] = [...byText.values()].sort((a, b) => b.length - a.length);
    expect(mostShared.length).toBeGreaterThan(20);
    expect(new Set(mostShared.map((m) => m.externalId)).size).toBe(mostShared.length);
  });

  it('is in time order, spans the loop and posts at the pace of the speed', () => {
    for (let i = 1; i < first.length; i++) expect(first[i].at).toBeGreaterThanOrEqual(first[i - 1].at);
    expect(first[first.length - 1].at).toBeLessThan(SCENARIO_SECONDS * 1000);
    const fast = generateScenario({ seed: 'bandung', loop: 0, startAt, speed: 4 });
    const last = fast[fast.length - 1];
    expect(Date.parse(last.mention.postedAt) - startAt).toBe(Math.floor(last.at / 4));
  });

  it('has a few thousand mentions, a quiet background and a burst at the flood peak', () => {
    expect(first.length).toBeGreaterThan(3_000);
    expect(first.length).toBeLessThan(12_000);
    const counts = perSecond(first);
    const quiet = counts.slice(0, 200).reduce((sum, n) => sum + n, 0) / 200;
    expect(quiet).toBeGreaterThanOrEqual(1);
    expect(quiet).toBeLessThanOrEqual(3);
    const peak = Math.max(...counts);
    expect(peak).toBeGreaterThanOrEqual(20);
    expect(peak).toBeLessThanOrEqual(80);
    const peakSecond = counts.indexOf(peak);
    expect(first.filter((e) => Math.floor(e.at / 1000) === peakSecond && e.storyline === 'banjir-timur').length).toBeGreaterThan(peak / 2);
  });

  it('tells the flood in order: reports, burst, then "sudah surut"', () => {
    const phaseStart = (phase: string): number => first.find((e) => e.storyline === 'banjir-timur' && e.phase === phase)?.at ?? NaN;
    expect(phaseStart('hujan')).toBeLessThan(phaseStart('naik'));
    expect(phaseStart('naik')).toBeLessThan(phaseStart('puncak'));
    expect(phaseStart('puncak')).toBeLessThan(phaseStart('surut'));
    expect(first.some((e) => e.phase === 'surut' && /surut/i.test(e.mention.text))).toBe(true);
  });

  it('writes in Indonesian, Sundanese and slang', () => {
    const texts = first.map((e) => e.mention.text.toLowerCase());
    expect(texts.some((t) => /\bcaah\b|\bimah\b|\bnuhun\b|\bpunten\b/.test(t))).toBe(true);
    expect(texts.some((t) => /\bgak\b|\budah\b|\bbgt\b|\bgaes\b/.test(t))).toBe(true);
    expect(texts.some((t) => /terjebak/.test(t))).toBe(true);
  });
});

describe('rateAt', () => {
  const phase = { id: 'p', templates: ['x'], rate: [[10, 0], [20, 10], [30, 0]] as const };

  it('interpolates between points and is zero outside the phase', () => {
    expect(rateAt(phase, 5)).toBe(0);
    expect(rateAt(phase, 15)).toBe(5);
    expect(rateAt(phase, 20)).toBe(10);
    expect(rateAt(phase, 25)).toBe(5);
    expect(rateAt(phase, 31)).toBe(0);
  });
});
