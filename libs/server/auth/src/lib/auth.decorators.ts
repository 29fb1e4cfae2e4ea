import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '@sigap/contracts';
import type { AuthenticatedUser } from './authenticated-user';

export const IS_PUBLIC = 'sigap:isPublic';
export const REQUIRED_ROLES = 'sigap:roles';

/** Skips the access-token check (login, health, and the ingest API which has its own key). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Only these roles may call the handler. */
export const Roles = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);

export const CurrentUser = createParamDecorator(
  (_: unknown, context: ExecutionContext): AuthenticatedUser => context.switchToHttp().getRequest().user,
);

/** The id of the session the request's access token belongs to. */
export const CurrentSessionId = createParamDecorator(
  (_: unknown, context: ExecutionContext): string => context.switchToHttp().getRequest().sessionId,
);
