import type { MentionTags, Urgency } from './mention';

/** Redis pub/sub channel (prefixed) on which a newly active triage model is announced. */
export const TRIAGE_MODEL_ACTIVATED_CHANNEL = 'triage:model-activated';

/** What an admin says a mention should have been: either or both. */
export interface MentionCorrectionRequest {
  urgency?: Urgency;
  /** OPD codes, most responsible first; the KEC-/KEL- offices the engine found are kept after them. */
  opd?: string[];
}

export interface MentionCorrectionState {
  urgency: Urgency;
  opd: string[];
}

/** What the server adds to a mention's tags when an admin corrects it: who, when, and what was before. */
export interface MentionCorrectedMarker {
  by: string | null;
  at: string;
  before: MentionCorrectionState;
}

/** The tags of a mention that may have been corrected. */
export type CorrectedMentionTags = MentionTags & { corrected?: MentionCorrectedMarker };

/** The correction marker in a mention's tags, or null when the engine's triage stands. */
export const correctedMarkerOf = (tags: MentionTags): MentionCorrectedMarker | null =>
  (tags as CorrectedMentionTags).corrected ?? null;

export interface MentionCorrectionView {
  id: string;
  mentionId: string;
  userId: string | null;
  before: MentionCorrectionState;
  after: MentionCorrectionState;
  createdAt: string;
}

export type TriageModelStatus = 'active' | 'archived';

/** Accuracy and macro-F1 of urgency and of the primary OPD on the held-out messages. */
export interface TriageModelScores {
  urgencyAccuracy: number;
  urgencyMacroF1: number;
  opdAccuracy: number;
  opdMacroF1: number;
}

export interface TriageModelMetrics {
  heldout: number;
  rulesOnly: TriageModelScores;
  rulesWithModel: TriageModelScores;
  /** Rules + model did no worse than rules only on both heads; only such a model is activated by training. */
  passed: boolean;
  trainingMs: number;
}

export interface TriageModelView {
  version: number;
  status: TriageModelStatus;
  metrics: TriageModelMetrics;
  trainedOn: { seed: number; corrections: number };
  createdAt: string;
  activatedAt: string | null;
}
