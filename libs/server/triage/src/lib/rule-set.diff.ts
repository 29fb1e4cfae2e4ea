import { RULE_SET_LIMITS, type RuleSetChange, type RuleSetChangeSummary } from '@sigap/contracts';
import type { OpdRoute, RuleSet, TopicRule } from '@sigap/triage';

/** Sections compared item by item; any other top-level field is compared as a whole. */
const KNOWN_SECTIONS = new Set(['version', 'lexicon', 'topics', 'signals', 'modifiers', 'negation', 'places', 'placeCues', 'scoring']);

type Json = unknown;

const same = (a: Json, b: Json): boolean => stableJson(a) === stableJson(b);

/** JSON with object keys sorted, so key order never reads as a change. */
function stableJson(value: Json): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, Json>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const short = (value: Json): string => {
  const text = typeof value === 'string' ? value : stableJson(value);
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
};

const routes = (opd: readonly OpdRoute[]): string => opd.map((r) => `${r.code} ${r.confidence}`).join(', ') || '—';
const key = (phrase: string): string => phrase.trim().toLowerCase();

class ChangeList {
  readonly all: RuleSetChange[] = [];

  add(kind: RuleSetChange['kind'], section: string, item: string, before?: Json, after?: Json): void {
    const change: RuleSetChange = { kind, section, item };
    if (before !== undefined) change.before = short(before);
    if (after !== undefined) change.after = short(after);
    this.all.push(change);
  }

  /** Items keyed by `keyOf`; equal keys in one list are compared as a group (a phrase listed twice). */
  compareLists<T>(section: string, before: readonly T[], after: readonly T[], keyOf: (item: T) => string, describe: (item: T) => Json): void {
    const group = (items: readonly T[]): Map<string, T[]> => {
      const map = new Map<string, T[]>();
      for (const item of items) map.set(keyOf(item), [...(map.get(keyOf(item)) ?? []), item]);
      return map;
    };
    const was = group(before);
    const now = group(after);
    for (const [k, items] of now) {
      const old = was.get(k);
      if (!old) items.forEach((item) => this.add('added', section, k, undefined, describe(item)));
      else if (!same(old, items)) {
        this.add('changed', section, k, old.map(describe).join(' | '), items.map(describe).join(' | '));
      }
    }
    for (const [k, items] of was) if (!now.has(k)) items.forEach((item) => this.add('removed', section, k, describe(item)));
  }

  compareSets(section: string, item: string, before: readonly string[], after: readonly string[]): void {
    const was = new Set(before.map(key));
    const now = new Set(after.map(key));
    for (const value of now) if (!was.has(value)) this.add('added', section, `${item} › ${value}`);
    for (const value of was) if (!now.has(value)) this.add('removed', section, `${item} › ${value}`);
  }

  compareRecords(section: string, item: string, before: Record<string, string>, after: Record<string, string>): void {
    for (const [k, value] of Object.entries(after)) {
      if (!(k in before)) this.add('added', section, `${item} › ${k}`, undefined, value);
      else if (before[k] !== value) this.add('changed', section, `${item} › ${k}`, before[k], value);
    }
    for (const [k, value] of Object.entries(before)) if (!(k in after)) this.add('removed', section, `${item} › ${k}`, value);
  }

  /** Leaf by leaf, so "scoring.thresholds.critical: 80 → 75" rather than the whole block. */
  compareTree(section: string, path: string, before: Json, after: Json): void {
    const isObject = (v: Json): v is Record<string, Json> => v !== null && typeof v === 'object' && !Array.isArray(v);
    if (isObject(before) && isObject(after)) {
      for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) {
        this.compareTree(section, `${path}.${k}`, before[k], after[k]);
      }
      return;
    }
    const isWordList = (v: Json): v is string[] => Array.isArray(v) && v.every((item) => typeof item === 'string');
    if (isWordList(before) && isWordList(after)) {
      this.compareSets(section, path, before, after);
      return;
    }
    if (before === undefined && after !== undefined) this.add('added', section, path, undefined, after);
    else if (after === undefined && before !== undefined) this.add('removed', section, path, before);
    else if (!same(before, after)) this.add('changed', section, path, before, after);
  }
}

function compareTopic(changes: ChangeList, before: TopicRule, after: TopicRule): void {
  const id = after.id;
  if (before.label !== after.label) changes.add('changed', 'topics', `${id} › label`, before.label, after.label);
  if (before.baseScore !== after.baseScore) changes.add('changed', 'topics', `${id} › baseScore`, before.baseScore, after.baseScore);
  if ((before.local ?? true) !== (after.local ?? true)) changes.add('changed', 'topics', `${id} › local`, before.local ?? true, after.local ?? true);
  changes.compareLists(
    'keywords',
    before.keywords,
    after.keywords,
    (k) => `${id} › ${key(k.phrase)}`,
    (k) => `${k.phrase} (${k.weight})`,
  );
  if (!same(before.opd, after.opd)) changes.add('changed', 'routing', id, routes(before.opd), routes(after.opd));
  if (!same(before.routing ?? [], after.routing ?? [])) {
    const describe = (rules: TopicRule['routing']): string =>
      (rules ?? []).map((r) => `${r.whenAny.join('/')} ${r.mode === 'replace' ? '→' : '+'} ${routes(r.opd)}`).join('; ') || '—';
    changes.add('changed', 'routing', `${id} › routing`, describe(before.routing), describe(after.routing));
  }
  const extra = (topic: TopicRule): Record<string, Json> => {
    const { id: _id, label: _l, keywords: _k, baseScore: _b, opd: _o, routing: _r, local: _lo, ...rest } = topic;
    return rest;
  };
  changes.compareTree('topics', id, extra(before), extra(after));
}

/**
 * What changed from one rule set to the next, item by item: topics and their keywords and
 * routes, signals, modifiers, places, lexicon entries and settings. The counts cover every
 * change; the list stops at `maxItems`. The `version` label is not a change.
 */
export function summarizeRuleSetChanges(before: RuleSet, after: RuleSet, maxItems: number = RULE_SET_LIMITS.maxChangeItems): RuleSetChangeSummary {
  const changes = new ChangeList();

  const beforeTopics = new Map(before.topics.map((t) => [t.id, t]));
  const afterTopics = new Map(after.topics.map((t) => [t.id, t]));
  for (const topic of after.topics) {
    const old = beforeTopics.get(topic.id);
    if (!old) changes.add('added', 'topics', topic.id, undefined, `${topic.label}: ${topic.keywords.map((k) => k.phrase).join(', ')}`);
    else compareTopic(changes, old, topic);
  }
  for (const topic of before.topics) if (!afterTopics.has(topic.id)) changes.add('removed', 'topics', topic.id, topic.label);

  changes.compareLists('signals', before.signals, after.signals, (s) => key(s.phrase), (s) =>
    [s.level, s.score ?? '', s.topics?.length ? `[${s.topics.join(', ')}]` : ''].filter((p) => p !== '').join(' '),
  );
  changes.compareLists('modifiers', before.modifiers, after.modifiers, (m) => key(m.phrase), (m) =>
    `${m.delta > 0 ? '+' : ''}${m.delta}${m.unlessAlarm ? ' unlessAlarm' : ''}`,
  );
  changes.compareLists('places', before.places, after.places, (p) => p.code, (p) => `${p.name} [${p.aliases.join(', ')}]`);

  changes.compareRecords('lexicon', 'replacements', before.lexicon.replacements, after.lexicon.replacements);
  changes.compareRecords('lexicon', 'emoji', before.lexicon.emoji, after.lexicon.emoji);
  changes.compareSets('lexicon', 'vocabulary', before.lexicon.vocabulary, after.lexicon.vocabulary);
  changes.compareSets('negation', 'negators', before.negation.negators, after.negation.negators);
  changes.compareSets('negation', 'bridge', before.negation.bridge, after.negation.bridge);
  if (before.negation.maxGap !== after.negation.maxGap) changes.add('changed', 'negation', 'maxGap', before.negation.maxGap, after.negation.maxGap);
  for (const cue of ['kelurahan', 'kecamatan', 'general'] as const) {
    changes.compareSets('placeCues', cue, before.placeCues[cue], after.placeCues[cue]);
  }
  changes.compareTree('scoring', 'scoring', before.scoring, after.scoring);

  const rest = (ruleSet: RuleSet): Record<string, Json> =>
    Object.fromEntries(Object.entries(ruleSet).filter(([k]) => !KNOWN_SECTIONS.has(k)));
  const beforeRest = rest(before);
  const afterRest = rest(after);
  for (const section of new Set([...Object.keys(beforeRest), ...Object.keys(afterRest)])) {
    changes.compareTree(section, section, beforeRest[section], afterRest[section]);
  }

  const count = (kind: RuleSetChange['kind']): number => changes.all.filter((c) => c.kind === kind).length;
  return {
    added: count('added'),
    removed: count('removed'),
    changed: count('changed'),
    items: changes.all.slice(0, maxItems),
    truncated: changes.all.length > maxItems,
  };
}

export const NO_CHANGES: RuleSetChangeSummary = { added: 0, removed: 0, changed: 0, items: [], truncated: false };
