import { URGENCIES } from '@sigap/contracts';
import type { OpdRoute, RuleSet } from './rule-set.types';

/** Thrown by `createTriageEngine` when a rule set cannot be used; `problems` lists every fault found. */
export class TriageRuleSetError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid triage rule set: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? ' …' : ''}`);
    this.name = 'TriageRuleSetError';
  }
}

const inRange = (value: number, min: number, max: number): boolean =>
  Number.isFinite(value) && value >= min && value <= max;

/** Checks a rule set (e.g. one an administrator edited) and returns its problems; empty when usable. */
export function validateRuleSet(ruleSet: RuleSet): string[] {
  const problems: string[] = [];
  const { scoring } = ruleSet;

  if (!ruleSet.version) problems.push('version is empty');

  const { critical, high, normal } = scoring.thresholds;
  if (!(0 < normal && normal < high && high < critical && critical <= 100)) {
    problems.push('scoring.thresholds must satisfy 0 < normal < high < critical <= 100');
  }
  for (const level of URGENCIES) {
    if (!inRange(scoring.levelScores[level], 0, 100)) problems.push(`scoring.levelScores.${level} must be 0-100`);
  }

  if (!inRange(scoring.hashtagWeight, 0, 1)) problems.push('scoring.hashtagWeight must be 0-1');

  const checkRoutes = (where: string, routes: readonly OpdRoute[]): void => {
    for (const route of routes) {
      if (!route.code) problems.push(`${where}: empty OPD code`);
      if (!inRange(route.confidence, 0, 1)) problems.push(`${where}: confidence of ${route.code} must be 0-1`);
    }
  };

  const topicIds = new Set<string>();
  for (const topic of ruleSet.topics) {
    if (topicIds.has(topic.id)) problems.push(`topic ${topic.id} is defined twice`);
    topicIds.add(topic.id);
    if (topic.keywords.length === 0) problems.push(`topic ${topic.id} has no keywords`);
    if (!inRange(topic.baseScore, 0, 100)) problems.push(`topic ${topic.id}: baseScore must be 0-100`);
    for (const keyword of topic.keywords) {
      if (!keyword.phrase.trim()) problems.push(`topic ${topic.id}: empty keyword`);
      if (!(keyword.weight > 0)) problems.push(`topic ${topic.id}: weight of '${keyword.phrase}' must be positive`);
    }
    checkRoutes(`topic ${topic.id}`, topic.opd);
    for (const rule of topic.routing ?? []) {
      if (rule.whenAny.length === 0) problems.push(`topic ${topic.id}: a routing rule has no phrases`);
      checkRoutes(`topic ${topic.id} routing`, rule.opd);
    }
  }

  for (const signal of ruleSet.signals) {
    if (!signal.phrase.trim()) problems.push('a signal has an empty phrase');
    if (signal.score !== undefined && !inRange(signal.score, 0, 100)) {
      problems.push(`signal '${signal.phrase}': score must be 0-100`);
    }
    for (const topic of signal.topics ?? []) {
      if (!topicIds.has(topic)) problems.push(`signal '${signal.phrase}' names unknown topic ${topic}`);
    }
  }
  for (const modifier of ruleSet.modifiers) {
    if (!modifier.phrase.trim()) problems.push('a modifier has an empty phrase');
    if (!inRange(modifier.delta, -100, 100)) problems.push(`modifier '${modifier.phrase}': delta must be -100..100`);
  }

  const { fuzzyMinLength } = ruleSet.lexicon;
  if (fuzzyMinLength !== undefined && !(Number.isInteger(fuzzyMinLength) && inRange(fuzzyMinLength, 0, 30))) {
    problems.push('lexicon.fuzzyMinLength must be a whole number 0-30');
  }
  const checkPhrases = (where: string, list: readonly string[]): void => {
    if (list.some((phrase) => typeof phrase !== 'string' || !phrase.trim())) problems.push(`${where} has an empty phrase`);
  };
  if (ruleSet.sentiment) {
    const { words, thresholds, problemBias, praiseDelta } = ruleSet.sentiment;
    if (!(thresholds.negative < thresholds.positive)) problems.push('sentiment.thresholds: negative must be below positive');
    for (const [phrase, weight] of Object.entries(words)) {
      if (!phrase.trim()) problems.push('sentiment.words has an empty phrase');
      if (!inRange(weight, -5, 5)) problems.push(`sentiment weight of '${phrase}' must be -5..5`);
    }
    if (!inRange(problemBias, -5, 5)) problems.push('sentiment.problemBias must be -5..5');
    if (!inRange(praiseDelta, -100, 0)) problems.push('sentiment.praiseDelta must be -100..0');
  }
  if (ruleSet.misinformation) {
    const rules = ruleSet.misinformation;
    for (const role of ['strong', 'hearsay', 'verification', 'settled'] as const) checkPhrases(`misinformation.${role}`, rules[role]);
    if (!inRange(rules.topicWeight, 0, 20)) problems.push('misinformation.topicWeight must be 0-20');
  }
  if (ruleSet.questions) {
    checkPhrases('questions.cues', ruleSet.questions.cues);
    checkPhrases('questions.complaint', ruleSet.questions.complaint);
    if (!inRange(ruleSet.questions.maxScore, 0, 100)) problems.push('questions.maxScore must be 0-100');
  }

  const placeCodes = new Set<string>();
  const kecamatanCodes = new Set(ruleSet.places.filter((p) => p.kind === 'kecamatan').map((p) => p.code));
  const kelurahanCodes = new Set(ruleSet.places.filter((p) => p.kind === 'kelurahan').map((p) => p.code));
  for (const place of ruleSet.places) {
    if (placeCodes.has(place.code)) problems.push(`place ${place.code} is defined twice`);
    placeCodes.add(place.code);
    for (const code of place.kecamatan) {
      if (!kecamatanCodes.has(code)) problems.push(`place ${place.code} names unknown kecamatan ${code}`);
    }
    if (place.kind === 'outside' && place.kecamatan.length > 0) problems.push(`place ${place.code} is outside but lists kecamatan`);
    if (place.kind !== 'outside' && place.kecamatan.length === 0) problems.push(`place ${place.code} lists no kecamatan`);
    if (place.kelurahan && !kelurahanCodes.has(place.kelurahan)) {
      problems.push(`place ${place.code} names unknown kelurahan ${place.kelurahan}`);
    }
  }
  return problems;
}
