import { URGENCIES, type Urgency } from '@sigap/contracts';
import { DEFAULT_RULE_SET } from '../../data/default-rule-set';
import { createTextNormalizer, type TextNormalizer } from '../text-normalizer';
import { hashFeatures, type SparseVector } from './text-features';
import {
  NO_OPD,
  type HeadPrediction,
  type LinearHead,
  type ModelPrediction,
  type TrainingExample,
  type TrainOptions,
  type TriageModel,
} from './triage-model.types';

export const DEFAULT_TRAIN_OPTIONS: Required<TrainOptions> = {
  hashBits: 14,
  epochs: 25,
  learningRate: 0.5,
  l2: 1e-5,
  minDocumentFrequency: 3,
  seed: 17,
};

let defaultNormalizer: TextNormalizer | null = null;

/** The engine's normalisation (case, slang, Sundanese, stretched letters…) without its rule vocabulary. */
function modelNormalizer(): TextNormalizer {
  defaultNormalizer ??= createTextNormalizer(DEFAULT_RULE_SET.lexicon);
  return defaultNormalizer;
}

export function modelWords(text: string): string[] {
  return modelNormalizer().normalize(text).words;
}

/** A small deterministic PRNG (mulberry32). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function softmaxInPlace(scores: Float64Array): void {
  let max = -Infinity;
  for (const s of scores) if (s > max) max = s;
  let sum = 0;
  for (let c = 0; c < scores.length; c++) {
    scores[c] = Math.exp(scores[c] - max);
    sum += scores[c];
  }
  for (let c = 0; c < scores.length; c++) scores[c] /= sum;
}

interface DenseHead {
  classes: string[];
  bias: Float64Array;
  weights: Float64Array[];
}

function sgdStep(head: DenseHead, x: SparseVector, target: number, rate: number, l2: number, scores: Float64Array): void {
  // `rate` already carries the example's weight.
  for (let c = 0; c < head.classes.length; c++) {
    let z = head.bias[c];
    const row = head.weights[c];
    for (let k = 0; k < x.indices.length; k++) z += row[x.indices[k]] * x.values[k];
    scores[c] = z;
  }
  softmaxInPlace(scores);
  for (let c = 0; c < head.classes.length; c++) {
    const gradient = scores[c] - (c === target ? 1 : 0);
    const row = head.weights[c];
    head.bias[c] -= rate * gradient;
    for (let k = 0; k < x.indices.length; k++) {
      const i = x.indices[k];
      row[i] -= rate * (gradient * x.values[k] + l2 * row[i]);
    }
  }
}

const round = (value: number): number => Math.round(value * 10_000) / 10_000;

function compactHead(head: DenseHead, features: number[]): LinearHead {
  return {
    classes: head.classes,
    bias: [...head.bias].map(round),
    weights: head.weights.map((row) => features.map((i) => round(row[i]))),
  };
}

export interface TrainingProgress {
  epoch: number;
  epochs: number;
}

/**
 * Trains the urgency and primary-OPD heads one epoch at a time: each `next()` runs one epoch and
 * the last returns the model. A caller on an event loop can yield between epochs.
 */
export function* trainModelSteps(examples: readonly TrainingExample[], options: TrainOptions = {}): Generator<TrainingProgress, TriageModel> {
  const settings = { ...DEFAULT_TRAIN_OPTIONS, ...options };
  if (examples.length === 0) throw new Error('cannot train a triage model on no examples');
  const size = 1 << settings.hashBits;
  const vectors = examples.map((example) => hashFeatures(modelWords(example.text), settings.hashBits));
  const opdClasses = [...new Set(examples.map((example) => example.opd ?? NO_OPD))].sort();
  const urgencyHead: DenseHead = {
    classes: [...URGENCIES],
    bias: new Float64Array(URGENCIES.length),
    weights: URGENCIES.map(() => new Float64Array(size)),
  };
  const opdHead: DenseHead = {
    classes: opdClasses,
    bias: new Float64Array(opdClasses.length),
    weights: opdClasses.map(() => new Float64Array(size)),
  };
  const urgencyTargets = examples.map((example) => URGENCIES.indexOf(example.urgency));
  const opdTargets = examples.map((example) => opdClasses.indexOf(example.opd ?? NO_OPD));
  const urgencyScores = new Float64Array(urgencyHead.classes.length);
  const opdScores = new Float64Array(opdHead.classes.length);
  const next = random(settings.seed);
  const order = examples.map((_, i) => i);
  for (let epoch = 0; epoch < settings.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    const rate = settings.learningRate / (1 + 0.1 * epoch);
    for (const i of order) {
      const weighted = rate * (examples[i].weight ?? 1);
      sgdStep(urgencyHead, vectors[i], urgencyTargets[i], weighted, settings.l2, urgencyScores);
      sgdStep(opdHead, vectors[i], opdTargets[i], weighted, settings.l2, opdScores);
    }
    if (epoch + 1 < settings.epochs) yield { epoch: epoch + 1, epochs: settings.epochs };
  }
  const documentFrequency = new Map<number, number>();
  for (const vector of vectors) for (const i of vector.indices) documentFrequency.set(i, (documentFrequency.get(i) ?? 0) + 1);
  const features = [...documentFrequency]
    .filter(([, count]) => count >= settings.minDocumentFrequency)
    .map(([i]) => i)
    .sort((a, b) => a - b);
  return {
    format: 'sigap-linear-v1',
    hashBits: settings.hashBits,
    features,
    urgency: compactHead(urgencyHead, features),
    opd: compactHead(opdHead, features),
    trainedOn: examples.length,
  };
}

/** Trains a model in one go (deterministic: same examples and options, same model). */
export function trainModel(examples: readonly TrainingExample[], options: TrainOptions = {}): TriageModel {
  const steps = trainModelSteps(examples, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** A stored model laid out for prediction: per kept bucket, the weights of every class side by side. */
interface CompiledHead {
  classes: string[];
  bias: Float64Array;
  /** weights[k * classes + c]. */
  weights: Float64Array;
}

interface CompiledModel {
  /** Bucket id → column in the stored weights, or -1. */
  column: Int32Array;
  urgency: CompiledHead;
  opd: CompiledHead;
}

const compiled = new WeakMap<TriageModel, CompiledModel>();

function compileHead(head: LinearHead, features: number): CompiledHead {
  const classes = head.classes.length;
  const weights = new Float64Array(features * classes);
  head.weights.forEach((row, c) => row.forEach((weight, k) => (weights[k * classes + c] = weight)));
  return { classes: head.classes, bias: Float64Array.from(head.bias), weights };
}

function compile(model: TriageModel): CompiledModel {
  let ready = compiled.get(model);
  if (!ready) {
    const column = new Int32Array(1 << model.hashBits).fill(-1);
    model.features.forEach((bucket, k) => (column[bucket] = k));
    ready = { column, urgency: compileHead(model.urgency, model.features.length), opd: compileHead(model.opd, model.features.length) };
    compiled.set(model, ready);
  }
  return ready;
}

function predictHead(head: CompiledHead, columns: readonly number[], value: number): HeadPrediction {
  const classes = head.classes.length;
  const scores = Float64Array.from(head.bias);
  for (const k of columns) {
    const offset = k * classes;
    for (let c = 0; c < classes; c++) scores[c] += head.weights[offset + c] * value;
  }
  softmaxInPlace(scores);
  const ranked = head.classes
    .map((label, c) => ({ label, probability: scores[c] }))
    .sort((a, b) => b.probability - a.probability || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  return { label: ranked[0].label, probability: ranked[0].probability, ranked };
}

export function predict(model: TriageModel, text: string): ModelPrediction {
  const ready = compile(model);
  const x = hashFeatures(modelWords(text), model.hashBits);
  const columns: number[] = [];
  for (const bucket of x.indices) {
    const k = ready.column[bucket];
    if (k >= 0) columns.push(k);
  }
  // The weight of each feature is that of training: every bucket of the message counts, kept or not.
  const value = x.values[0] ?? 0;
  const urgency = predictHead(ready.urgency, columns, value);
  return { urgency: { ...urgency, label: urgency.label as Urgency }, opd: predictHead(ready.opd, columns, value) };
}

/** Checks that a stored value has the shape of a model this code can use. */
export function isTriageModel(value: unknown): value is TriageModel {
  if (!value || typeof value !== 'object') return false;
  const model = value as Partial<TriageModel>;
  const headOk = (head: LinearHead | undefined): boolean =>
    !!head &&
    Array.isArray(head.classes) &&
    head.classes.length > 0 &&
    Array.isArray(head.weights) &&
    head.weights.length === head.classes.length &&
    head.weights.every((row) => Array.isArray(row) && row.length === model.features?.length);
  return (
    model.format === 'sigap-linear-v1' &&
    typeof model.hashBits === 'number' &&
    Array.isArray(model.features) &&
    headOk(model.urgency) &&
    headOk(model.opd) &&
    (model.urgency?.classes ?? []).every((label) => (URGENCIES as readonly string[]).includes(label as Urgency))
  );
}
