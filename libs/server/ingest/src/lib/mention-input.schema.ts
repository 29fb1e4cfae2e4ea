import { CHANNELS, INGEST_LIMITS, type MentionInput } from '@sigap/contracts';
import { fieldErrorsOf, type FieldError } from '@sigap/server/core';
import { z } from 'zod';

const noNul = (value: string) => !value.includes('\u0000');
const NUL_MESSAGE = 'must not contain the NUL character';

const httpUrl = z
  .string()
  .max(INGEST_LIMITS.maxUrlLength)
  .url('must be a URL')
  .refine((value) => /^https?:\/\//i.test(value), 'must be an http(s) URL');

const containsNul = (value: unknown, depth = 0): boolean => {
  if (depth > 64) return false;
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some((v) => containsNul(v, depth + 1));
  if (value && typeof value === 'object') {
    return Object.entries(value).some(([k, v]) => k.includes('\u0000') || containsNul(v, depth + 1));
  }
  return false;
};

export const mentionInputSchema = z
  .object({
    channel: z.enum(CHANNELS, { errorMap: () => ({ message: `must be one of ${CHANNELS.join(', ')}` }) }),
    externalId: z.string().trim().min(1, 'must not be empty').max(INGEST_LIMITS.maxExternalIdLength).refine(noNul, NUL_MESSAGE),
    text: z
      .string()
      .max(INGEST_LIMITS.maxTextLength, `must be at most ${INGEST_LIMITS.maxTextLength} characters`)
      .refine((value) => value.trim().length > 0, 'must not be blank')
      .refine(noNul, NUL_MESSAGE),
    author: z
      .object({
        handle: z.string().trim().min(1, 'must not be empty').max(INGEST_LIMITS.maxHandleLength).refine(noNul, NUL_MESSAGE),
        name: z.string().max(INGEST_LIMITS.maxNameLength).refine(noNul, NUL_MESSAGE).optional(),
        followers: z.number().int().min(0).max(2_000_000_000).optional(),
        verified: z.boolean().optional(),
      })
      .strict(),
    postedAt: z.string().datetime({ offset: true, message: 'must be an ISO 8601 date-time with a time zone' }),
    url: httpUrl.optional(),
    inReplyTo: z.string().min(1).max(INGEST_LIMITS.maxExternalIdLength).refine(noNul, NUL_MESSAGE).optional(),
    media: z
      .array(z.object({ url: httpUrl, type: z.string().max(64).optional() }).strict())
      .max(INGEST_LIMITS.maxMediaItems)
      .optional(),
    location: z
      .object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) })
      .strict()
      .optional(),
    raw: z.unknown().refine((value) => !containsNul(value), 'must not contain the NUL character (PostgreSQL cannot store it)').optional(),
  })
  .strict();

export type ParsedMention = { ok: true; mention: MentionInput } | { ok: false; errors: FieldError[] };

export function parseMention(value: unknown): ParsedMention {
  const result = mentionInputSchema.safeParse(value);
  if (result.success) return { ok: true, mention: result.data as MentionInput };
  return { ok: false, errors: fieldErrorsOf(result.error.issues, 'mention') };
}
