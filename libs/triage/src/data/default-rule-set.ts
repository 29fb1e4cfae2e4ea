import type { RuleSet } from '../lib/rule-set.types';
import { LANDMARK_PLACES, OUTSIDE_PLACES } from './landmarks.data';
import { DEFAULT_LEXICON } from './lexicon.data';
import { DEFAULT_MISINFORMATION, DEFAULT_QUESTIONS, DEFAULT_SENTIMENT } from './reading.data';
import { DEFAULT_TOPICS } from './topics.data';
import { DEFAULT_MODIFIERS, DEFAULT_NEGATION, DEFAULT_SIGNALS } from './urgency.data';
import { KECAMATAN_PLACES, KELURAHAN_PLACES } from './wilayah.data';

/** The keyword rules Sigap ships with; an administrator's edited copy replaces it later. */
export const DEFAULT_RULE_SET: RuleSet = {
  version: 'default-2025.2',
  lexicon: DEFAULT_LEXICON,
  topics: DEFAULT_TOPICS,
  signals: DEFAULT_SIGNALS,
  modifiers: DEFAULT_MODIFIERS,
  negation: DEFAULT_NEGATION,
  places: [...KECAMATAN_PLACES, ...KELURAHAN_PLACES, ...LANDMARK_PLACES, ...OUTSIDE_PLACES],
  placeCues: {
    kelurahan: ['kelurahan', 'kel.', 'desa'],
    kecamatan: ['kecamatan', 'kec.'],
    general: ['di', 'daerah', 'wilayah', 'sekitar', 'dekat', 'area', 'kawasan', 'jalan', 'gang', 'komplek', 'ke', 'dari', 'warga'],
  },
  scoring: {
    thresholds: { critical: 80, high: 60, normal: 30 },
    levelScores: { critical: 86, high: 68, normal: 45, low: 15 },
    noTopicScore: 22,
    minTopicWeight: 1.5,
    hashtagWeight: 0.5,
    corroboration: 3,
    maxCorroboration: 9,
    maxRaise: 16,
    maxLower: 60,
    author: { verified: 3, followersAtLeast: 10_000, followers: 2 },
    fullConfidenceWeight: 4,
    secondaryTopicFactor: 0.6,
    areaRouting: { kecamatan: 0.3, kelurahan: 0.25 },
    maxReasons: 8,
  },
  sentiment: DEFAULT_SENTIMENT,
  misinformation: DEFAULT_MISINFORMATION,
  questions: DEFAULT_QUESTIONS,
};
