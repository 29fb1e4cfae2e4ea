import { INGEST_LIMITS, RULE_SET_LIMITS, type ClassifyItemInput } from '@sigap/contracts';
import { fieldErrorsOf, type FieldError } from '@sigap/server/core';
import { z } from 'zod';

const author = z.union([
  z.string().max(INGEST_LIMITS.maxHandleLength),
  z
    .object({
      handle: z.string().max(INGEST_LIMITS.maxHandleLength).optional(),
      name: z.string().max(INGEST_LIMITS.maxNameLength).optional(),
      followers: z.number().int().min(0).optional(),
      verified: z.boolean().optional(),
    })
    .strict(),
]);

const classifyRequest = z
  .object({
    items: z
      .array(
        z
          .object({
            id: z.string().min(1, 'must not be empty').max(INGEST_LIMITS.maxExternalIdLength),
            text: z.string().max(INGEST_LIMITS.maxTextLength, `must be at most ${INGEST_LIMITS.maxTextLength} characters`),
            author: author.optional(),
            channel: z.string().max(32).optional(),
          })
          .strict(),
      )
      .min(1, 'must hold at least one item')
      .max(RULE_SET_LIMITS.maxClassifyItems, `must hold at most ${RULE_SET_LIMITS.maxClassifyItems} items`),
  })
  .strict();

export type ParsedClassifyRequest = { ok: true; items: ClassifyItemInput[] } | { ok: false; errors: FieldError[] };

export function parseClassifyRequest(body: unknown): ParsedClassifyRequest {
  const parsed = classifyRequest.safeParse(body);
  if (parsed.success) return { ok: true, items: parsed.data.items };
  return { ok: false, errors: fieldErrorsOf(parsed.error.issues.slice(0, 50), 'body') };
}
