#!/usr/bin/env node
// How fast the triage engine classifies, and classifies + clusters near-duplicates, on one core
// with 10,000 clusters open. No database, no network: the engine is loaded from libs/triage.
//
//   node scripts/bench-triage.mjs [--mentions=50000] [--open=10000] [--rounds=5] [--window-hours=6]
//                                 [--duplicates=0.4] [--no-pin]
//
// The measured stream is made of messages put together from the rule set's words and the city's
// places (see createStream), of which a share are near-duplicates (retweets, copy-paste, small
// edits) of recent ones. Time advances so that about `--open` clusters stay open throughout. It pins itself to one
// CPU with taskset when it can. The last line printed is the whole result as JSON; scripts may also
// import { runTriageBench } and call it.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const { loadTriage } = require('./lib/load-triage.cjs');

const DEFAULTS = { mentions: 50_000, open: 10_000, rounds: 5, 'window-hours': 6, duplicates: 0.4, pin: true };
export const TARGET_PER_SECOND = 20_000;

// ---------------------------------------------------------------------------------------------
// A deterministic stream of messages
// ---------------------------------------------------------------------------------------------

function prng(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Messages are put together from parts: who is addressed, what is wrong (the rule set's own
// keywords), where (the city's places), words of the rule set and of chatter in a free order,
// and what is asked. Two fresh messages share about as many word pairs as two hand-written
// reports do (libs/triage/eval): rarely more than one or two.
const OPENERS = ['Pak,', 'Min,', 'Punten,', 'Lapor!', 'Tolong!', 'Info:', 'Kang,', 'Bu,', 'Warga sini mau lapor,', 'Halo @humasbdg', 'Yth. Pemkot,', 'Assalamualaikum,'];
const LINKS = ['di', 'di daerah', 'dekat', 'depan', 'sekitar', 'di belakang', 'arah', 'di gang', 'samping', 'seberang', 'ujung'];
const ASKS = ['tolong segera ditangani', 'mohon dicek', 'kapan diperbaiki?', 'hoaks gak sih?', 'gimana ini pak', 'terima kasih', 'tolong dievakuasi', 'mohon ditertibkan', 'apa sudah ada info?', 'cepat ya', 'nuhun', 'punten pisan'];
const CHATTER = (
  'tolong mohon segera pak bu min kang teh euy atuh sih dong lagi masih sudah belum sekarang tadi ' +
  'pagi siang sore malam subuh kemarin besok warga rumah anak ibu bapak motor mobil angkot ojol ' +
  'jalan gang rt rw dekat depan belakang samping pasar sekolah masjid kantor terminal stasiun ' +
  'parah banget bgt pisan gimana kenapa kapan kok ya nih tuh udah gak ga nggak teu aya cai hujan ' +
  'deras angin kencang macet gelap bau kotor rusak mati bocor retak miring licin becek 🙏 😭 🔥 🌊 ' +
  'jam menit hari minggu bulan lapor petugas dinas camat lurah pos ronda tetangga keluarga kami saya ' +
  '#bandung #banjirbandung #infobdg @humasbdg @pemkotbandung'
).split(' ');

function createStream(triage, seed) {
  const random = prng(seed);
  const pick = (items) => items[Math.floor(random() * items.length)];
  const chance = (p) => random() < p;
  const rules = triage.DEFAULT_RULE_SET;
  const places = rules.places.filter((place) => place.kind !== 'outside').map((place) => place.name);
  const keywords = rules.topics.map((topic) => topic.keywords.map((keyword) => keyword.phrase));
  const vocabulary = new Set(CHATTER);
  for (const phrase of [...keywords.flat(), ...rules.signals.map((s) => s.phrase), ...rules.modifiers.map((m) => m.phrase)]) {
    for (const word of phrase.split(/\s+/)) vocabulary.add(word);
  }
  const words = [...vocabulary];
  const fresh = () => {
    const topic = pick(keywords);
    const parts = [];
    if (chance(0.4)) parts.push(pick(OPENERS));
    parts.push(pick(topic));
    if (chance(0.4)) parts.push(pick(topic));
    if (chance(0.8)) parts.push(pick(LINKS), pick(places));
    for (let i = 3 + Math.floor(random() * 8); i > 0; i--) parts.push(chance(0.15) ? String(1 + Math.floor(random() * 30)) : pick(words));
    if (chance(0.5)) parts.push(pick(ASKS));
    return parts.join(' ');
  };
  const variant = (text) => {
    switch (Math.floor(random() * 6)) {
      case 0:
        return `RT @${pick(['infobdg', 'warga_bdg', 'kang_asep', 'teh_neng'])}: ${text}`;
      case 1:
        return text.toUpperCase();
      case 2:
        return `${text} ${pick(CHATTER)} https://t.co/${Math.floor(random() * 1e9).toString(36)}`;
      case 3:
        return `${text} #${pick(['banjirbandung', 'bandungjuara', 'infobdg'])}`;
      case 4:
        return text.replace(/[,.!?]/g, '');
      default:
        return text;
    }
  };
  return { fresh, variant, random };
}

// ---------------------------------------------------------------------------------------------
// Measurement
// ---------------------------------------------------------------------------------------------

function exposeGc() {
  if (typeof globalThis.gc === 'function') return globalThis.gc;
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc');
}

function timed(fn) {
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  fn();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const used = process.cpuUsage(cpu);
  return { seconds, cpuSeconds: (used.user + used.system) / 1e6 };
}

/** What the pipeline gives the clusterer: the engine's place, or its area for older engines. */
const placeOf = (tags) => tags.place ?? { kecamatan: tags.kecamatan, kelurahan: tags.kelurahan };

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const mib = (bytes) => Number((bytes / 1048576).toFixed(1));

/** Runs the whole bench and returns the result; prints nothing. */
export function runTriageBench(input = {}) {
  const options = { ...DEFAULTS, ...input };
  const triage = loadTriage();
  const gc = exposeGc();
  const engine = triage.createTriageEngine(triage.DEFAULT_RULE_SET);
  const normalizer = triage.createTextNormalizer(triage.DEFAULT_RULE_SET.lexicon);
  const windowMs = options['window-hours'] * 3600_000;
  const stream = createStream(triage, 20250312);
  const T0 = Date.UTC(2025, 2, 12, 0, 0, 0);

  // Each new message opens a cluster that stays open for a window: spacing them by
  // window × (share of new messages) / open keeps about `open` clusters open.
  const newShare = 1 - options.duplicates;
  const step = (windowMs * newShare) / options.open;
  const recent = [];
  let clock = T0;
  let serial = 0;
  const next = () => {
    clock += step;
    const duplicate = recent.length > 0 && stream.random() < options.duplicates;
    let text;
    if (duplicate) {
      // Storms are about what was just said: duplicates pick among the newest messages.
      const base = recent[recent.length - 1 - Math.floor(stream.random() ** 2 * recent.length)];
      text = stream.variant(base);
    } else {
      text = stream.fresh();
      recent.push(text);
      if (recent.length > 2000) recent.splice(0, 1000);
    }
    return { id: `b${++serial}`, at: Math.round(clock), text };
  };

  // Pre-fill: only new messages, spread over one window, until `open` clusters are open. Two
  // clusterers get the same messages: one for classify + cluster, one for the clusterer alone.
  // The messages are made (and classified for their place) before the heap is measured.
  const prefillStep = windowMs / options.open;
  const prefill = [];
  clock = T0 - windowMs;
  const more = () => {
    clock += prefillStep;
    const text = stream.fresh();
    recent.push(text);
    if (recent.length > 2000) recent.splice(0, 1000);
    prefill.push({ id: `p${prefill.length + 1}`, at: Math.round(clock), text, place: placeOf(engine.classify({ text })) });
  };
  while (prefill.length < options.open * 1.05) more();
  let used = 0;
  const fill = (clusterer) => {
    let i = 0;
    for (; clusterer.openClusters < options.open; i++) {
      if (i === prefill.length) more();
      clusterer.assign(prefill[i]);
    }
    used = Math.max(used, i);
  };
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const clusterer = new triage.NearDuplicateClusterer(normalizer, { windowMs });
  fill(clusterer);
  gc();
  const heapAfter = process.memoryUsage().heapUsed;
  const memory = {
    openClusters: clusterer.openClusters,
    heapMiB: mib(heapAfter - heapBefore),
    bytesPerCluster: Math.round((heapAfter - heapBefore) / clusterer.openClusters),
    ...clusterer.stats(),
  };
  const alone = new triage.NearDuplicateClusterer(normalizer, { windowMs });
  fill(alone);
  // The stream goes on from the last pre-fill message used (the spares were never said).
  clock = prefill[used - 1].at;

  // Each round's messages are built before it is timed, so only the engine and the clusterer are
  // measured; only one round is alive at a time, so the collector does not mark all of them.
  const warm = Array.from({ length: Math.min(20_000, options.mentions) }, () => stream.fresh());
  for (const text of warm) engine.classify({ text });

  const classifyOnly = [];
  const classifyAndCluster = [];
  const clusterOnly = [];
  let minOpen = Infinity;
  let maxOpen = 0;
  let joined = 0;
  let total = 0;
  for (let round = 0; round < options.rounds; round++) {
    const batch = Array.from({ length: options.mentions }, next);
    gc();
    classifyOnly.push(timed(() => {
      for (const m of batch) engine.classify({ text: m.text });
    }));
    gc();
    const places = new Array(batch.length);
    classifyAndCluster.push(timed(() => {
      for (let i = 0; i < batch.length; i++) {
        const m = batch[i];
        const tags = engine.classify({ text: m.text });
        const place = placeOf(tags);
        const assigned = clusterer.assign({ id: m.id, at: m.at, text: m.text, place });
        places[i] = place;
        if (!assigned.created) joined++;
        if ((i & 1023) === 0) {
          minOpen = Math.min(minOpen, clusterer.openClusters);
          maxOpen = Math.max(maxOpen, clusterer.openClusters);
        }
      }
    }));
    total += batch.length;
    gc();
    clusterOnly.push(timed(() => {
      for (let i = 0; i < batch.length; i++) alone.assign({ id: batch[i].id, at: batch[i].at, text: batch[i].text, place: places[i] });
    }));
  }

  const rate = (runs) => {
    const perSecond = runs.map((run) => options.mentions / run.seconds);
    return {
      perSecond: Math.round(median(perSecond)),
      best: Math.round(Math.max(...perSecond)),
      cpuCoresUsed: Number(median(runs.map((run) => run.cpuSeconds / run.seconds)).toFixed(2)),
    };
  };
  const classify = rate(classifyOnly);
  const both = rate(classifyAndCluster);
  return {
    bench: 'sigap-triage',
    at: new Date().toISOString(),
    machine: { cpu: os.cpus()[0]?.model ?? 'unknown', cores: os.cpus().length, node: process.version, pinnedToOneCpu: process.env.SIGAP_BENCH_PINNED === '1' },
    ruleSetVersion: engine.ruleSetVersion,
    options: { ...options, pin: undefined },
    prefill: { mentions: used },
    memory,
    results: {
      classify,
      classifyAndCluster: both,
      clusterOnly: rate(clusterOnly),
      openClusters: { min: minOpen, max: maxOpen },
      joinedShare: Number((joined / total).toFixed(3)),
    },
    target: { perSecond: TARGET_PER_SECOND, pass: both.perSecond >= TARGET_PER_SECOND },
  };
}

// ---------------------------------------------------------------------------------------------
// Command line
// ---------------------------------------------------------------------------------------------

function parseOptions(argv) {
  const options = { ...DEFAULTS };
  for (const arg of argv) {
    const match = /^--(no-)?([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!match || !(match[2] in DEFAULTS)) throw new Error(`Unknown option ${arg} (known: ${Object.keys(DEFAULTS).map((k) => `--${k}`).join(' ')})`);
    const [, no, key, value] = match;
    if (typeof DEFAULTS[key] === 'boolean') options[key] = !no;
    else {
      const number = Number(value);
      if (!Number.isFinite(number) || number <= 0) throw new Error(`--${key} needs a positive number (got "${value}")`);
      options[key] = number;
    }
  }
  if (options.duplicates >= 1) throw new Error('--duplicates is a share below 1');
  return options;
}

function printTable(report) {
  const { classify, classifyAndCluster, clusterOnly, openClusters, joinedShare } = report.results;
  const n = (value) => Math.round(value).toLocaleString('en-US');
  const rows = [
    ['classify only', `${n(classify.perSecond)} /s`, `best ${n(classify.best)}/s, ${classify.cpuCoresUsed} cores busy`],
    ['classify + cluster', `${n(classifyAndCluster.perSecond)} /s`, `best ${n(classifyAndCluster.best)}/s, target ≥ ${n(report.target.perSecond)}: ${report.target.pass ? 'PASS' : 'MISS'}`],
    ['cluster only', `${n(clusterOnly.perSecond)} /s`, 'the same messages, places given'],
    ['open clusters', `${n(openClusters.min)}–${n(openClusters.max)}`, `${(joinedShare * 100).toFixed(1)}% of messages joined a cluster`],
    ['memory, clusters', `${report.memory.heapMiB} MiB`, `${n(report.memory.openClusters)} open, ${n(report.memory.bytesPerCluster)} B each (heap, after GC)`],
  ];
  const widths = [0, 1].map((column) => Math.max(...rows.map((row) => row[column].length)));
  console.log(`triage bench: ${n(report.options.mentions)} messages × ${report.options.rounds} rounds, median shown; ${report.machine.cpu}, Node ${report.machine.node}${report.machine.pinnedToOneCpu ? ', pinned to one CPU' : ''}`);
  for (const [label, value, detail] of rows) console.log(`${label.padEnd(widths[0])}  ${value.padStart(widths[1])}  ${detail}`);
}

function main() {
  const options = parseOptions(process.argv.slice(2));
  if (options.pin && process.env.SIGAP_BENCH_PINNED !== '1') {
    const taskset = spawnSync('taskset', ['-c', '0', 'true']);
    if (taskset.status === 0) {
      const child = spawnSync('taskset', ['-c', '0', process.execPath, path.join(here, 'bench-triage.mjs'), ...process.argv.slice(2)], {
        stdio: 'inherit',
        env: { ...process.env, SIGAP_BENCH_PINNED: '1' },
      });
      process.exit(child.status ?? 1);
    }
  }
  const report = runTriageBench(options);
  printTable(report);
  console.log(JSON.stringify(report));
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    main();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
