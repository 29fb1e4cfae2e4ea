import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { ChannelAccessRegistry, type IngestPrincipal } from '@sigap/server/channels';
import { SigapErrorCode, SigapException } from '@sigap/server/core';
import type { Request } from 'express';

/** A request the guard let through, with who sent it. */
export interface IngestRequest extends Request {
  ingestPrincipal: IngestPrincipal;
}

/**
 * The ingest API is for other systems: it takes an API key in `X-Api-Key`, not a user token. The
 * deployment key (`SIGAP_INGEST_KEY`) sends on every channel, a channel's key on its own; both are
 * checked against memory, so a revoked key is refused as soon as its process has reloaded.
 */
@Injectable()
export class IngestKeyGuard implements CanActivate {
  constructor(private readonly access: ChannelAccessRegistry) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<IngestRequest>();
    const principal = this.access.authenticate(request.header('x-api-key'));
    if (!principal) throw new SigapException(SigapErrorCode.INVALID_API_KEY, 'missing or wrong X-Api-Key');
    request.ingestPrincipal = principal;
    return true;
  }
}
