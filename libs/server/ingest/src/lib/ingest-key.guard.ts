import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { SIGAP_CONFIG, SigapErrorCode, SigapException, type SigapConfig } from '@sigap/server/core';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';

const digest = (value: string) => createHash('sha256').update(value).digest();

/** The ingest API is for other systems: it takes an API key in `X-Api-Key`, not a user token. */
@Injectable()
export class IngestKeyGuard implements CanActivate {
  private readonly expected: Buffer;

  constructor(@Inject(SIGAP_CONFIG) config: SigapConfig) {
    this.expected = digest(config.ingestKey);
  }

  canActivate(context: ExecutionContext): boolean {
    const provided = context.switchToHttp().getRequest<Request>().header('x-api-key');
    if (!provided || !timingSafeEqual(digest(provided), this.expected)) {
      throw new SigapException(SigapErrorCode.INVALID_API_KEY, 'missing or wrong X-Api-Key');
    }
    return true;
  }
}
