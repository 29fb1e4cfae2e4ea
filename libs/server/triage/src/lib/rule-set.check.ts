import { URGENCIES } from '@sigap/contracts';
import type { FieldError } from '@sigap/server/core';
import { createTriageEngine, TriageRuleSetError, validateRuleSet, type RuleSet, type TriageEngine } from '@sigap/triage';
import { z, type ZodIssue } from 'zod';

/** A stored rule set is a few hundred kilobytes; far larger is a mistake, not a taxonomy. */
export const MAX_RULE_SET_JSON_CHARS = 4_000_000;

const phrase = z.string().max(300, 'must be at most 300 characters');
const phrases = z.array(phrase);
const score = z.number().finite();
const opdRoute = z.object({ code: z.string().max(64), confidence: z.number().finite() }).passthrough();

/*
 * The shape the engine reads. Unknown fields pass through so the engine can grow new sections
 * without this check rejecting them; what a value means (ranges, references) is the engine's
 * own `validateRuleSet`, run after this.
 */
const ruleSetShape = z
  .object({
    version: z.string().max(100),
    lexicon: z
      .object({
        replacements: z.record(z.string()),
        emoji: z.record(z.string()),
        vocabulary: z.array(z.string()),
      })
      .passthrough(),
    topics: z.array(
      z
        .object({
          id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1-64 letters, digits, "_" or "-"'),
          label: z.string().min(1, 'must not be empty').max(200),
          keywords: z.array(z.object({ phrase, weight: z.number().finite() }).passthrough()),
          baseScore: score,
          opd: z.array(opdRoute),
          routing: z
            .array(z.object({ whenAny: phrases, mode: z.enum(['replace', 'append']), opd: z.array(opdRoute) }).passthrough())
            .optional(),
          local: z.boolean().optional(),
        })
        .passthrough(),
    ),
    signals: z.array(
      z
        .object({ phrase, level: z.enum(URGENCIES), score: score.optional(), topics: z.array(z.string()).optional() })
        .passthrough(),
    ),
    modifiers: z.array(z.object({ phrase, delta: score, unlessAlarm: z.boolean().optional() }).passthrough()),
    negation: z.object({ negators: phrases, bridge: phrases, maxGap: z.number().int().min(0).max(20) }).passthrough(),
    places: z.array(
      z
        .object({
          code: z.string().min(1, 'must not be empty').max(64),
          kind: z.enum(['kecamatan', 'kelurahan', 'landmark', 'outside']),
          name: z.string().min(1, 'must not be empty').max(200),
          aliases: phrases,
          kecamatan: z.array(z.string()),
          kelurahan: z.string().optional(),
          requiresCue: z.boolean().optional(),
        })
        .passthrough(),
    ),
    placeCues: z.object({ kelurahan: phrases, kecamatan: phrases, general: phrases }).passthrough(),
    scoring: z
      .object({
        thresholds: z.object({ critical: score, high: score, normal: score }).passthrough(),
        levelScores: z.object({ critical: score, high: score, normal: score, low: score }).passthrough(),
        noTopicScore: score,
        minTopicWeight: score,
        hashtagWeight: score,
        corroboration: score,
        maxCorroboration: score,
        maxRaise: score,
        maxLower: score,
        author: z.object({ verified: score, followersAtLeast: score, followers: score }).passthrough(),
        fullConfidenceWeight: score.positive('must be positive'),
        secondaryTopicFactor: score,
        areaRouting: z.object({ kecamatan: score, kelurahan: score }).passthrough().nullable(),
        maxReasons: z.number().int().min(1).max(50),
      })
      .passthrough(),
  })
  .passthrough();

export type RuleSetCheck = { ok: true; ruleSet: RuleSet; engine: TriageEngine } | { ok: false; errors: FieldError[] };

const issueMessage = (issue: ZodIssue): string =>
  issue.code === 'invalid_type' && issue.received === 'undefined' ? 'is required' : issue.message;

const quotedIn = (problem: string): string | null => /'([^']*)'/.exec(problem)?.[1] ?? null;

/**
 * Where in the rule set an engine problem ("topic banjir: weight of 'x' must be positive") lies,
 * as a path like `topics.0.keywords.3`; the engine reports by name, admins edit by position.
 */
export function locateProblem(problem: string, ruleSet: RuleSet): string {
  const dotted = /^((?:version|scoring|lexicon|negation|placeCues)(?:\.[A-Za-z0-9_]+)*)\b/.exec(problem);
  if (dotted) return dotted[1];
  const topic = /^topic (\S+?):? /.exec(problem);
  if (topic) {
    const index = ruleSet.topics.findIndex((t) => t.id === topic[1]);
    if (index < 0) return 'topics';
    const quoted = quotedIn(problem);
    const keyword = quoted === null ? -1 : ruleSet.topics[index].keywords.findIndex((k) => k.phrase === quoted);
    if (keyword >= 0) return `topics.${index}.keywords.${keyword}`;
    if (/empty keyword/.test(problem)) {
      const empty = ruleSet.topics[index].keywords.findIndex((k) => !k.phrase.trim());
      if (empty >= 0) return `topics.${index}.keywords.${empty}`;
    }
    if (/routing/.test(problem)) return `topics.${index}.routing`;
    if (/OPD code|confidence of/.test(problem)) return `topics.${index}.opd`;
    if (/baseScore/.test(problem)) return `topics.${index}.baseScore`;
    if (/no keywords/.test(problem)) return `topics.${index}.keywords`;
    return `topics.${index}`;
  }
  const listed = (section: 'signals' | 'modifiers', word: string): string | null => {
    if (!problem.startsWith(`${word} '`) && !problem.startsWith(`a ${word} has`)) return null;
    const quoted = quotedIn(problem) ?? '';
    const index = ruleSet[section].findIndex((item) => item.phrase === quoted || (!quoted && !item.phrase.trim()));
    return index >= 0 ? `${section}.${index}` : section;
  };
  const signalOrModifier = listed('signals', 'signal') ?? listed('modifiers', 'modifier');
  if (signalOrModifier) return signalOrModifier;
  const place = /^place (\S+) /.exec(problem);
  if (place) {
    const index = ruleSet.places.findIndex((p) => p.code === place[1]);
    return index >= 0 ? `places.${index}` : 'places';
  }
  return 'content';
}

/**
 * Everything that must hold before a rule set may be stored: its shape (with the path of each
 * fault), the engine's own validation, and that the engine actually compiles it.
 */
export function checkRuleSet(content: unknown): RuleSetCheck {
  const at = (path: string): string => (path === 'content' ? path : `content.${path}`);
  if (JSON.stringify(content ?? null).length > MAX_RULE_SET_JSON_CHARS) {
    return { ok: false, errors: [{ field: 'content', message: `must be at most ${MAX_RULE_SET_JSON_CHARS} characters as JSON` }] };
  }
  const shape = ruleSetShape.safeParse(content);
  if (!shape.success) {
    return {
      ok: false,
      errors: shape.error.issues.map((issue) => ({ field: at(issue.path.join('.') || 'content'), message: issueMessage(issue) })),
    };
  }
  // The parsed copy keeps unknown fields (passthrough), so it is the rule set as sent.
  const ruleSet = shape.data as unknown as RuleSet;
  const problems = validateRuleSet(ruleSet);
  if (problems.length > 0) {
    return { ok: false, errors: problems.map((message) => ({ field: at(locateProblem(message, ruleSet)), message })) };
  }
  try {
    return { ok: true, ruleSet, engine: createTriageEngine(ruleSet) };
  } catch (error) {
    if (error instanceof TriageRuleSetError) {
      return { ok: false, errors: error.problems.map((message) => ({ field: at(locateProblem(message, ruleSet)), message })) };
    }
    return { ok: false, errors: [{ field: 'content', message: `the engine cannot use it: ${(error as Error).message}` }] };
  }
}

/** Every OPD code the rule set routes to, with where it is used. */
export function opdCodesOf(ruleSet: Pick<RuleSet, 'topics'>): { code: string; path: string }[] {
  const found: { code: string; path: string }[] = [];
  ruleSet.topics.forEach((topic, t) => {
    topic.opd.forEach((route, o) => found.push({ code: route.code, path: `topics.${t}.opd.${o}.code` }));
    (topic.routing ?? []).forEach((rule, r) =>
      rule.opd.forEach((route, o) => found.push({ code: route.code, path: `topics.${t}.routing.${r}.opd.${o}.code` })),
    );
  });
  return found;
}
