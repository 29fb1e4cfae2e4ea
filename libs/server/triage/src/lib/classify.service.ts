import { Injectable } from '@nestjs/common';
import type { ClassifyItemInput, ClassifyResponse } from '@sigap/contracts';
import { validationFailed } from '@sigap/server/core';
import { combine, predict, type TriageInput } from '@sigap/triage';
import { parseClassifyRequest } from './classify-request.schema';
import { TriageService } from './triage.service';

const authorOf = (author: ClassifyItemInput['author']): TriageInput['author'] =>
  typeof author === 'string' ? { handle: author } : author;

/** Tags messages with the published rule set (and the active model) without storing them: for admins testing rules and for other systems. */
@Injectable()
export class ClassifyService {
  constructor(private readonly triage: TriageService) {}

  classify(body: unknown): ClassifyResponse {
    const parsed = parseClassifyRequest(body);
    if (!parsed.ok) throw validationFailed(parsed.errors);
    // One rule set and one model for the whole request, even if a new one is loaded meanwhile.
    const { engine } = this.triage.current();
    const learned = this.triage.currentModel();
    return {
      items: parsed.items.map((item) => {
        const rules = engine.classify({ text: item.text, channel: item.channel, author: authorOf(item.author) });
        return { id: item.id, ...(learned ? combine(rules, predict(learned.model, item.text)) : rules) };
      }),
    };
  }
}
