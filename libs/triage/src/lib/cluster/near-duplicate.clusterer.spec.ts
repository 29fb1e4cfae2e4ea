import { DEFAULT_RULE_SET } from '../../data/default-rule-set';
import { createTextNormalizer } from '../text-normalizer';
import { NearDuplicateClusterer, type ClusterMention, type ClusterPlace, type NearDuplicateOptions } from './near-duplicate.clusterer';

const HOUR = 3600_000;
const T0 = Date.UTC(2025, 2, 12, 7, 0, 0);
const normalizer = createTextNormalizer(DEFAULT_RULE_SET.lexicon);
const clusterer = (options: Partial<NearDuplicateOptions> = {}) => new NearDuplicateClusterer(normalizer, options);

const FLOOD = 'Banjir sedada di Jl. Soekarno-Hatta dekat Gedebage, warga terjebak tolong!!';
const TREE = 'Pohon tumbang menimpa mobil di Jl. Pasteur depan BTC, jalan tertutup total';

let counter = 0;
const m = (text: string, minutes = 0, place: ClusterPlace | null = null): ClusterMention<string> => ({
  id: `m${++counter}`,
  at: T0 + minutes * 60_000,
  text,
  place,
});

/** Assigns every message in order and returns their cluster ids. */
const run = (c: NearDuplicateClusterer, mentions: ClusterMention<string>[]): string[] => mentions.map((x) => c.assign(x).clusterId);

describe('NearDuplicateClusterer', () => {
  it('puts retweets, copy-paste and small edits of one report in the cluster of the first', () => {
    const c = clusterer();
    const storm = [
      m(FLOOD),
      m(`RT @infobdg: ${FLOOD}`, 1),
      m(FLOOD.toUpperCase(), 2),
      m(`${FLOOD} https://t.co/abc123 @humasbdg`, 3),
      m('banjiiir sedada di jln soekarno hatta dekat gedebage, warga terjebak tlg!!!', 4),
      m('Banjir sedada di Jl Soekarno Hatta dekat Gedebage warga terjebak tolong segera dievakuasi', 5),
      m('banjir sedada di jl. soekarno-hatta dekat gedebage, warga terjebak, tolong! #banjirbandung', 6),
    ];
    const ids = run(c, storm);
    expect(new Set(ids)).toEqual(new Set([storm[0].id]));
    const last = c.assign(m(`RT @warga: ${FLOOD}`, 7));
    expect(last).toMatchObject({ clusterId: storm[0].id, size: 8, created: false, first: { id: storm[0].id, at: T0 } });
  });

  it('keeps different incidents apart, also when they share a street and a template', () => {
    const c = clusterer();
    const mentions = [
      m(FLOOD),
      m(TREE),
      m('Jalan berlubang di Jl. Soekarno-Hatta dekat Gedebage, tolong diperbaiki'),
      m('Pohon tumbang di Jl. Dago depan Borromeus, jalan tertutup'),
      m('Sampah belum diangkut 3 hari di TPS Cicadas, baunya sampai ke rumah warga'),
      m('Terima kasih Pak Wali, jalan di depan rumah kami sudah diperbaiki'),
    ];
    const ids = run(c, mentions);
    expect(ids).toEqual(mentions.map((x) => x.id));
    expect(c.openClusters).toBe(mentions.length);
  });

  it('joins short messages only when they are exact duplicates', () => {
    const c = clusterer();
    const [a, b, d, e] = run(c, [m('mantap pak wali'), m('mantap pak'), m('MANTAP pak wali!!'), m('')]);
    expect(b).not.toBe(a);
    expect(d).toBe(a);
    expect(e).not.toBe(a);
  });

  it('opens a new cluster once the window has passed, and forgets idle clusters', () => {
    const c = clusterer({ windowMs: 6 * HOUR });
    const first = m(FLOOD, 0);
    const within = m(FLOOD, 5 * 60);
    expect(run(c, [first, within])).toEqual([first.id, first.id]);
    // The window runs from the last message: 5 h 59 after the second one still joins.
    expect(c.assign(m(FLOOD, 5 * 60 + 359)).clusterId).toBe(first.id);
    const late = m(FLOOD, 5 * 60 + 359 + 6 * 60 + 1);
    expect(c.assign(late)).toMatchObject({ clusterId: late.id, created: true, size: 1 });
    expect(c.openClusters).toBe(1);
    expect(c.stats()).toMatchObject({ open: 1, exemplars: 1 });
  });

  it('does not join a message from more than a window before the cluster began', () => {
    const c = clusterer({ windowMs: HOUR });
    const opener = m(FLOOD, 120);
    c.assign(opener);
    expect(c.assign(m(FLOOD, 70)).clusterId).toBe(opener.id);
    expect(c.assign(m(FLOOD, 0)).clusterId).not.toBe(opener.id);
  });

  it('reports the earliest message when an older one arrives late', () => {
    const c = clusterer();
    const opener = m(FLOOD, 30);
    const older = m(FLOOD, 10);
    c.assign(opener);
    expect(c.assign(older)).toMatchObject({ clusterId: opener.id, first: { id: older.id, at: older.at } });
  });

  it('keeps the same text from two kecamatan apart, and lets a message with no place join', () => {
    const c = clusterer();
    const text = 'Air PDAM mati sejak kemarin pagi, warga harus beli air galon, tolong segera diperbaiki';
    const [a, b, d, e] = run(c, [
      m(text, 0, { kecamatan: 'KEC-A' }),
      m(text, 1, { kecamatan: 'KEC-B' }),
      m(text, 2, { kecamatan: 'KEC-A' }),
      m(text, 3, null),
    ]);
    expect(b).not.toBe(a);
    expect(d).toBe(a);
    expect(e).toBe(a);
  });

  it('keeps two streets of one kecamatan apart once the cluster knows its street', () => {
    const c = clusterer();
    const [riau, merdeka, riauAgain, somewhere] = run(c, [
      m('Lampu PJU mati di Jl. Riau sudah seminggu, gelap sekali kalau malam', 0, { kecamatan: 'KEC-X', street: 'Jl. Riau' }),
      m('Lampu PJU mati di Jl. Merdeka sudah seminggu, gelap sekali kalau malam', 1, { kecamatan: 'KEC-X', street: 'Jl. Merdeka' }),
      m('lampu pju mati di jl riau sudah seminggu gelap sekali kalau malam!!', 2, { kecamatan: 'KEC-X', street: 'Jl. Riau' }),
      m('Lampu PJU mati sudah seminggu, gelap sekali kalau malam', 3, { kecamatan: 'KEC-X' }),
    ]);
    expect(merdeka).not.toBe(riau);
    expect(riauAgain).toBe(riau);
    expect(somewhere).toBe(riau);
  });

  it('gives the same ids for the same messages in the same order', () => {
    const texts = [FLOOD, TREE, `RT @a: ${FLOOD}`, `${TREE} 😭`, 'Lampu jalan mati di Jl. Riau sejak seminggu lalu, gelap sekali', `RT @b: ${TREE}`];
    const mentions = Array.from({ length: 300 }, (_, i) => ({ id: `d${i}`, at: T0 + i * 20 * 60_000, text: texts[i % texts.length], place: null }));
    const first = run(clusterer({ windowMs: HOUR }), mentions);
    const second = run(clusterer({ windowMs: HOUR }), mentions);
    expect(second).toEqual(first);
    expect(new Set(first).size).toBeGreaterThan(3);
  });

  it('restores stored clusters so that newcomers join them after a restart', () => {
    const c = clusterer();
    c.expire(T0 + 60 * 60_000);
    c.restore(
      { id: 'stored-2', at: T0 + 5 * 60_000, text: `RT @x: ${FLOOD}` },
      { id: 'stored-1', size: 12, firstId: 'stored-1', firstAt: T0, lastAt: T0 + 50 * 60_000, place: null },
    );
    expect(c.assign(m(FLOOD, 61))).toMatchObject({ clusterId: 'stored-1', size: 13, first: { id: 'stored-1', at: T0 } });
    // A cluster idle for longer than the window is not brought back.
    c.restore(
      { id: 'old-1', at: T0 - 10 * HOUR, text: TREE },
      { id: 'old-1', size: 2, firstId: 'old-1', firstAt: T0 - 10 * HOUR, lastAt: T0 - 9 * HOUR, place: null },
    );
    expect(c.assign(m(TREE, 62)).created).toBe(true);
  });

  it('closes the least recently joined clusters beyond maxClusters', () => {
    const c = clusterer({ maxClusters: 3 });
    const ids = run(c, [m(FLOOD), m(TREE), m('Sampah menumpuk di pinggir jalan dekat pasar Kosambi sudah tiga hari'), m('Lampu jalan mati di Jl. Riau sejak seminggu lalu, gelap sekali')]);
    expect(c.openClusters).toBe(3);
    expect(c.assign(m(FLOOD, 1)).clusterId).not.toBe(ids[0]);
    expect(c.stats().open).toBe(3);
  });

  it('uses the words the caller normalised already', () => {
    const c = clusterer();
    const opener = m(FLOOD);
    c.assign(opener);
    const words = normalizer.normalize(`${FLOOD} segera`).words;
    expect(c.assign({ id: 'w1', at: T0, text: 'text the caller normalised', words }).clusterId).toBe(opener.id);
    // A retweet's own words start with the marker: its quoted text is read again.
    const retweet = `RT @x: ${FLOOD}`;
    expect(c.assign({ id: 'w2', at: T0, text: retweet, words: normalizer.normalize(retweet).words }).clusterId).toBe(opener.id);
  });

  it('refuses options that cannot work', () => {
    expect(() => clusterer({ threshold: 0 })).toThrow(RangeError);
    expect(() => clusterer({ windowMs: -1 })).toThrow(RangeError);
  });
});
