import { Injectable } from '@nestjs/common';
import { PASSWORD_MIN_LENGTH, type RevokeSessionsResponse, type SessionView, type UserAccount } from '@sigap/contracts';
import { AuditService, type AuditActor } from '@sigap/server/audit';
import { AuthService, hashPassword, type AuthenticatedUser, type SessionRow } from '@sigap/server/auth';
import { SigapErrorCode, SigapException, validationFailed, type FieldError } from '@sigap/server/core';
import type { CreateUserDto, UpdateUserDto } from './user.dto';
import { UserAccountsRepository, type UserAccountFields, type UserAccountRow } from './user-accounts.repository';
import type { EntityManager } from 'typeorm';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UNIQUE_VIOLATION = '23505';

/** Where a request came from, for the audit log. */
export interface RequestOrigin {
  ip?: string | null;
  requestId?: string | null;
}

export const mapUserAccount = (row: UserAccountRow): UserAccount => ({
  id: row.id,
  email: row.email,
  name: row.name,
  role: row.role,
  opds: row.opds ?? [],
  disabled: row.disabled,
  trainee: row.trainee,
  capacity: row.capacity,
  telegramChatId: row.telegram_chat_id,
  whatsappNumber: row.whatsapp_number,
  createdAt: row.created_at.toISOString(),
  lastLoginAt: row.last_login_at ? row.last_login_at.toISOString() : null,
});

export const mapSession = (row: SessionRow): SessionView => ({
  id: row.id,
  createdAt: row.created_at.toISOString(),
  expiresAt: row.expires_at.toISOString(),
  lastSeenAt: row.last_seen_at.toISOString(),
  revokedAt: row.revoked_at ? row.revoked_at.toISOString() : null,
  ip: row.ip,
  userAgent: row.user_agent,
  active: row.revoked_at === null && row.expires_at.getTime() > Date.now(),
});

/** What the audit log keeps of an account: everything but the password and when it last signed in. */
const auditedFields = (account: UserAccount) => {
  const { lastLoginAt: _lastLoginAt, createdAt: _createdAt, ...fields } = account;
  return fields;
};

const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === UNIQUE_VIOLATION;
const emailTaken = () => new SigapException(SigapErrorCode.CONFLICT, 'a user with this e-mail already exists', [{ field: 'email', message: 'is already used by another user' }]);

/**
 * User management for superadmins. A new password or disabling someone ends their sessions (and
 * their live sockets); every change is audited without the password.
 */
@Injectable()
export class UsersService {
  constructor(
    private readonly accounts: UserAccountsRepository,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<UserAccount[]> {
    return (await this.accounts.list()).map(mapUserAccount);
  }

  async create(actor: AuthenticatedUser, dto: CreateUserDto, origin: RequestOrigin): Promise<UserAccount> {
    const opds = [...new Set(dto.opds)].sort();
    await this.validate({ password: dto.password, opds });
    if (await this.accounts.emailTaken(dto.email, null)) throw emailTaken();
    const fields: UserAccountFields = {
      email: dto.email,
      name: dto.name.trim(),
      role: dto.role,
      trainee: dto.trainee ?? false,
      capacity: dto.capacity ?? 10,
      telegramChatId: dto.telegramChatId ?? null,
      whatsappNumber: dto.whatsappNumber ?? null,
      disabled: false,
    };
    const passwordHash = await hashPassword(dto.password);
    try {
      return await this.accounts.transaction(async (tx) => {
        await this.refuseInactiveOpds(opds, tx);
        const id = await this.accounts.insert({ ...fields, passwordHash }, tx);
        await this.accounts.replaceOpds(id, opds, tx);
        const created = mapUserAccount((await this.accounts.findById(id, tx)) as UserAccountRow);
        await this.audit.record({ actor: this.actorOf(actor, origin), action: 'user.create', entityType: 'user', entityId: id, after: auditedFields(created) }, tx);
        return created;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw emailTaken();
      throw error;
    }
  }

  async update(actor: AuthenticatedUser, id: string, dto: UpdateUserDto, origin: RequestOrigin): Promise<UserAccount> {
    const opds = dto.opds ? [...new Set(dto.opds)].sort() : undefined;
    await this.validate({ password: dto.password, opds });
    if (actor.id === id && dto.disabled === true) throw validationFailed([{ field: 'disabled', message: 'you cannot disable your own account' }]);
    if (actor.id === id && dto.role !== undefined && dto.role !== 'superadmin') {
      throw validationFailed([{ field: 'role', message: 'you cannot take the superadmin role from yourself' }]);
    }
    const passwordHash = dto.password === undefined ? null : await hashPassword(dto.password);
    let revoked: string[] = [];
    try {
      const updated = await this.accounts.transaction(async (tx) => {
        const before = await this.findOrFail(id, tx);
        // A user may keep a retired OPD they already had (history); only new assignments are refused.
        if (opds) await this.refuseInactiveOpds(opds.filter((code) => !before.opds.includes(code)), tx);
        if (dto.email !== undefined && (await this.accounts.emailTaken(dto.email, id, tx))) throw emailTaken();
        const fields: UserAccountFields = {
          email: dto.email ?? before.email,
          name: dto.name?.trim() ?? before.name,
          role: dto.role ?? before.role,
          trainee: dto.trainee ?? before.trainee,
          capacity: dto.capacity ?? before.capacity,
          telegramChatId: dto.telegramChatId === undefined ? before.telegramChatId : dto.telegramChatId,
          whatsappNumber: dto.whatsappNumber === undefined ? before.whatsappNumber : dto.whatsappNumber,
          disabled: dto.disabled ?? before.disabled,
        };
        await this.accounts.update(id, fields, passwordHash, tx);
        if (opds) await this.accounts.replaceOpds(id, opds, tx);
        const after = mapUserAccount((await this.accounts.findById(id, tx)) as UserAccountRow);
        const auditActor = this.actorOf(actor, origin);
        await this.audit.record(
          {
            actor: auditActor,
            action: 'user.update',
            entityType: 'user',
            entityId: id,
            before: auditedFields(before),
            after: { ...auditedFields(after), ...(passwordHash ? { passwordReset: true } : {}) },
          },
          tx,
        );
        const disabledNow = after.disabled && !before.disabled;
        if (passwordHash || disabledNow) {
          revoked = await this.auth.revokeAllSessions(id, auditActor, passwordHash ? 'password reset' : 'user disabled', tx);
        }
        return after;
      });
      await this.auth.announceRevoked(revoked);
      return updated;
    } catch (error) {
      if (isUniqueViolation(error)) throw emailTaken();
      throw error;
    }
  }

  async sessions(id: string): Promise<SessionView[]> {
    await this.findOrFail(id);
    return (await this.auth.listSessions(id)).map(mapSession);
  }

  async revokeSessions(actor: AuthenticatedUser, id: string, origin: RequestOrigin): Promise<RevokeSessionsResponse> {
    const revoked = await this.accounts.transaction(async (tx) => {
      await this.findOrFail(id, tx);
      return this.auth.revokeAllSessions(id, this.actorOf(actor, origin), 'revoked by a superadmin', tx);
    });
    await this.auth.announceRevoked(revoked);
    return { revoked: revoked.length };
  }

  private async findOrFail(id: string, tx?: Parameters<UserAccountsRepository['findById']>[1]): Promise<UserAccount> {
    const row = UUID.test(id) ? await this.accounts.findById(id, tx, Boolean(tx)) : null;
    if (!row) throw new SigapException(SigapErrorCode.NOT_FOUND, 'user not found');
    return mapUserAccount(row);
  }

  private async validate(input: { password?: string; opds?: string[] }): Promise<void> {
    const errors: FieldError[] = [];
    if (input.password !== undefined && input.password.length < PASSWORD_MIN_LENGTH) {
      errors.push({ field: 'password', message: `must be at least ${PASSWORD_MIN_LENGTH} characters` });
    }
    if (input.opds) {
      const unknown = await this.accounts.unknownOpds(input.opds);
      if (unknown.length > 0) errors.push({ field: 'opds', message: `unknown OPD code(s): ${unknown.join(', ')}` });
    }
    if (errors.length > 0) throw validationFailed(errors);
  }

  private async refuseInactiveOpds(codes: string[], tx: EntityManager): Promise<void> {
    const inactive = await this.accounts.inactiveOpds(codes, tx);
    if (inactive.length > 0) throw validationFailed([{ field: 'opds', message: `inactive OPD code(s): ${inactive.join(', ')}` }]);
  }

  private actorOf(user: AuthenticatedUser, origin: RequestOrigin): AuditActor {
    return { id: user.id, role: user.role, ip: origin.ip ?? null, requestId: origin.requestId ?? null };
  }
}
