#!/usr/bin/env node
// `npm run eval:triage`: how well the triage engine's default rules read the labelled messages in
// libs/triage/eval/*.jsonl. No database, no network, nothing built on disk: the engine is loaded
// from the working tree (scripts/lib/load-triage.cjs).
//
// The report covers the held-out part: per-class precision, recall and F1 with the confusion
// matrix for urgency and for the primary OPD (the first unit that is not a KEC-/KEL- office),
// then accuracy and macro-F1. The development part, the one rules are tuned on, gets one line.
//
//   node scripts/eval-triage.mjs [--split=heldout|dev|all] [--errors] [--json] [--speed] [--model]
//
// --split   which part the full report describes (default heldout)
// --errors  also list the messages of that part whose urgency or OPD was read wrongly
// --json    print the figures of both parts as one JSON object instead of tables
// --speed   instead, measure how many mentions a second the engine classifies in this process
//           (one thread; run it under `taskset -c 0` to hold it to one core)
// --model   instead, rules only against rules + learned model (libs/triage/src/lib/model) on the
//           held-out part, the model trained on the development part only; then the same after
//           half of the held-out part is fed back as admin corrections, measured on the other half
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const EVAL_DIR = path.join(repoRoot, 'libs', 'triage', 'eval');
const URGENCIES = ['critical', 'high', 'normal', 'low'];
const SPLITS = ['dev', 'heldout'];
const NONE = '(none)';

function parseOptions(argv) {
  const options = { split: 'heldout', errors: false, json: false, speed: false, model: false };
  for (const arg of argv) {
    const [key, value] = arg.replace(/^--/, '').split('=');
    if (key === 'split' && ['heldout', 'dev', 'all'].includes(value)) options.split = value;
    else if (key === 'errors') options.errors = true;
    else if (key === 'json') options.json = true;
    else if (key === 'speed') options.speed = true;
    else if (key === 'model') options.model = true;
    else throw new Error(`unknown option ${arg}; use --split=heldout|dev|all, --errors, --json, --speed, --model`);
  }
  return options;
}

/** Every labelled message, checked, in file order. */
function loadExamples() {
  const files = fs.readdirSync(EVAL_DIR).filter((name) => name.endsWith('.jsonl')).sort();
  const examples = [];
  const ids = new Set();
  for (const file of files) {
    const lines = fs.readFileSync(path.join(EVAL_DIR, file), 'utf8').split('\n');
    lines.forEach((line, index) => {
      if (!line.trim()) return;
      const where = `${file}:${index + 1}`;
      const example = JSON.parse(line);
      if (typeof example.id !== 'string' || ids.has(example.id)) throw new Error(`${where}: missing or repeated id`);
      if (typeof example.text !== 'string') throw new Error(`${where}: text must be a string`);
      if (!URGENCIES.includes(example.urgency)) throw new Error(`${where}: urgency must be one of ${URGENCIES.join(', ')}`);
      if (example.opd !== null && typeof example.opd !== 'string') throw new Error(`${where}: opd must be a code or null`);
      if (!SPLITS.includes(example.split)) throw new Error(`${where}: split must be dev or heldout`);
      ids.add(example.id);
      examples.push(example);
    });
  }
  return examples;
}

const isArea = (code) => code.startsWith('KEC-') || code.startsWith('KEL-');

function predict(engine, example, blend) {
  const rules = engine.classify({ text: example.text });
  const result = blend ? blend(rules, example.text) : rules;
  const agency = result.opd.find((tag) => !isArea(tag.code));
  return { urgency: result.urgency, opd: agency ? agency.code : null, topic: result.topic, result };
}

/** Precision, recall and F1 per class, the confusion matrix (rows: truth), accuracy and macro-F1. */
function score(pairs, fixedClasses) {
  const seen = new Set();
  for (const [truth, guess] of pairs) seen.add(truth).add(guess);
  const classes = fixedClasses ?? [...seen].sort((a, b) => (a === NONE) - (b === NONE) || a.localeCompare(b));
  const index = new Map(classes.map((label, i) => [label, i]));
  const matrix = classes.map(() => classes.map(() => 0));
  for (const [truth, guess] of pairs) matrix[index.get(truth)][index.get(guess)]++;
  const perClass = classes.map((label, i) => {
    const tp = matrix[i][i];
    const support = matrix[i].reduce((sum, n) => sum + n, 0);
    const predicted = matrix.reduce((sum, row) => sum + row[i], 0);
    const precision = predicted ? tp / predicted : 0;
    const recall = support ? tp / support : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    return { label, precision, recall, f1, support, predicted };
  });
  const correct = classes.reduce((sum, _label, i) => sum + matrix[i][i], 0);
  // Macro-F1 over the classes that occur in the truth or the guesses of this part.
  const counted = perClass.filter((c) => c.support > 0 || c.predicted > 0);
  return {
    n: pairs.length,
    accuracy: pairs.length ? correct / pairs.length : 0,
    macroF1: counted.length ? counted.reduce((sum, c) => sum + c.f1, 0) / counted.length : 0,
    classes,
    perClass,
    matrix,
  };
}

function evaluate(engine, examples, blend) {
  const rows = examples.map((example) => ({ example, guess: predict(engine, example, blend) }));
  const urgency = score(rows.map(({ example, guess }) => [example.urgency, guess.urgency]), URGENCIES);
  const opd = score(rows.map(({ example, guess }) => [example.opd ?? NONE, guess.opd ?? NONE]));
  const topicAccuracy = rows.length ? rows.filter(({ example, guess }) => (example.topic ?? null) === (guess.topic ?? null)).length / rows.length : 0;
  const rank = (u) => URGENCIES.indexOf(u);
  const farOff = rows.filter(({ example, guess }) => Math.abs(rank(example.urgency) - rank(guess.urgency)) > 1).length;
  const criticalMissed = rows.filter(({ example, guess }) => example.urgency === 'critical' && rank(guess.urgency) > rank('high')).length;
  return { rows, urgency, opd, topicAccuracy, farOff, criticalMissed };
}

const pct = (value) => `${(value * 100).toFixed(1)}`.padStart(5);
const fixed = (value) => value.toFixed(3);

function printClassTable(title, scored) {
  const width = Math.max(8, ...scored.classes.map((label) => label.length));
  console.log(`\n${title}`);
  console.log(`  ${'class'.padEnd(width)}  precision  recall     F1  support`);
  for (const c of scored.perClass) {
    if (c.support === 0 && c.predicted === 0) continue;
    console.log(`  ${c.label.padEnd(width)}  ${fixed(c.precision).padStart(9)}  ${fixed(c.recall).padStart(6)}  ${fixed(c.f1).padStart(5)}  ${String(c.support).padStart(7)}`);
  }
  console.log(`  accuracy ${fixed(scored.accuracy)}   macro-F1 ${fixed(scored.macroF1)}   (n=${scored.n})`);
}

/** Rows are the truth, columns the engine's answer; columns are numbered after the rows. */
function printMatrix(title, scored) {
  const used = scored.classes
    .map((label, i) => ({ label, i }))
    .filter(({ i }) => scored.matrix[i].some((n) => n > 0) || scored.matrix.some((row) => row[i] > 0));
  const width = Math.max(...used.map(({ label }) => label.length));
  const cell = Math.max(3, String(Math.max(...scored.matrix.flat())).length + 1, String(used.length).length + 1);
  console.log(`\n${title} (rows: label, columns: engine)`);
  console.log(`  ${''.padEnd(width + 4)}${used.map((_, k) => String(k + 1).padStart(cell)).join('')}`);
  used.forEach(({ label, i }, k) => {
    const cells = used.map(({ i: j }) => {
      const n = scored.matrix[i][j];
      return (n === 0 ? '.' : String(n)).padStart(cell);
    });
    console.log(`  ${String(k + 1).padStart(2)} ${label.padEnd(width)} ${cells.join('')}`);
  });
}

function summaryLine(label, evaluation) {
  const { urgency, opd, topicAccuracy } = evaluation;
  return (
    `${label} (n=${urgency.n}): urgency accuracy ${pct(urgency.accuracy)}%  macro-F1 ${fixed(urgency.macroF1)}` +
    ` | OPD top-1 accuracy ${pct(opd.accuracy)}%  macro-F1 ${fixed(opd.macroF1)}` +
    ` | topic accuracy ${pct(topicAccuracy)}% | critical read below high: ${evaluation.criticalMissed}`
  );
}

function printErrors(evaluation) {
  const wrong = evaluation.rows.filter(({ example, guess }) => example.urgency !== guess.urgency || (example.opd ?? null) !== guess.opd);
  console.log(`\nMessages read wrongly (${wrong.length}):`);
  for (const { example, guess } of wrong) {
    const u = example.urgency === guess.urgency ? example.urgency : `${example.urgency}→${guess.urgency}`;
    const o = (example.opd ?? null) === guess.opd ? (example.opd ?? NONE) : `${example.opd ?? NONE}→${guess.opd ?? NONE}`;
    console.log(`  ${example.id}  [${u}] [${o}] score ${guess.result.score}  ${example.text}`);
    console.log(`      ${guess.result.reasons.join(' · ')}`);
  }
}

function figures(evaluation) {
  const pick = ({ n, accuracy, macroF1, perClass, classes, matrix }) => ({
    n,
    accuracy,
    macroF1,
    perClass: perClass.filter((c) => c.support > 0 || c.predicted > 0),
    classes,
    matrix,
  });
  return {
    urgency: pick(evaluation.urgency),
    opd: pick(evaluation.opd),
    topicAccuracy: evaluation.topicAccuracy,
    criticalMissed: evaluation.criticalMissed,
    offByTwoOrMore: evaluation.farOff,
  };
}

/**
 * Classifies a stream built from the labelled messages, each with a few made-up words appended
 * so that most messages carry words the engine has not seen before (no warm cache to lean on).
 */
function measureSpeed(engine, examples) {
  let seed = 7;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const madeUp = () => Array.from({ length: 4 + Math.floor(random() * 6) }, () => letters[Math.floor(random() * 26)]).join('');
  const stream = Array.from({ length: 50_000 }, (_, i) => {
    const base = examples[i % examples.length].text;
    return `${base} ${madeUp()} ${madeUp()} #${madeUp()} ${Math.floor(random() * 1000)}`;
  });
  for (let i = 0; i < 5_000; i++) engine.classify({ text: stream[i] });
  const rounds = [];
  for (let round = 0; round < 3; round++) {
    const started = process.hrtime.bigint();
    for (const text of stream) engine.classify({ text });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    rounds.push(stream.length / seconds);
  }
  const best = Math.max(...rounds);
  const median = [...rounds].sort((a, b) => a - b)[1];
  const chars = stream.reduce((sum, text) => sum + text.length, 0) / stream.length;
  console.log(`Triage engine speed: ${stream.length} mentions (mean ${chars.toFixed(0)} characters) × 3 rounds, one thread`);
  console.log(`  median ${Math.round(median).toLocaleString('en')} mentions/s, best ${Math.round(best).toLocaleString('en')} mentions/s (target > 20,000)`);
}

const toTraining = (weight) => (example) => ({ text: example.text, urgency: example.urgency, opd: example.opd ?? null, weight });

/** Counts, between two readings of the same messages, the answers the second one fixed and broke. */
function changes(before, after, field) {
  let fixed = 0;
  let broken = 0;
  before.rows.forEach(({ example, guess }, i) => {
    const truth = field === 'urgency' ? example.urgency : (example.opd ?? null);
    const was = guess[field] === truth;
    const now = after.rows[i].guess[field] === truth;
    if (!was && now) fixed++;
    if (was && !now) broken++;
  });
  return { fixed, broken };
}

function compareLine(label, rules, blended, alone, quiet) {
  const u = changes(rules, blended, 'urgency');
  const o = changes(rules, blended, 'opd');
  const result = { modelAlone: figures(alone), rules: figures(rules), blended: figures(blended), urgencyChanges: u, opdChanges: o };
  if (quiet) return result;
  console.log(`\n${label}`);
  console.log('                      urgency acc  macro-F1 | OPD acc  macro-F1 | critical below high');
  for (const [name, e] of [['model alone', alone], ['rules only', rules], ['rules + model', blended]]) {
    console.log(
      `  ${name.padEnd(18)}  ${pct(e.urgency.accuracy)}%     ${fixed(e.urgency.macroF1)} |  ${pct(e.opd.accuracy)}%   ${fixed(e.opd.macroF1)} | ${e.criticalMissed}`,
    );
  }
  console.log(`  the model fixed ${u.fixed} and broke ${u.broken} urgencies, fixed ${o.fixed} and broke ${o.broken} primary OPDs`);
  return result;
}

function modelReport(triage, engine, examples, json) {
  const dev = examples.filter((e) => e.split === 'dev');
  const heldout = examples.filter((e) => e.split === 'heldout');
  const blendWith = (model) => (rules, text) => triage.combine(rules, triage.predict(model, text));
  const modelAlone = (model) => (rules, text) => {
    const { urgency, opd } = triage.predict(model, text);
    return { ...rules, urgency: urgency.label, opd: opd.label === triage.NO_OPD ? [] : [{ code: opd.label, confidence: opd.probability }] };
  };
  const started = process.hrtime.bigint();
  const model = triage.trainModel(dev.map(toTraining(1)));
  const trainMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (!json) {
    console.log(`Rules vs rules + model, rule set ${engine.ruleSetVersion}`);
    console.log(`Model trained on the ${dev.length} development messages in ${trainMs.toFixed(0)} ms (${model.features.length} hashed features kept, ${(JSON.stringify(model).length / 1024).toFixed(0)} KiB as JSON)`);
  }
  const seedOnly = compareLine(`Held-out part (n=${heldout.length}), model trained on the development part only`, evaluate(engine, heldout), evaluate(engine, heldout, blendWith(model)), evaluate(engine, heldout, modelAlone(model)), json);

  // Half of the held-out messages (every other one) play the admins' corrections; the other half is measured.
  const corrections = heldout.filter((_, i) => i % 2 === 0);
  const rest = heldout.filter((_, i) => i % 2 === 1);
  const corrected = triage.trainModel([...dev.map(toTraining(1)), ...corrections.map(toTraining(3))]);
  const withCorrections = compareLine(
    `Other half of the held-out part (n=${rest.length}), model trained on the development part + ${corrections.length} corrections (the first half, weight 3)`,
    evaluate(engine, rest),
    evaluate(engine, rest, blendWith(corrected)),
    evaluate(engine, rest, modelAlone(corrected)),
    json,
  );
  if (json) console.log(JSON.stringify({ ruleSetVersion: engine.ruleSetVersion, seedOnly, withCorrections }));
}

function main() {
  const options = parseOptions(process.argv.slice(2));
  const triage = require('./lib/load-triage.cjs').loadTriage();
  const { createTriageEngine, DEFAULT_RULE_SET } = triage;
  const engine = createTriageEngine(DEFAULT_RULE_SET);
  const examples = loadExamples();
  if (options.speed) {
    measureSpeed(engine, examples);
    return;
  }
  if (options.model) {
    modelReport(triage, engine, examples, options.json);
    return;
  }
  const parts = {
    dev: examples.filter((e) => e.split === 'dev'),
    heldout: examples.filter((e) => e.split === 'heldout'),
  };
  const results = { dev: evaluate(engine, parts.dev), heldout: evaluate(engine, parts.heldout) };
  const focus = options.split === 'all' ? evaluate(engine, examples) : results[options.split];

  if (options.json) {
    console.log(JSON.stringify({ ruleSetVersion: engine.ruleSetVersion, dev: figures(results.dev), heldout: figures(results.heldout) }));
    return;
  }

  const name = options.split === 'heldout' ? 'held-out' : options.split === 'dev' ? 'development' : 'whole';
  console.log(`Triage evaluation, rule set ${engine.ruleSetVersion}: ${examples.length} labelled messages (${parts.dev.length} dev, ${parts.heldout.length} held-out)`);
  console.log(`Report on the ${name} part (n=${focus.urgency.n})`);
  printClassTable('Urgency', focus.urgency);
  printMatrix('Urgency confusion matrix', focus.urgency);
  console.log(`  off by two levels or more: ${focus.farOff}; critical read as normal or low: ${focus.criticalMissed}`);
  printClassTable('Primary OPD (top-1; (none) = no unit)', focus.opd);
  printMatrix('Primary OPD confusion matrix', focus.opd);
  console.log(`\nTopic accuracy ${pct(focus.topicAccuracy)}%`);
  console.log('');
  // While tuning on the development part, the held-out figures stay out of sight.
  if (options.split !== 'dev') console.log(summaryLine('held-out', results.heldout));
  console.log(summaryLine('dev     ', results.dev));
  if (options.errors) printErrors(focus);
}

try {
  main();
} catch (error) {
  console.error(`eval:triage: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
