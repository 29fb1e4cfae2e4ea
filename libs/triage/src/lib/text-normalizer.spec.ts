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
    expect(words('caah asup ka imah, tulung')).toEqual(['banjir', 'masuk', 'ke', 'rumah', 'tolong']);
    expect(words('cai satuur, aya budak kajebak')).toEqual(['air', 'selutut', 'ada', 'anak', 'terjebak']);
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

  it('drops zero-width characters and soft hyphens inside and around words', () => {
    expect(words('ban\u200Bjir di Ge\u00ADde\u200Dbage\uFEFF')).toEqual(['banjir', 'di', 'gedebage']);
    expect(words('\u200B\u200C\u2060')).toEqual([]);
  });

  it('folds full-width and styled letters and drops accents', () => {
    expect(words('ＢＡＮＪＩＲ 𝐭𝐨𝐥𝐨𝐧𝐠 bañjír')).toEqual(['banjir', 'tolong', 'banjir']);
  });

  it('reads numbers used as letters', () => {
    expect(words('T0L0NG B4NJ1R')).toEqual(['tolong', 'banjir']);
    expect(words('s3d4d4')).toEqual(['sedada']);
  });

  it('keeps numbers that are numbers', () => {
    expect(words('3jt 100rb rt05 2x')).toEqual(['3', 'jt', '100', 'rb', 'rt', '05', '2', 'x']);
  });

  it('reads a word doubled with "2" once', () => {
    expect(words('anak2 gorong2')).toEqual(['anak', 'gorong']);
  });

  it('knows where each word was written in the original text', () => {
    const text = normalizer.normalize('🆘 Tolong!! banjir di Gedebage');
    expect(text.words).toEqual(['sos', 'tolong', 'banjir', 'di', 'gedebage']);
    expect(text.starts).toEqual([0, 3, 12, 19, 22]);
    expect(text.ends).toEqual([2, 9, 18, 21, 30]);
  });

  it('gives hashtag pieces their place inside the hashtag', () => {
    const text = normalizer.normalize('info #banjirbandung');
    expect(text.words).toEqual(['info', 'banjir', 'bandung']);
    expect(text.starts.slice(1)).toEqual([6, 12]);
    expect(text.ends.slice(1)).toEqual([12, 19]);
  });

  it('reads emoji with variation selectors and skin tones, and treats them as weak evidence', () => {
    const text = normalizer.normalize('⚠️ 🙏🏽🔥🔥');
    expect(text.words).toEqual(['waspada', 'mohon', 'api', 'api']);
    expect(text.hashtag).toEqual([true, true, true, true]);
  });

  it('reads common English words', () => {
    expect(words('flood help trapped')).toEqual(['banjir', 'tolong', 'terjebak']);
  });

  it('finds a rule word behind a suffix or a preposition written onto it', () => {
    const withRules = createTextNormalizer(DEFAULT_RULE_SET.lexicon, ['api', 'lubang', 'rumah']);
    expect(withRules.normalize('apinya lubangnya dirumah').words).toEqual(['api', 'lubang', 'di', 'rumah']);
  });

  describe('with everyday words (fuzzy matching on)', () => {
    const fuzzy = createTextNormalizer(DEFAULT_RULE_SET.lexicon, ['kebakaran', 'banjir', 'sampah', 'terjebak', 'evakuasi'], {
      commonWords: new Set(['sampai', 'kebakaran']),
    });
    const read = (text: string): string[] => fuzzy.normalize(text).words;

    it('reads a word of six letters or more one edit from a rule word as that word', () => {
      expect(read('kebakran kebakaaran kebakarna')).toEqual(['kebakaran', 'kebakaran', 'kebakaran']);
      expect(read('terjebk evakusi')).toEqual(['terjebak', 'evakuasi']);
    });

    it('leaves everyday words and short words alone', () => {
      expect(read('sampai')).toEqual(['sampai']);
      expect(read('banjr')).toEqual(['banjr']);
    });
  });
});
