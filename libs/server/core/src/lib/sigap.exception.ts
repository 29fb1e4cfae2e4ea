import { HttpStatus } from '@nestjs/common';

export enum SigapErrorCode {
  VALIDATION_FAILED = 'VALIDATION_FAILED',
  INVALID_JSON = 'INVALID_JSON',
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  INVALID_API_KEY = 'INVALID_API_KEY',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  TOO_MANY_REQUESTS = 'TOO_MANY_REQUESTS',
  UNAVAILABLE = 'UNAVAILABLE',
  INTERNAL = 'INTERNAL',
}

const STATUS_BY_CODE: Record<SigapErrorCode, HttpStatus> = {
  [SigapErrorCode.VALIDATION_FAILED]: HttpStatus.BAD_REQUEST,
  [SigapErrorCode.INVALID_JSON]: HttpStatus.BAD_REQUEST,
  [SigapErrorCode.PAYLOAD_TOO_LARGE]: HttpStatus.PAYLOAD_TOO_LARGE,
  [SigapErrorCode.UNAUTHENTICATED]: HttpStatus.UNAUTHORIZED,
  [SigapErrorCode.INVALID_API_KEY]: HttpStatus.UNAUTHORIZED,
  [SigapErrorCode.FORBIDDEN]: HttpStatus.FORBIDDEN,
  [SigapErrorCode.NOT_FOUND]: HttpStatus.NOT_FOUND,
  [SigapErrorCode.CONFLICT]: HttpStatus.CONFLICT,
  [SigapErrorCode.TOO_MANY_REQUESTS]: HttpStatus.TOO_MANY_REQUESTS,
  [SigapErrorCode.UNAVAILABLE]: HttpStatus.SERVICE_UNAVAILABLE,
  [SigapErrorCode.INTERNAL]: HttpStatus.INTERNAL_SERVER_ERROR,
};

/** A domain error; the global filter turns its code into an HTTP status and a JSON body. */
export class SigapException extends Error {
  constructor(
    readonly code: SigapErrorCode,
    message: string,
    readonly details?: unknown,
    /** Sent as the `Retry-After` header (seconds), e.g. with TOO_MANY_REQUESTS. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }

  get status(): HttpStatus {
    return STATUS_BY_CODE[this.code];
  }
}

export interface FieldError {
  field: string;
  message: string;
}

export const validationFailed = (errors: FieldError[]) =>
  new SigapException(SigapErrorCode.VALIDATION_FAILED, errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);

/** The parts of a zod issue that field errors are made of (kept structural, so core needs no zod types here). */
interface ValidationIssue {
  code: string;
  path: (string | number)[];
  message: string;
  keys?: string[];
  received?: unknown;
}

/** Turns zod issues into `{ field, message }` pairs an API client can act on. */
export function fieldErrorsOf(issues: readonly ValidationIssue[], rootField: string): FieldError[] {
  return issues.map((issue) => ({
    field: issue.path.length ? issue.path.join('.') : rootField,
    message:
      issue.code === 'unrecognized_keys'
        ? `unknown field(s): ${(issue.keys ?? []).join(', ')}`
        : issue.code === 'invalid_type' && issue.received === 'undefined'
          ? 'is required'
          : issue.message,
  }));
}
