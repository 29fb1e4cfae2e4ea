import { Injectable } from '@nestjs/common';
import type { MentionTags } from '@sigap/contracts';
import { createTriageEngine, DEFAULT_RULE_SET, type TriageInput } from '@sigap/triage';

/** The pipeline's door to the pure triage engine. */
@Injectable()
export class TriageService {
  private readonly engine = createTriageEngine(DEFAULT_RULE_SET);

  classify(input: TriageInput): MentionTags {
    return this.engine.classify(input);
  }
}
