import type { Urgency } from '@sigap/contracts';

/** The label a primary OPD of "no unit" is learned and predicted under. */
export const NO_OPD = '(none)';

/** One labelled message: what a person said the urgency and the primary OPD are. */
export interface TrainingExample {
  text: string;
  urgency: Urgency;
  /** The primary OPD code (not a KEC-/KEL- office), or null when no unit should act. */
  opd: string | null;
  /** How much the example counts (default 1); a correction by an admin counts more than a seed message. */
  weight?: number;
}

export interface TrainOptions {
  /** Number of hash buckets is 2^hashBits. */
  hashBits?: number;
  /** Passes over the examples. */
  epochs?: number;
  learningRate?: number;
  /** L2 penalty per update. */
  l2?: number;
  /** Buckets seen in fewer training messages are dropped from the stored model. */
  minDocumentFrequency?: number;
  /** Seed of the shuffling; the same examples and seed give the same model. */
  seed?: number;
}

/** A softmax-regression head over the shared hashed features: one weight row per class. */
export interface LinearHead {
  classes: string[];
  bias: number[];
  /** weights[c][k] is the weight of class c on bucket `features[k]` of the model. */
  weights: number[][];
}

/** A trained model as stored (JSON-serialisable, no functions). */
export interface TriageModel {
  format: 'sigap-linear-v1';
  hashBits: number;
  /** Kept bucket ids, ascending. */
  features: number[];
  urgency: LinearHead;
  opd: LinearHead;
  trainedOn: number;
}

export interface ClassProbability {
  label: string;
  probability: number;
}

export interface HeadPrediction {
  label: string;
  probability: number;
  /** Every class, most probable first. */
  ranked: ClassProbability[];
}

export interface ModelPrediction {
  urgency: HeadPrediction & { label: Urgency };
  /** `label` is an OPD code or NO_OPD. */
  opd: HeadPrediction;
}
