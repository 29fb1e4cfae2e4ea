import { FuzzyMatcher, withinOneEdit } from './fuzzy-matcher';

describe('withinOneEdit', () => {
  it.each([
    ['banjir', 'banjir'],
    ['banjr', 'banjir'],
    ['banjirr', 'banjir'],
    ['bamjir', 'banjir'],
    ['bajnir', 'banjir'],
  ])('%s is within one edit of %s', (a, b) => {
    expect(withinOneEdit(a, b)).toBe(true);
    expect(withinOneEdit(b, a)).toBe(true);
  });

  it.each([
    ['bnajri', 'banjir'],
    ['banjiran', 'banjir'],
    ['sampai', 'samp'],
    ['', 'ab'],
  ])('%s is not within one edit of %s', (a, b) => {
    expect(withinOneEdit(a, b)).toBe(false);
  });
});

describe('FuzzyMatcher', () => {
  const matcher = new FuzzyMatcher(['kebakaran', 'evakuasi', 'padam', 'padat', 'banjir', 'ab'], 6);

  it('finds the one vocabulary word an edit away', () => {
    expect(matcher.match('kebakran')).toBe('kebakaran');
    expect(matcher.match('kebakarann')).toBe('kebakaran');
    expect(matcher.match('evakusai')).toBe('evakuasi');
    expect(matcher.match('banjiir')).toBe('banjir');
  });

  it('answers null when no word is close', () => {
    expect(matcher.match('kebakaranan')).toBeNull();
    expect(matcher.match('sekolah')).toBeNull();
  });

  it('answers null when two words are equally close', () => {
    expect(matcher.match('padar')).toBeNull();
  });

  it('does not index words shorter than one below the minimum', () => {
    expect(matcher.match('abc')).toBeNull();
  });
});
