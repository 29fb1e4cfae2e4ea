#!/usr/bin/env node
// Derives the word lists the triage engine ships from the openly licensed sets in ../shared/data:
//
//   libs/triage/src/data/sentiment-lexicon.data.ts  word → weight, from the training parts of
//       IndoNLU SmSA (sentiment), IndoNLU EmoT (anger/fear/sadness = negative, happy/love = positive)
//       and NusaX Sundanese (sentiment); smoothed log-odds of a word's document rate in positive
//       versus negative texts, shrunk for rare words.
//   libs/triage/src/data/common-words.data.ts       everyday words of six letters or more (all parts
//       of the three sets, seen at least three times): never "corrected" by fuzzy matching.
//   libs/triage/src/data/language-markers.data.ts   words typical of Sundanese (frequent in NusaX,
//       rare in the Indonesian sets) and of Indonesian (the other way round).
//
// Then it reports, with the engine as rebuilt from those files, the sentiment accuracy on the
// validation and test parts, which the derivation never saw. Attribution: NOTICE.
//
//   node scripts/derive-triage-lexicons.mjs [--data=../shared/data] [--check]
//
// --check  only reports the accuracy of the files as they are
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = path.join(repoRoot, 'libs', 'triage', 'src', 'data');

const MIN_DOCS = 5;
const MIN_WEIGHT = 0.45;
const MAX_WEIGHT = 2.5;
const SHRINK = 6;
const COMMON_MIN_COUNT = 3;
const COMMON_MIN_LENGTH = 6;
const MARKER_MIN_DOCS = 3;
const MARKER_RATIO = 12;

function parseOptions(argv) {
  const options = { data: path.resolve(repoRoot, '..', 'shared', 'data'), check: false };
  for (const arg of argv) {
    if (arg.startsWith('--data=')) options.data = path.resolve(arg.slice('--data='.length));
    else if (arg === '--check') options.check = true;
    else throw new Error(`unknown option ${arg}`);
  }
  return options;
}

/** RFC 4180-ish: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

const EMOTION_POLARITY = { anger: 'negative', fear: 'negative', sadness: 'negative', happy: 'positive', love: 'positive' };

/** Every labelled text as { text, label: positive|negative|neutral, lang: id|su, set, part }. */
function loadSets(dataDir) {
  const docs = [];
  const read = (file) => fs.readFileSync(path.join(dataDir, file), 'utf8');
  for (const part of ['train', 'valid', 'test']) {
    for (const line of read(`indonlu/smsa_${part}_preprocess.tsv`).split('\n')) {
      const tab = line.lastIndexOf('\t');
      if (tab < 0) continue;
      const label = line.slice(tab + 1).trim();
      if (['positive', 'negative', 'neutral'].includes(label)) docs.push({ text: line.slice(0, tab), label, lang: 'id', set: 'smsa', part });
    }
    for (const [label, text] of parseCsv(read(`indonlu/emot_${part}_preprocess.csv`)).slice(1)) {
      const polarity = EMOTION_POLARITY[label];
      if (polarity && text) docs.push({ text, label: polarity, lang: 'id', set: 'emot', part });
    }
    for (const [, text, label] of parseCsv(read(`nusax-sundanese/${part}.csv`)).slice(1)) {
      if (['positive', 'negative', 'neutral'].includes(label) && text) docs.push({ text, label, lang: 'su', set: 'nusax', part });
    }
  }
  return docs;
}

const RAW_WORD = /\p{L}+/gu;
const rawWords = (text) => (text.toLowerCase().match(RAW_WORD) ?? []).filter((w) => !['url', 'username', 'hashtag'].includes(w));

// Nouns the review and tweet sets colour by their own subject (restaurants in Bandung, politics):
// "bandung" and "jalan" are not praise, "ktp" is not a complaint, in a message to the city.
const NOT_SENTIMENT = new Set(
  ('jalan air kota tempat rumah pasar taman sekolah hotel anak warga orang pemkot pemerintah wali kota ktp kk ' +
    'listrik lampu parkir sungai pohon gedung kantor pelayanan layanan petugas admin bapak ibu pak bu jam hari ' +
    'minggu bulan tahun pagi siang sore malam jakarta indonesia jokowi prabowo ahok anies presiden').split(' '),
);

function deriveSentiment(docs, normalizer, excluded) {
  const counts = new Map();
  const totals = { positive: 0, negative: 0 };
  for (const doc of docs) {
    if (doc.part !== 'train' || doc.label === 'neutral') continue;
    totals[doc.label]++;
    for (const word of new Set(normalizer.normalize(doc.text.replace(/\[(?:USERNAME|URL|HASHTAG)\]/g, ' ')).words)) {
      if (!/^\p{L}{2,}$/u.test(word) || excluded.has(word) || NOT_SENTIMENT.has(word)) continue;
      const entry = counts.get(word) ?? { positive: 0, negative: 0 };
      entry[doc.label]++;
      counts.set(word, entry);
    }
  }
  const weights = [];
  for (const [word, c] of counts) {
    const n = c.positive + c.negative;
    if (n < MIN_DOCS) continue;
    const logOdds = Math.log((c.positive + 1) / (totals.positive + 2)) - Math.log((c.negative + 1) / (totals.negative + 2));
    const weight = Math.max(-MAX_WEIGHT, Math.min(MAX_WEIGHT, logOdds)) * (n / (n + SHRINK));
    if (Math.abs(weight) >= MIN_WEIGHT) weights.push([word, Math.round(weight * 100) / 100]);
  }
  return weights.sort((a, b) => a[0].localeCompare(b[0]));
}

function deriveCommonWords(docs) {
  const counts = new Map();
  for (const doc of docs) for (const word of rawWords(doc.text)) counts.set(word, (counts.get(word) ?? 0) + 1);
  return [...counts]
    .filter(([word, n]) => n >= COMMON_MIN_COUNT && word.length >= COMMON_MIN_LENGTH)
    .map(([word]) => word)
    .sort();
}

function deriveLanguageMarkers(docs) {
  const df = { id: new Map(), su: new Map() };
  const total = { id: 0, su: 0 };
  for (const doc of docs) {
    total[doc.lang]++;
    for (const word of new Set(rawWords(doc.text))) df[doc.lang].set(word, (df[doc.lang].get(word) ?? 0) + 1);
  }
  const typical = (lang, other) =>
    [...df[lang]]
      .filter(([word, n]) => {
        if (n < MARKER_MIN_DOCS || word.length < 2) return false;
        const rate = n / total[lang];
        const otherRate = ((df[other].get(word) ?? 0) + 0.5) / total[other];
        return rate / otherRate >= MARKER_RATIO;
      })
      .map(([word]) => word)
      .sort();
  return { sundanese: typical('su', 'id'), indonesian: typical('id', 'su') };
}

const HEADER = (what) =>
  `/*\n * ${what}\n * Generated by scripts/derive-triage-lexicons.mjs from IndoNLU SmSA and EmoT (Apache-2.0,\n * Wilie et al., AACL 2020) and NusaX Sundanese (CC BY-SA 4.0, Winata et al., EACL 2023); see NOTICE.\n * Do not edit by hand: change the script and run it again.\n */\n`;

/** A long word list as a TypeScript string constant, wrapped at about 110 characters. */
function stringConstant(name, items) {
  const lines = [];
  let line = '';
  for (const item of items) {
    if (line && line.length + item.length + 1 > 110) {
      lines.push(line);
      line = '';
    }
    line = line ? `${line} ${item}` : item;
  }
  if (line) lines.push(line);
  if (lines.length === 0) return `export const ${name} = '';\n`;
  return `export const ${name} = [\n${lines.map((l) => `  '${l}',`).join('\n')}\n].join(' ');\n`;
}

function writeFiles(sentiment, common, markers) {
  fs.writeFileSync(
    path.join(OUT_DIR, 'sentiment-lexicon.data.ts'),
    HEADER(`Sentiment weight of ${sentiment.length} words as "word:weight" (positive > 0 > negative).`) +
      stringConstant('DERIVED_SENTIMENT_WEIGHTS', sentiment.map(([word, weight]) => `${word}:${weight}`)),
  );
  fs.writeFileSync(
    path.join(OUT_DIR, 'common-words.data.ts'),
    HEADER(`${common.length} everyday Indonesian and Sundanese words of six letters or more, separated by spaces.`) +
      stringConstant('COMMON_WORDS', common),
  );
  fs.writeFileSync(
    path.join(OUT_DIR, 'language-markers.data.ts'),
    HEADER(`Words typical of Sundanese (${markers.sundanese.length}) and of Indonesian (${markers.indonesian.length}), as written.`) +
      stringConstant('SUNDANESE_MARKERS', markers.sundanese) +
      stringConstant('INDONESIAN_MARKERS', markers.indonesian),
  );
}

/** Accuracy and macro-F1 of the engine's sentiment on one group of texts. */
function sentimentScore(engine, docs) {
  const labels = { positive: 'positif', negative: 'negatif', neutral: 'netral' };
  const confusion = new Map();
  let correct = 0;
  for (const doc of docs) {
    const guess = engine.classify({ text: doc.text }).sentiment;
    const truth = labels[doc.label];
    if (guess === truth) correct++;
    const key = `${truth}>${guess}`;
    confusion.set(key, (confusion.get(key) ?? 0) + 1);
  }
  const f1s = Object.values(labels).map((label) => {
    const tp = confusion.get(`${label}>${label}`) ?? 0;
    let predicted = 0;
    let actual = 0;
    for (const [key, n] of confusion) {
      const [t, g] = key.split('>');
      if (g === label) predicted += n;
      if (t === label) actual += n;
    }
    const p = predicted ? tp / predicted : 0;
    const r = actual ? tp / actual : 0;
    return p + r ? (2 * p * r) / (p + r) : 0;
  });
  return { n: docs.length, accuracy: docs.length ? correct / docs.length : 0, macroF1: f1s.reduce((a, b) => a + b, 0) / f1s.length };
}

function main() {
  const options = parseOptions(process.argv.slice(2));
  if (!fs.existsSync(options.data)) throw new Error(`no data at ${options.data}; pass --data=<dir with indonlu/ and nusax-sundanese/>`);
  const docs = loadSets(options.data);
  const triage = require('./lib/load-triage.cjs').loadTriage();

  if (!options.check) {
    const normalizer = triage.createTextNormalizer(triage.DEFAULT_RULE_SET.lexicon);
    const placeWords = new Set(
      triage.DEFAULT_RULE_SET.places.flatMap((place) => [place.name, ...place.aliases]).flatMap((alias) => normalizer.normalize(alias).words),
    );
    const sentiment = deriveSentiment(docs, normalizer, placeWords);
    const common = deriveCommonWords(docs);
    const markers = deriveLanguageMarkers(docs);
    writeFiles(sentiment, common, markers);
    console.log(`wrote ${sentiment.length} sentiment weights, ${common.length} common words, ${markers.sundanese.length} Sundanese and ${markers.indonesian.length} Indonesian markers`);
  }

  // A fresh process would load the files just written; this one may have them cached, so report in one.
  if (!options.check) return;
  const engine = triage.createTriageEngine(triage.DEFAULT_RULE_SET);
  for (const part of ['valid', 'test']) {
    for (const set of ['smsa', 'emot', 'nusax']) {
      const group = docs.filter((d) => d.part === part && d.set === set && (set !== 'emot' || d.label !== 'neutral'));
      const { n, accuracy, macroF1 } = sentimentScore(engine, group);
      console.log(`${part.padEnd(5)} ${set.padEnd(5)} n=${String(n).padStart(5)}  accuracy ${(accuracy * 100).toFixed(1)}%  macro-F1 ${macroF1.toFixed(3)}`);
    }
  }
}

try {
  main();
} catch (error) {
  console.error(`derive-triage-lexicons: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
