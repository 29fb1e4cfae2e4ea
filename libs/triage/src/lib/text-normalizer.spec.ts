import { DEFAULT_RULE_SET } from '../data/default-rule-set';
import { createTextNormalizer } from './text-normalizer';

describe('createTextNormalizer', () => {
  const normalizer = createTextNormalizer(DEFAULT_RULE_SET.lexicon, ['banjir', 'bandung', 'gedebage', 'tolong', 'air', 'maaf']);
  const words = (text: string): string[] => normalizer.normalize(text).words;

  it('lower-cases and drops punctuation', () => {
    expect(words('BANJIR di Gedebage!!!')).toEqual(['banjir', 'di', 'gedebage']);
  });

  it('squeezes letters stretched for emphasis back to a known word', () => {
    expect(words('banjiiiir tolooong')).toEqual(['banjir', 'tolong']);
    expect(words('TOLONGGG')).toEqual(['tolong']);
  });

  it('keeps double letters of words it does not know and of words it knows', () => {
    expect(words('maaf saat itu')).toEqual(['maaf', 'saat', 'itu']);
  });

  it('rewrites slang and abbreviations', () => {
    expect(words('yg gk ada tlg bgt udh jln kec. kel.')).toEqual([
      'yang',
      'tidak',
      'ada',
      'tolong',
      'banget',
      'sudah',
      'jalan',
      'kecamatan',
      'kelurahan',
    ]);
    expect(words('ga nggak gak sdh jl. Dago')).toEqual(['tidak', 'tidak', 'tidak', 'sudah', 'jalan', 'dago']);
  });

  it('splits RT/RW numbers', () => {
    expect(words('RT.05/RW.03 dan rt05')).toEqual(['rt', '05', 'rw', '03', 'dan', 'rt', '05']);
  });

  it('reads common Sundanese words', () => {
    expect(words('caah asup ka imah, tulung')).toEqual(['banjir', 'asup', 'ka', 'rumah', 'tolong']);
    expect(words('jalan butut')).toEqual(['jalan', 'rusak']);
    expect(words('seuneu hurung, kahuruan')).toEqual(['api', 'menyala', 'kebakaran']);
    expect(words('punten')).toEqual(['permisi']);
  });

  it('reads emoji as words and remembers the emoji as written', () => {
    const text = normalizer.normalize('🔥🌊 🆘');
    expect(text.words).toEqual(['api', 'gelombang', 'sos']);
    expect(text.surfaces).toEqual(['🔥', '🌊', '🆘']);
  });

  it('splits hashtags into known words', () => {
    expect(words('#banjirbandung #BanjirGedebage')).toEqual(['banjir', 'bandung', 'banjir', 'gedebage']);
    expect(words('#caah_bandung')).toEqual(['banjir', 'bandung']);
  });

  it('marks the words that came from a hashtag', () => {
    expect(normalizer.normalize('pohon tumbang #banjirbandung').hashtag).toEqual([false, false, true, true]);
  });

  it('keeps a hashtag it cannot split as one word', () => {
    expect(words('#prayforbdgx')).toEqual(['prayforbdgx']);
  });

  it('ignores @mentions and URLs', () => {
    expect(words('@humasbdg @pemkot.bandung banjir https://t.co/abc123 www.example.com/x lihat')).toEqual(['banjir', 'lihat']);
  });

  it('keeps one written token for words a replacement expanded', () => {
    const text = normalizer.normalize('hatur nuhun');
    expect(text.words).toEqual(['hatur', 'terima', 'kasih']);
    expect(text.origins).toEqual([0, 1, 1]);
  });

  it('notices questions', () => {
    expect(normalizer.normalize('hoaks gak?').question).toBe(true);
    expect(normalizer.normalize('hoaks').question).toBe(false);
  });
});
