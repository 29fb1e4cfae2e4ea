import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { Role } from '@sigap/contracts';
import { AuthService } from '@sigap/server/auth';
import { SIGAP_CONFIG, SigapErrorCode, SigapException, type SigapConfig } from '@sigap/server/core';
import type { Request } from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

/** Roles that may classify with a user token; liaisons read incident summaries, not messages. */
const CLASSIFY_ROLES: ReadonlySet<Role> = new Set<Role>(['superadmin', 'supervisor', 'admin']);

/**
 * For `POST /triage/classify`: other systems send the ingest key in `X-Api-Key`; people send
 * their access token. The route is @Public() so the global guard leaves the choice to this one.
 */
@Injectable()
export class ClassifyAccessGuard implements CanActivate {
  private readonly ingestKey: Buffer;

  constructor(
    private readonly auth: AuthService,
    @Inject(SIGAP_CONFIG) config: SigapConfig,
  ) {
    this.ingestKey = digest(config.ingestKey);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request & { user?: unknown }>();
    const key = request.header('x-api-key');
    if (key !== undefined) {
      if (!timingSafeEqual(digest(key), this.ingestKey)) {
        throw new SigapException(SigapErrorCode.INVALID_API_KEY, 'wrong X-Api-Key');
      }
      return true;
    }
    const header = request.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : undefined;
    const user = await this.auth.authenticate(token);
    request.user = user;
    if (!CLASSIFY_ROLES.has(user.role)) {
      throw new SigapException(SigapErrorCode.FORBIDDEN, 'this role cannot classify messages');
    }
    return true;
  }
}
