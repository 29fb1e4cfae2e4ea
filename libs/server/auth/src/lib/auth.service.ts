import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { AccessTokenPayload, LoginResponse, Role, UserView } from '@sigap/contracts';
import { AuditService } from '@sigap/server/audit';
import { SIGAP_CONFIG, SigapErrorCode, SigapException, type SigapConfig } from '@sigap/server/core';
import type { UserEntity } from '@sigap/server/database';
import * as argon2 from 'argon2';
import { UsersRepository } from './users.repository';

export const mapUser = (user: UserEntity): UserView => ({
  id: user.id,
  email: user.email,
  name: user.name,
  role: user.role,
  opds: (user.opds ?? []).map((opd) => opd.code).sort(),
});

// Compared against when the e-mail is unknown, so a miss costs as much time as a wrong password.
const DUMMY_HASH = argon2.hash('sigap-timing-equaliser');

@Injectable()
export class AuthService implements OnApplicationBootstrap {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    private readonly users: UsersRepository,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
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
    const passwordHash = await argon2.hash(input.password, { type: argon2.argon2id });
    const created = await this.users.create({ ...input, passwordHash });
    const reloaded = await this.users.findById(created.id);
    return mapUser(reloaded ?? created);
  }

  async login(email: string, password: string, from: { ip?: string | null; requestId?: string | null } = {}): Promise<LoginResponse> {
    const user = await this.users.findByEmailWithPassword(email);
    const valid = user
      ? await argon2.verify(user.passwordHash, password)
      : await argon2.verify(await DUMMY_HASH, password).then(() => false);
    if (!user || !valid || user.disabled) {
      await this.audit.record({
        actor: { id: user?.id ?? null, role: user?.role ?? null, ...from },
        action: 'auth.login.failed',
        entityType: 'user',
        entityId: user?.id ?? null,
        after: { email, reason: !user ? 'unknown email' : user.disabled ? 'disabled' : 'wrong password' },
      });
      throw new SigapException(SigapErrorCode.UNAUTHENTICATED, 'email or password is wrong');
    }
    const view = mapUser(user);
    await this.audit.record({
      actor: { id: view.id, role: view.role, ...from },
      action: 'auth.login',
      entityType: 'user',
      entityId: view.id,
      after: { email: view.email },
    });
    const payload: AccessTokenPayload = { sub: view.id, role: view.role, opds: view.opds };
    return {
      accessToken: await this.jwt.signAsync(payload),
      expiresIn: this.config.jwtTtlSeconds,
      user: view,
    };
  }

  /** Verifies a token and reloads the user, so disabled accounts and changed roles take effect at once. */
  async authenticate(token: string | undefined): Promise<UserView> {
    if (!token) throw new SigapException(SigapErrorCode.UNAUTHENTICATED, 'missing access token');
    let payload: AccessTokenPayload;
    try {
      payload = await this.jwt.verifyAsync<AccessTokenPayload>(token);
    } catch {
      throw new SigapException(SigapErrorCode.UNAUTHENTICATED, 'access token is invalid or expired');
    }
    const user = await this.users.findById(payload.sub);
    if (!user || user.disabled) throw new SigapException(SigapErrorCode.UNAUTHENTICATED, 'account is not active');
    return mapUser(user);
  }
}
