import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { LIVE_SESSIONS_REVOKED_CHANNEL, type AccessTokenPayload, type LoginResponse, type Role, type UserView } from '@sigap/contracts';
import { AuditService, type AuditActor } from '@sigap/server/audit';
import { REDIS_CLIENT, SIGAP_CONFIG, SigapErrorCode, SigapException, redisKey, type SigapConfig } from '@sigap/server/core';
import type { UserEntity } from '@sigap/server/database';
import * as argon2 from 'argon2';
import type Redis from 'ioredis';
import { DataSource, type EntityManager } from 'typeorm';
import { LoginThrottleService } from './login-throttle.service';
import { SessionsRepository } from './sessions.repository';
import { UsersRepository } from './users.repository';

export const mapUser = (user: UserEntity): UserView => ({
  id: user.id,
  email: user.email,
  name: user.name,
  role: user.role,
  opds: (user.opds ?? []).map((opd) => opd.code).sort(),
});

/** The one way Sigap hashes passwords. */
export const hashPassword = (password: string): Promise<string> => argon2.hash(password, { type: argon2.argon2id });

// Compared against when the e-mail is unknown, so a miss costs as much time as a wrong password.
const DUMMY_HASH = argon2.hash('sigap-timing-equaliser');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Where a request came from: for the audit log, the session record and the login throttle. */
export interface LoginOrigin {
  ip?: string | null;
  requestId?: string | null;
  userAgent?: string | null;
}

/** A verified access token: the user as stored now, and the session the token belongs to. */
export interface AuthenticatedSession {
  user: UserView;
  sessionId: string;
}

@Injectable()
export class AuthService implements OnApplicationBootstrap {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly throttle: LoginThrottleService,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly db: DataSource,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    @Inject(SIGAP_CONFIG) private readonly config: SigapConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const admin = this.config.bootstrapAdmin;
    if (!admin || this.config.app !== 'api' || (await this.users.count()) > 0) return;
    try {
      await this.createUser({ email: admin.email, name: 'Superadmin', password: admin.password, role: 'superadmin', opds: [] });
      this.logger.log({ email: admin.email }, 'created the first superadmin');
    } catch (error) {
      // Another API instance may have created it at the same moment.
      if ((await this.users.count()) === 0) throw error;
    }
  }

  async createUser(input: { email: string; name: string; password: string; role: Role; opds: string[] }): Promise<UserView> {
    const passwordHash = await hashPassword(input.password);
    const created = await this.users.create({ ...input, passwordHash });
    const reloaded = await this.users.findById(created.id);
    return mapUser(reloaded ?? created);
  }

  async login(email: string, password: string, from: LoginOrigin = {}): Promise<LoginResponse> {
    const ip = from.ip ?? null;
    await this.throttle.assertAllowed(email, ip);
    const actorOrigin = { ip, requestId: from.requestId ?? null };
    const user = await this.users.findByEmailWithPassword(email);
    const valid = user
      ? await argon2.verify(user.passwordHash, password)
      : await argon2.verify(await DUMMY_HASH, password).then(() => false);
    if (!user || !valid || user.disabled) {
      await this.throttle.recordFailure(email, ip);
      await this.audit.record({
        actor: { id: user?.id ?? null, role: user?.role ?? null, ...actorOrigin },
        action: 'auth.login.failed',
        entityType: 'user',
        entityId: user?.id ?? null,
        after: { email, reason: !user ? 'unknown email' : user.disabled ? 'disabled' : 'wrong password' },
      });
      throw new SigapException(SigapErrorCode.UNAUTHENTICATED, 'email or password is wrong');
    }
    await this.throttle.recordSuccess(email, ip);
    const view = mapUser(user);
    const session = await this.db.transaction(async (tx) => {
      const created = await this.sessions.create(
        { userId: view.id, ttlSeconds: this.config.jwtTtlSeconds, ip, userAgent: from.userAgent?.slice(0, 512) ?? null },
        tx,
      );
      await this.audit.record(
        {
          actor: { id: view.id, role: view.role, ...actorOrigin },
          action: 'auth.login',
          entityType: 'user',
          entityId: view.id,
          after: { email: view.email, sessionId: created.id },
        },
        tx,
      );
      return created;
    });
    const payload: AccessTokenPayload = { sub: view.id, role: view.role, opds: view.opds, sid: session.id };
    return {
      accessToken: await this.jwt.signAsync(payload),
      expiresIn: this.config.jwtTtlSeconds,
      user: view,
    };
  }

  /** Verifies a token and reloads the user, so disabled accounts and changed roles take effect at once. */
  async authenticate(token: string | undefined): Promise<UserView> {
    return (await this.authenticateSession(token)).user;
  }

  /** Like `authenticate`, and also refuses a token whose session was revoked or has expired. */
  async authenticateSession(token: string | undefined): Promise<AuthenticatedSession> {
    if (!token) throw new SigapException(SigapErrorCode.UNAUTHENTICATED, 'missing access token');
    let payload: AccessTokenPayload;
    try {
      payload = await this.jwt.verifyAsync<AccessTokenPayload>(token);
    } catch {
      throw new SigapException(SigapErrorCode.UNAUTHENTICATED, 'access token is invalid or expired');
    }
    const session = typeof payload.sid === 'string' && UUID.test(payload.sid) ? await this.sessions.findActive(payload.sid) : null;
    if (!session || session.user_id !== payload.sub) {
      throw new SigapException(SigapErrorCode.UNAUTHENTICATED, 'session has ended; sign in again');
    }
    const user = await this.users.findById(payload.sub);
    if (!user || user.disabled) throw new SigapException(SigapErrorCode.UNAUTHENTICATED, 'account is not active');
    this.sessions.touch(session.id).catch((err: unknown) => this.logger.warn({ err }, 'could not record session activity'));
    return { user: mapUser(user), sessionId: session.id };
  }

  /** Ends the caller's own session. */
  async logout(user: UserView, sessionId: string, from: LoginOrigin = {}): Promise<void> {
    await this.db.transaction(async (tx) => {
      await this.sessions.revoke(sessionId, user.id, tx);
      await this.audit.record(
        {
          actor: { id: user.id, role: user.role, ip: from.ip ?? null, requestId: from.requestId ?? null },
          action: 'auth.logout',
          entityType: 'session',
          entityId: sessionId,
        },
        tx,
      );
    });
    await this.announceRevoked([sessionId]);
  }

  /**
   * Revokes every open session of a user inside the caller's transaction and audits it as
   * `session.revoke`. Call `announceRevoked` with the result after the commit.
   */
  async revokeAllSessions(userId: string, actor: AuditActor, reason: string, tx: EntityManager): Promise<string[]> {
    const revoked = await this.sessions.revokeAllOf(userId, tx);
    await this.audit.record(
      { actor, action: 'session.revoke', entityType: 'user', entityId: userId, after: { sessionIds: revoked, reason } },
      tx,
    );
    return revoked;
  }

  async isSessionActive(sessionId: string): Promise<boolean> {
    return (await this.sessions.findActive(sessionId)) !== null;
  }

  listSessions(userId: string, limit = 100) {
    return this.sessions.listOf(userId, limit);
  }

  /** Tells the live gateways to drop sockets opened with these sessions. */
  async announceRevoked(sessionIds: string[]): Promise<void> {
    if (sessionIds.length === 0) return;
    await this.redis
      .publish(redisKey(this.config.redisPrefix, LIVE_SESSIONS_REVOKED_CHANNEL), JSON.stringify({ sessionIds }))
      .catch((err: unknown) => this.logger.warn({ err }, 'could not announce revoked sessions'));
  }
}
