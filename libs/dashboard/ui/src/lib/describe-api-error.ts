import { MENTION_STATUSES, type MentionStatus } from '@sigap/contracts';
import type { TFunction } from 'i18next';
import { errorsId } from './i18n/errors.resources';

/**
 * The parts of a failed API call this needs. Read structurally so the ui lib stays free of
 * data-access (the ApiError class there has exactly these fields).
 */
interface ApiFailureShape {
  status?: unknown;
  code?: unknown;
  details?: unknown;
}

type FieldLabel = keyof typeof errorsId.fields;

const CODE_BY_STATUS: Readonly<Record<number, string>> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  429: 'TOO_MANY_REQUESTS',
  500: 'INTERNAL',
  502: 'UNAVAILABLE',
  503: 'UNAVAILABLE',
  504: 'UNAVAILABLE',
};

const asRecord = (value: unknown): Record<string, unknown> | null =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;

/** The SigapErrorCode, else one guessed from the HTTP status; '' when neither tells. */
const codeOf = (error: ApiFailureShape): string => {
  if (typeof error.code === 'string' && error.code) return error.code;
  if (error.status === 0) return 'NETWORK';
  return typeof error.status === 'number' ? (CODE_BY_STATUS[error.status] ?? '') : '';
};

const isMentionStatus = (value: unknown): value is MentionStatus => typeof value === 'string' && (MENTION_STATUSES as readonly string[]).includes(value);

const isFieldLabel = (value: string): value is FieldLabel => Object.prototype.hasOwnProperty.call(errorsId.fields, value);

/** A field's name for people: "content.topics.2.weight" is labelled by its first part when that is known. */
const fieldLabel = (t: TFunction, field: string): string => {
  if (isFieldLabel(field)) return t(`errors.fields.${field}`);
  const head = field.split(/[.[]/)[0] ?? field;
  return isFieldLabel(head) ? t(`errors.fields.${head}`) : field;
};

/** The labelled fields of `[{ field, message }]` details, each once, in the server's order. */
const fieldsOf = (t: TFunction, details: unknown): string[] => {
  if (!Array.isArray(details)) return [];
  const names = details.map((detail) => asRecord(detail)?.['field']).filter((field): field is string => typeof field === 'string' && field.length > 0);
  return [...new Set(names.map((field) => fieldLabel(t, field)))];
};

const statusLabel = (t: TFunction, status: unknown): string => (isMentionStatus(status) ? t(`status.${status}`) : String(status));

const describeConflict = (t: TFunction, details: unknown): string => {
  const record = asRecord(details);
  if (record && 'holder' in record) {
    const name = asRecord(record['holder'])?.['name'];
    if (typeof name === 'string' && name.trim()) return t('errors.heldBy', { name });
    if (record['holder'] === null) return t('errors.notHeld');
  }
  if (record && 'from' in record && 'to' in record) {
    return t('errors.transition', { from: statusLabel(t, record['from']), to: statusLabel(t, record['to']) });
  }
  const fields = fieldsOf(t, details);
  return fields.length ? t('errors.conflictFields', { fields: fields.join(', ') }) : t('errors.conflict');
};

const describeTooMany = (t: TFunction, details: unknown): string => {
  const seconds = asRecord(details)?.['retryAfterSeconds'];
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0 ? t('errors.tooManyRequestsIn', { seconds: Math.ceil(seconds) }) : t('errors.tooManyRequests');
};

/**
 * One translated sentence for a failed request, to show in place of the server's English
 * message (which stays available on the error itself for a tooltip or a bug report).
 */
export const describeApiError = (error: unknown, t: TFunction): string => {
  const failure: ApiFailureShape = typeof error === 'object' && error !== null ? (error as ApiFailureShape) : {};
  switch (codeOf(failure)) {
    case 'NETWORK':
      return t('errors.network');
    case 'VALIDATION_FAILED': {
      const fields = fieldsOf(t, failure.details);
      return fields.length ? t('errors.validationFields', { fields: fields.join(', ') }) : t('errors.validation');
    }
    case 'INVALID_JSON':
      return t('errors.invalidJson');
    case 'PAYLOAD_TOO_LARGE':
      return t('errors.payloadTooLarge');
    case 'UNAUTHENTICATED':
    case 'INVALID_API_KEY':
      return t('errors.unauthenticated');
    case 'FORBIDDEN':
      return t('errors.forbidden');
    case 'NOT_FOUND':
      return t('errors.notFound');
    case 'CONFLICT':
      return describeConflict(t, failure.details);
    case 'TOO_MANY_REQUESTS':
      return describeTooMany(t, failure.details);
    case 'UNAVAILABLE':
      return t('errors.unavailable');
    case 'INTERNAL':
      return t('errors.internal');
    default:
      return t('errors.generic');
  }
};
