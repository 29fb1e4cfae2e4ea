import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { ApiErrorBody } from '@sigap/contracts';
import type { NextFunction, Request, Response } from 'express';
import { SigapErrorCode, SigapException } from './sigap.exception';

interface BodyParserError {
  type?: string;
  status?: number;
}

const BODY_PARSER_ERRORS: Record<string, ApiErrorBody> = {
  'entity.too.large': { statusCode: 413, code: SigapErrorCode.PAYLOAD_TOO_LARGE, message: 'request body is larger than the limit' },
  'entity.parse.failed': { statusCode: 400, code: SigapErrorCode.INVALID_JSON, message: 'request body is not valid JSON' },
  'encoding.unsupported': { statusCode: 415, code: 'UNSUPPORTED_ENCODING', message: 'request body encoding is not supported' },
  'charset.unsupported': { statusCode: 415, code: 'UNSUPPORTED_ENCODING', message: 'request body charset is not supported' },
};

function bodyParserErrorBody(error: unknown): ApiErrorBody | null {
  const type = (error as BodyParserError | null)?.type;
  return type && type in BODY_PARSER_ERRORS ? { ...BODY_PARSER_ERRORS[type] } : null;
}

/**
 * Express error middleware for the body parser: its errors happen before Nest routes the
 * request, so the global filter never sees them.
 */
export function bodyParserErrorHandler(error: unknown, req: Request & { id?: string }, res: Response, next: NextFunction): void {
  const body = bodyParserErrorBody(error);
  if (!body) return next(error);
  res.status(body.statusCode).json({ ...body, requestId: req.id ? String(req.id) : undefined });
}

const CODE_BY_STATUS: Partial<Record<number, SigapErrorCode>> = {
  400: SigapErrorCode.VALIDATION_FAILED,
  401: SigapErrorCode.UNAUTHENTICATED,
  403: SigapErrorCode.FORBIDDEN,
  404: SigapErrorCode.NOT_FOUND,
  409: SigapErrorCode.CONFLICT,
  429: SigapErrorCode.TOO_MANY_REQUESTS,
  413: SigapErrorCode.PAYLOAD_TOO_LARGE,
  503: SigapErrorCode.UNAVAILABLE,
};

/** Turns every error into `{ statusCode, code, message, details?, requestId }`. */
@Catch()
export class SigapExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(SigapExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') return;
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { id?: string }>();
    const response = http.getResponse<Response>();
    const body = this.toBody(exception);
    body.requestId = request.id ? String(request.id) : undefined;
    if (exception instanceof SigapException && exception.retryAfterSeconds !== undefined) {
      response.setHeader('Retry-After', String(Math.max(1, Math.ceil(exception.retryAfterSeconds))));
    }
    if (body.statusCode >= 500) {
      this.logger.error({ err: exception, requestId: body.requestId }, 'request failed');
    }
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ApiErrorBody {
    if (exception instanceof SigapException) {
      return { statusCode: exception.status, code: exception.code, message: exception.message, details: exception.details };
    }
    const parserBody = bodyParserErrorBody(exception);
    if (parserBody) return parserBody;
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const message =
        typeof response === 'object' && response !== null && 'message' in response
          ? (response as { message: unknown }).message
          : exception.message;
      const details = Array.isArray(message) ? message : undefined;
      return {
        statusCode: status,
        code: CODE_BY_STATUS[status] ?? (status >= 500 ? SigapErrorCode.INTERNAL : `HTTP_${status}`),
        message: Array.isArray(message) ? message.join('; ') : String(message),
        details,
      };
    }
    return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, code: SigapErrorCode.INTERNAL, message: 'internal error' };
  }
}
