import { URGENCIES, type OpdTag, type Urgency } from '@sigap/contracts';
import { DEFAULT_RULE_SET } from '../../data/default-rule-set';
import type { TriageResult } from '../triage.types';
import { NO_OPD, type ModelPrediction } from './triage-model.types';

export interface CombineOptions {
  /** The model moves urgency (one level at most) only when its top class is at least this probable. */
  urgencyConfidence?: number;
  /** The model may move one of the rules' own units to the front when it is at least this probable. */
  opdConfidence?: number;
  /** The model may put a unit the rules did not name at the front only when it is at least this probable. */
  opdNewUnitConfidence?: number;
  /** Score bands of the rule set, to keep the score inside the class it ends in. */
  thresholds?: { critical: number; high: number; normal: number };
}

export const DEFAULT_COMBINE_OPTIONS: Required<CombineOptions> = {
  urgencyConfidence: 0.9,
  opdConfidence: 0.6,
  opdNewUnitConfidence: 0.9,
  thresholds: DEFAULT_RULE_SET.scoring.thresholds,
};

const isArea = (code: string): boolean => code.startsWith('KEC-') || code.startsWith('KEL-');
const percent = (p: number): string => `${Math.round(p * 100)}%`;

function scoreWithin(score: number, urgency: Urgency, t: { critical: number; high: number; normal: number }): number {
  const bands: Record<Urgency, [number, number]> = {
    critical: [t.critical, 100],
    high: [t.high, t.critical - 1],
    normal: [t.normal, t.high - 1],
    low: [0, t.normal - 1],
  };
  const [low, high] = bands[urgency];
  return Math.min(high, Math.max(low, score));
}

/**
 * Rules first, the model as a second opinion: a confident model moves urgency one level towards
 * its answer (never down from critical), and puts its primary OPD first (keeping the rules' units after it). Bringing in a
 * unit the rules did not name takes more confidence than reordering theirs: on the held-out part
 * the rules are right far more often than a model trained on a few hundred messages. Everything the
 * model changed is said in a "model: …" reason.
 */
export function combine(rules: TriageResult, prediction: ModelPrediction | null, options: CombineOptions = {}): TriageResult {
  if (!prediction) return rules;
  const settings = { ...DEFAULT_COMBINE_OPTIONS, ...options };
  const notes: string[] = [];
  let urgency = rules.urgency;
  let score = rules.score;
  const from = URGENCIES.indexOf(rules.urgency);
  const to = URGENCIES.indexOf(prediction.urgency.label);
  // A critical reading stays: the rules saw a danger word, and a missed emergency costs the most.
  const lowersCritical = rules.urgency === 'critical' && to > from;
  if (to !== from && !lowersCritical && prediction.urgency.probability >= settings.urgencyConfidence) {
    urgency = URGENCIES[from + Math.sign(to - from)];
    score = scoreWithin(score, urgency, settings.thresholds);
    notes.push(`urgensi ${rules.urgency}→${urgency} (${prediction.urgency.label} ${percent(prediction.urgency.probability)})`);
  }
  let opd: OpdTag[] = rules.opd;
  const primary = rules.opd.find((tag) => !isArea(tag.code))?.code ?? null;
  const guess = prediction.opd.label;
  const needed = rules.opd.some((tag) => tag.code === guess) ? settings.opdConfidence : settings.opdNewUnitConfidence;
  if (guess !== NO_OPD && guess !== primary && prediction.opd.probability >= needed) {
    const confidence = Math.round(prediction.opd.probability * 100) / 100;
    const rest = rules.opd.filter((tag) => tag.code !== guess);
    const agencies = rest.filter((tag) => !isArea(tag.code));
    const areas = rest.filter((tag) => isArea(tag.code));
    opd = [{ code: guess, confidence }, ...agencies, ...areas];
    notes.push(`OPD ${guess} didahulukan (${percent(prediction.opd.probability)})${primary ? `, aturan: ${primary}` : ''}`);
  }
  if (notes.length === 0) return rules;
  return { ...rules, urgency, score, opd, reasons: [...rules.reasons, `model: ${notes.join('; ')}`] };
}
