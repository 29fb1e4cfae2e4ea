import type { MentionTags } from '@sigap/contracts';

export interface TriageInput {
  text: string;
  channel?: string;
  author?: { handle?: string; followers?: number; verified?: boolean };
}

/** What the engine says about one message: the tags stored with a mention, every field given. */
export type TriageResult = Required<MentionTags>;

export interface TriageEngine {
  /** The version of the rule set the engine was built from; also in every result. */
  readonly ruleSetVersion: string;
  classify(input: TriageInput): TriageResult;
}
