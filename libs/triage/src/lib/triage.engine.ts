import type { OpdTag, Sentiment, Urgency } from '@sigap/contracts';
import { COMMON_WORDS } from '../data/common-words.data';
import { ENGLISH_MARKERS } from '../data/language.data';
import { INDONESIAN_MARKERS, SUNDANESE_MARKERS } from '../data/language-markers.data';
import { DEFAULT_MISINFORMATION, DEFAULT_QUESTIONS, DEFAULT_SENTIMENT } from '../data/reading.data';
import { DERIVED_SENTIMENT_WEIGHTS } from '../data/sentiment-lexicon.data';
import { createGazetteer, surfaceOf, type ResolvedPlace } from './gazetteer';
import { createLanguageDetector } from './language-detector';
import { createMessageReader, type MessageReading } from './message-reader';
import { PhraseTrie, type PhraseMatch } from './phrase-trie';
import type { OpdRoute, RuleSet, TopicRule, UrgencySignalRule } from './rule-set.types';
import { TriageRuleSetError, validateRuleSet } from './rule-set.validation';
import { createTextNormalizer, type NormalizedText } from './text-normalizer';
import type { TriageEngine, TriageInput, TriageResult } from './triage.types';

type Payload =
  | { kind: 'keyword'; topic: number; weight: number }
  | { kind: 'signal'; signal: UrgencySignalRule; score: number; topics: Set<string> | null }
  | { kind: 'modifier'; delta: number; unlessAlarm: boolean; onlyAlarm: boolean }
  | { kind: 'negator' };

interface CompiledRouting {
  cues: number[];
  mode: 'replace' | 'append';
  opd: OpdRoute[];
  phrases: string[];
}

interface SignalHit {
  level: Urgency;
  score: number;
  surface: string;
}

/** What the words of one message say, before any decision. */
interface Evidence {
  weights: number[];
  /** Per topic, the keywords found, as written. */
  topicWords: string[][];
  cues: Set<number>;
  /** `weak`: written only as a hashtag or an emoji ("🆘", "#darurat"). */
  signals: { payload: Extract<Payload, { kind: 'signal' }>; surface: string; weak: boolean }[];
  modifiers: { payload: Extract<Payload, { kind: 'modifier' }>; surface: string }[];
}

interface UrgencyVerdict {
  urgency: Urgency;
  score: number;
  signals: SignalHit[];
  strongest: SignalHit | null;
  lowSignals: string[];
  raises: string[];
  lowers: string[];
  /** Set when the author's reach nudged the score. */
  reach: string | null;
}

const LEVEL_LABEL: Record<Urgency, string> = { critical: 'kritis', high: 'tinggi', normal: 'normal', low: 'rendah' };
const LEVEL_ORDER: Record<Urgency, number> = { critical: 3, high: 2, normal: 1, low: 0 };
const WEAKER: Record<Urgency, Urgency> = { critical: 'high', high: 'normal', normal: 'low', low: 'low' };

const round2 = (value: number): number => Math.round(value * 100) / 100;
const splitWords = (list: string): string[] => list.split(' ').filter(Boolean);

// Built once per process: the derived word lists are the same for every rule set.
let derivedData: { weights: Map<string, number>; common: Set<string> } | null = null;
function derived(): { weights: Map<string, number>; common: Set<string> } {
  if (!derivedData) {
    const weights = new Map<string, number>();
    for (const entry of splitWords(DERIVED_SENTIMENT_WEIGHTS)) {
      const colon = entry.lastIndexOf(':');
      weights.set(entry.slice(0, colon), Number(entry.slice(colon + 1)));
    }
    const common = new Set(splitWords(COMMON_WORDS));
    for (const word of weights.keys()) common.add(word);
    derivedData = { weights, common };
  }
  return derivedData;
}
const quoted = (items: readonly string[]): string => items.map((item) => `'${item}'`).join(' + ');
const listed = (items: readonly string[]): string => items.map((item) => `'${item}'`).join(', ');

/**
 * Compiles a rule set into a classifier. All matchers are built here, once; `classify` only walks
 * the words of a message. Throws `TriageRuleSetError` when the rule set is not usable.
 */
export function createTriageEngine(ruleSet: RuleSet): TriageEngine {
  const problems = validateRuleSet(ruleSet);
  if (problems.length > 0) throw new TriageRuleSetError(problems);

  const { scoring, topics } = ruleSet;
  const phraseNormalizer = createTextNormalizer(ruleSet.lexicon);
  const toWords = (phrase: string): string[] => phraseNormalizer.normalize(phrase).words;

  // Phrases are read with the same lexicon as messages, so "jl. Soekarno-Hatta" meets "jln soekarno hatta".
  const trie = new PhraseTrie<Payload>();
  const vocabulary = new Set<string>();
  const addPhrase = (phrase: string, payload: Payload): void => {
    const words = toWords(phrase);
    for (const word of words) vocabulary.add(word);
    trie.add(words, payload);
  };

  topics.forEach((topic, index) => {
    for (const keyword of topic.keywords) addPhrase(keyword.phrase, { kind: 'keyword', topic: index, weight: keyword.weight });
  });
  for (const signal of ruleSet.signals) {
    addPhrase(signal.phrase, {
      kind: 'signal',
      signal,
      score: signal.score ?? scoring.levelScores[signal.level],
      topics: signal.topics ? new Set(signal.topics) : null,
    });
  }
  for (const modifier of ruleSet.modifiers) {
    addPhrase(modifier.phrase, {
      kind: 'modifier',
      delta: modifier.delta,
      unlessAlarm: modifier.unlessAlarm ?? false,
      onlyAlarm: modifier.onlyAlarm ?? false,
    });
  }
  for (const negator of ruleSet.negation.negators) addPhrase(negator, { kind: 'negator' });

  // Routing cues only ask whether a phrase occurs, so they live in a trie of their own that finds
  // every occurrence, also inside a longer keyword ("pohon tumbang menimpa" holds "menimpa").
  const cueTrie = new PhraseTrie<number>();
  const cueIds = new Map<string, number>();
  const routingOf: CompiledRouting[][] = topics.map((topic) =>
    (topic.routing ?? []).map((rule) => ({
      mode: rule.mode,
      opd: rule.opd,
      phrases: rule.whenAny,
      cues: rule.whenAny.map((phrase) => {
        const key = toWords(phrase).join(' ');
        let id = cueIds.get(key);
        if (id === undefined) {
          id = cueIds.size;
          cueIds.set(key, id);
          const words = toWords(phrase);
          for (const word of words) vocabulary.add(word);
          cueTrie.add(words, id);
        }
        return id;
      }),
    })),
  );

  const bridge = new Set(ruleSet.negation.bridge.flatMap(toWords));
  const placeWords = new Set<string>();
  for (const place of ruleSet.places) for (const alias of [place.name, ...place.aliases]) for (const w of toWords(alias)) placeWords.add(w);
  for (const cue of [...ruleSet.placeCues.general, ...ruleSet.placeCues.kecamatan, ...ruleSet.placeCues.kelurahan]) {
    for (const w of toWords(cue)) vocabulary.add(w);
  }

  const sentimentRules = ruleSet.sentiment ?? DEFAULT_SENTIMENT;
  const misinformationRules = ruleSet.misinformation ?? DEFAULT_MISINFORMATION;
  const questionRules = ruleSet.questions ?? DEFAULT_QUESTIONS;
  const { weights: derivedWeights, common } = derived();
  const reader = createMessageReader({
    sentiment: sentimentRules,
    misinformation: misinformationRules,
    questions: questionRules,
    derivedWeights,
    negators: new Set([...ruleSet.negation.negators.flatMap(toWords), 'kurang']),
    toWords,
  });
  // Misspellings are read as rule words (topics, signals, modifiers, reader phrases), never as place names:
  // a street one letter away from a kelurahan is another street.
  const fuzzyTargets = new Set([...vocabulary, ...reader.vocabulary]);
  const normalizer = createTextNormalizer(ruleSet.lexicon, [...fuzzyTargets, ...placeWords], {
    commonWords: common,
    fuzzyTargets,
  });
  const gazetteer = createGazetteer(ruleSet.places, ruleSet.placeCues, toWords);
  const languages = createLanguageDetector({
    sundanese: splitWords(SUNDANESE_MARKERS),
    indonesian: splitWords(INDONESIAN_MARKERS),
    english: ENGLISH_MARKERS,
    names: [...placeWords].filter((word) => !fuzzyTargets.has(word)),
  });
  const misinformationTopic = topics.findIndex((topic) => topic.id === misinformationRules.topic);

  const classOf = (score: number): Urgency =>
    score >= scoring.thresholds.critical
      ? 'critical'
      : score >= scoring.thresholds.high
        ? 'high'
        : score >= scoring.thresholds.normal
          ? 'normal'
          : 'low';
  const ceilingOf = (urgency: Urgency): number =>
    urgency === 'critical'
      ? 100
      : urgency === 'high'
        ? scoring.thresholds.critical - 1
        : urgency === 'normal'
          ? scoring.thresholds.high - 1
          : scoring.thresholds.normal - 1;

  const hasPayload = (match: PhraseMatch<Payload>, kind: Payload['kind']): boolean =>
    match.payloads.some((p) => p.kind === kind);
  const isContent = (match: PhraseMatch<Payload>): boolean =>
    match.payloads.some((p) => p.kind === 'keyword' || p.kind === 'signal' || p.kind === 'modifier');

  /** Negators that cancel the next keyword or signal ("tidak banjir", "tidak ada yang terjebak"). */
  function findNegations(text: NormalizedText, matches: PhraseMatch<Payload>[]): { negated: boolean[]; spans: string[] } {
    const negated = new Array<boolean>(matches.length).fill(false);
    const spans: string[] = [];
    for (let k = 0; k + 1 < matches.length; k++) {
      const current = matches[k];
      const next = matches[k + 1];
      if (!hasPayload(current, 'negator') || isContent(current) || !isContent(next)) continue;
      if (next.start - current.end > ruleSet.negation.maxGap) continue;
      // Only bridge words may stand between, and a negation ends with its clause ("gak sih? grup WA rame").
      let bridged = true;
      for (let i = current.end; i < next.start; i++) if (!bridge.has(text.words[i])) bridged = false;
      for (let i = current.end; i <= next.start; i++) if (text.clauseStart[i]) bridged = false;
      if (!bridged) continue;
      negated[k + 1] = true;
      spans.push(surfaceOf(text, current.start, next.end));
    }
    return { negated, spans };
  }

  function collectEvidence(text: NormalizedText, matches: PhraseMatch<Payload>[], negated: boolean[], place: ResolvedPlace): Evidence {
    const evidence: Evidence = {
      weights: new Array<number>(topics.length).fill(0),
      topicWords: topics.map(() => []),
      cues: new Set<number>(),
      signals: [],
      modifiers: [],
    };
    // Words that belong to a place name are not evidence for a topic ("Pasar Caringin", "Kelurahan Taman Sari").
    const inPlaceName = (match: PhraseMatch<Payload>): boolean =>
      place.spans.some(([start, end]) => match.start >= start && match.end <= end);

    matches.forEach((match, k) => {
      if (negated[k]) return;
      const surface = surfaceOf(text, match.start, match.end);
      for (const payload of match.payloads) {
        switch (payload.kind) {
          case 'keyword': {
            // A word repeated ("banjir banjir", "🔥🔥🔥") is one piece of evidence.
            const seen = evidence.topicWords[payload.topic];
            if (seen.includes(surface) || inPlaceName(match)) break;
            evidence.weights[payload.topic] += text.hashtag[match.start] ? payload.weight * scoring.hashtagWeight : payload.weight;
            seen.push(surface);
            break;
          }
          case 'signal':
            if (!evidence.signals.some((s) => s.surface === surface && s.payload === payload)) {
              evidence.signals.push({ payload, surface, weak: text.hashtag.slice(match.start, match.end).every(Boolean) });
            }
            break;
          case 'modifier':
            evidence.modifiers.push({ payload, surface });
            break;
          case 'negator':
            break;
        }
      }
    });
    // A cue inside a negated phrase does not count ("tidak ada korban" asks for no medical team).
    const negatedRanges = matches.filter((_, k) => negated[k]);
    for (const cue of cueTrie.scanAll(text.words)) {
      if (negatedRanges.some((m) => cue.start >= m.start && cue.end <= m.end)) continue;
      for (const id of cue.payloads) evidence.cues.add(id);
    }
    return evidence;
  }

  /** The topic with the most evidence (ties go to the one listed first) and the runner-up. */
  function chooseTopics(weights: number[]): { topic: number; runnerUp: number } {
    let topic = -1;
    let runnerUp = -1;
    for (let t = 0; t < topics.length; t++) {
      if (weights[t] < scoring.minTopicWeight) continue;
      if (topic < 0 || weights[t] > weights[topic]) {
        runnerUp = topic;
        topic = t;
      } else if (runnerUp < 0 || weights[t] > weights[runnerUp]) {
        runnerUp = t;
      }
    }
    return { topic, runnerUp };
  }

  /** The strongest of the topic's base score and the signals, corroborated, then modified, then nudged by reach. */
  function scoreUrgency(evidence: Evidence, topic: TopicRule | null, reading: MessageReading, author: TriageInput['author']): UrgencyVerdict {
    const { question } = reading;
    const signals: SignalHit[] = [];
    for (const { payload, surface, weak } of evidence.signals) {
      if (payload.topics && !(topic && payload.topics.has(topic.id))) continue;
      // An emoji or a hashtag alone says one level less than the words would ("🆘" is not yet "SOS, terjebak").
      const level = weak ? WEAKER[payload.signal.level] : payload.signal.level;
      signals.push({ level, score: weak ? Math.min(payload.score, scoring.levelScores[level]) : payload.score, surface });
    }
    let strongest: SignalHit | null = null;
    const lowSignals: string[] = [];
    for (const signal of signals) {
      if (signal.level === 'low') lowSignals.push(signal.surface);
      else if (!strongest || signal.score > strongest.score) strongest = signal;
    }
    const corroborating = signals.filter((s) => s !== strongest && LEVEL_ORDER[s.level] >= LEVEL_ORDER.high).length;
    const alarm = strongest !== null && LEVEL_ORDER[strongest.level] >= LEVEL_ORDER.high;
    const emergency = alarm || (topic !== null && topic.baseScore >= scoring.thresholds.high);

    const raises: string[] = [];
    const lowers: string[] = [];
    let raise = 0;
    let lower = 0;
    for (const { payload, surface } of evidence.modifiers) {
      if (payload.delta === 0 || (payload.unlessAlarm && alarm) || (payload.onlyAlarm && !emergency)) continue;
      if (payload.delta > 0) {
        raise += payload.delta;
        raises.push(surface);
      } else {
        lower += payload.delta;
        lowers.push(surface);
      }
    }

    let score = topic ? topic.baseScore : scoring.noTopicScore;
    if (strongest) score = Math.max(score, strongest.score) + Math.min(scoring.maxCorroboration, corroborating * scoring.corroboration);
    const substantive = topic !== null || strongest !== null;
    if (!substantive && (lowSignals.length > 0 || question)) score = Math.min(score, scoring.levelScores.low);
    // "masih", "sekarang" only matter when something is going on; "sudah surut" always calms.
    if (substantive) score += Math.min(raise, scoring.maxRaise);
    // Praise and thanks that complain of nothing are chatter, whatever their topic ("festivalnya keren").
    if (reading.praise && !alarm && reading.sentiment >= sentimentRules.thresholds.positive) {
      lower += sentimentRules.praiseDelta;
      lowers.push('pujian');
    }
    score += Math.max(lower, -scoring.maxLower);
    // A question or suggestion that complains of nothing asks for information ("jam buka Disdukcapil hari Sabtu?").
    // A question about a rumour is what the information office is for: it keeps its topic's urgency.
    if (question && !reading.complaint && !reading.misinformation && !alarm && score > questionRules.maxScore) {
      score = questionRules.maxScore;
      lowers.push('pertanyaan');
    }
    score = Math.max(0, Math.min(100, Math.round(score)));
    let urgency = classOf(score);

    let reach: string | null = null;
    if (urgency !== 'low') {
      let boost = 0;
      if (author?.verified) boost += scoring.author.verified;
      if ((author?.followers ?? 0) >= scoring.author.followersAtLeast) boost += scoring.author.followers;
      if (boost > 0) {
        score = Math.min(score + boost, ceilingOf(urgency));
        urgency = classOf(score);
        reach = author?.verified ? 'akun terverifikasi' : `akun dengan ≥ ${scoring.author.followersAtLeast} pengikut`;
      }
    }
    return { urgency, score, signals, strongest, lowSignals, raises: substantive ? raises : [], lowers, reach };
  }

  /** The topic's route (or the one its cues select), a runner-up topic's unit, then the area offices. */
  function route(evidence: Evidence, chosen: { topic: number; runnerUp: number }, place: ResolvedPlace): { opd: OpdTag[]; reason: string | null } {
    const opd: OpdTag[] = [];
    let reason: string | null = null;
    const add = (code: string, confidence: number): void => {
      const existing = opd.find((tag) => tag.code === code);
      if (existing) existing.confidence = Math.max(existing.confidence, round2(confidence));
      else opd.push({ code, confidence: round2(confidence) });
    };
    // Weak evidence for a topic makes its routing less sure.
    const strength = (t: number): number => 0.6 + 0.4 * Math.min(1, evidence.weights[t] / scoring.fullConfidenceWeight);

    const topic = chosen.topic >= 0 ? topics[chosen.topic] : null;
    if (topic) {
      const factor = strength(chosen.topic);
      let routes = topic.opd;
      const appended: OpdRoute[] = [];
      let replaced = false;
      for (const rule of routingOf[chosen.topic]) {
        const hit = rule.cues.findIndex((cue) => evidence.cues.has(cue));
        if (hit < 0) continue;
        if (rule.mode === 'append') appended.push(...rule.opd);
        else if (!replaced) {
          replaced = true;
          routes = rule.opd;
          reason = `rute: '${rule.phrases[hit]}' → ${rule.opd.map((r) => r.code).join(', ')}`;
        }
      }
      for (const r of [...routes, ...appended]) add(r.code, r.confidence * factor);
      if (chosen.runnerUp >= 0) {
        const [first] = topics[chosen.runnerUp].opd;
        if (first) add(first.code, first.confidence * scoring.secondaryTopicFactor * strength(chosen.runnerUp));
      }
    }
    opd.sort((a, b) => b.confidence - a.confidence);
    if (place.kecamatan && scoring.areaRouting && (topic?.local ?? true)) {
      add(place.kecamatan, scoring.areaRouting.kecamatan);
      if (place.kelurahan) add(place.kelurahan, scoring.areaRouting.kelurahan);
    }
    return { opd, reason };
  }

  /** Why, in the order an admin reads it: the urgency, the topic, what changed it, the route, the place. */
  function explain(
    verdict: UrgencyVerdict,
    topic: TopicRule | null,
    topicWords: string[],
    negations: string[],
    routeReason: string | null,
    place: ResolvedPlace,
    question: boolean,
  ): string[] {
    const reasons: string[] = [];
    const label = LEVEL_LABEL[verdict.urgency];
    if (verdict.strongest) {
      const cited = [verdict.strongest.surface];
      for (const signal of verdict.signals) {
        if (cited.length >= 2) break;
        if (signal.level !== 'low' && !cited.includes(signal.surface)) cited.push(signal.surface);
      }
      const topicWord = topicWords.find((word) => !cited.includes(word));
      if (topicWord) cited.push(topicWord);
      reasons.push(`${label}: kata ${quoted(cited)}`);
    } else if (topic) {
      reasons.push(`${label}: kata ${quoted(topicWords.slice(0, 2))}`);
    } else if (verdict.lowSignals.length > 0) {
      reasons.push(`${label}: kata ${quoted(verdict.lowSignals.slice(0, 2))}`);
    } else {
      reasons.push(`${label}: ${question ? 'pertanyaan' : 'tidak ada kata kunci aduan'}`);
    }
    if (topic) reasons.push(`topik ${topic.label}: ${listed(topicWords.slice(0, 3))}`);
    if (verdict.raises.length > 0) reasons.push(`dinaikkan: ${listed(verdict.raises.slice(0, 3))}`);
    if (verdict.lowers.length > 0) reasons.push(`diturunkan: ${listed(verdict.lowers.slice(0, 3))}`);
    if (negations.length > 0) reasons.push(`diabaikan karena negasi: ${listed(negations.slice(0, 2))}`);
    if (routeReason) reasons.push(routeReason);
    if (place.kecamatan) {
      const kecamatan = gazetteer.nameOf(place.kecamatan);
      const kelurahan = place.kelurahan ? gazetteer.nameOf(place.kelurahan) : undefined;
      const where = kelurahan ? `Kel. ${kelurahan}, Kec. ${kecamatan}` : `Kec. ${kecamatan}`;
      reasons.push(`lokasi: ${listed(place.evidence.slice(0, 2).map((m) => m.surface))} → ${where}`);
    } else if (place.outside.length > 0) {
      reasons.push(`lokasi di luar Kota Bandung: ${listed(place.outside.slice(0, 2).map((m) => m.surface))}`);
    }
    if (verdict.reach) reasons.push(verdict.reach);
    return reasons.slice(0, scoring.maxReasons);
  }

  /** Negatif, netral or positif from the words' weights, leaning negative when a problem is reported. */
  function sentimentOf(reading: MessageReading, topic: TopicRule | null, urgency: Urgency): Sentiment {
    let value = reading.sentiment;
    if (topic && urgency !== 'low') value += sentimentRules.problemBias;
    if (urgency === 'critical') value = Math.min(value, sentimentRules.thresholds.negative);
    if (value <= sentimentRules.thresholds.negative) return 'negatif';
    if (value >= sentimentRules.thresholds.positive) return 'positif';
    return 'netral';
  }

  function classify(input: TriageInput): TriageResult {
    const original = typeof input.text === 'string' ? input.text : '';
    const text = normalizer.normalize(original);
    const matches = trie.scan(text.words);
    const negation = findNegations(text, matches);
    const place = gazetteer.resolve(text);
    const reading = reader.read(text);
    const evidence = collectEvidence(text, matches, negation.negated, place);
    if (reading.aboutRumour && misinformationTopic >= 0) {
      evidence.weights[misinformationTopic] += misinformationRules.topicWeight;
      for (const word of reading.rumourWords) {
        if (!evidence.topicWords[misinformationTopic].includes(word)) evidence.topicWords[misinformationTopic].push(word);
      }
    }
    const chosen = chooseTopics(evidence.weights);
    const topic = chosen.topic >= 0 ? topics[chosen.topic] : null;
    const verdict = scoreUrgency(evidence, topic, reading, input.author);
    const routed = route(evidence, chosen, place);
    const topicWords = topic ? evidence.topicWords[chosen.topic] : [];
    const reasons = explain(verdict, topic, topicWords, negation.spans, routed.reason, place, reading.question);
    if (reading.misinformation) {
      reasons.splice(Math.min(reasons.length, scoring.maxReasons - 1), 0, `kabar yang perlu dicek: ${listed(reading.rumourWords.slice(0, 2))}`);
    }
    return {
      urgency: verdict.urgency,
      score: verdict.score,
      opd: routed.opd,
      kecamatan: place.kecamatan,
      kelurahan: place.kelurahan,
      topic: topic ? topic.id : null,
      reasons: reasons.slice(0, scoring.maxReasons),
      ruleSetVersion: ruleSet.version,
      sentiment: sentimentOf(reading, topic, verdict.urgency),
      language: languages.detect(text),
      misinformation: reading.misinformation,
      place: gazetteer.describe(text, place, original),
    };
  }

  return { ruleSetVersion: ruleSet.version, classify };
}
