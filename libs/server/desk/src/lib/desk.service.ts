import { Inject, Injectable, Logger } from '@nestjs/common';
import { LIVE_UPDATE_CHANNEL, ROLES_SEEING_ALL, type LiveMentionUpdate, type MentionDeskState, type MentionStatus } from '@sigap/contracts';
import { AuditService, type AuditActor } from '@sigap/server/audit';
import { mentionScopeOf, type AuthenticatedUser } from '@sigap/server/auth';
import { REDIS_CLIENT, SIGAP_CONFIG, SigapErrorCode, SigapException, redisKey, type SigapConfig } from '@sigap/server/core';
import type Redis from 'ioredis';
import type { EntityManager } from 'typeorm';
import { DeskRepository, type DeskRow } from './desk.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Where a request came from, for the audit log. */
export interface RequestOrigin {
  ip?: string | null;
  requestId?: string | null;
}

export function deskStateOf(row: DeskRow): MentionDeskState {
  return {
    id: row.id,
    status: row.status,
    claimedBy: row.claimed_by ? { id: row.claimed_by, name: row.claimed_by_name ?? '' } : null,
    claimedAt: row.claimed_at ? row.claimed_at.toISOString() : null,
  };
}

/**
 * Claims, releases and status changes of one mention. Admins act only on mentions of their OPDs
 * (and unrouted ones); outside that scope a mention is "not found", as when reading it. Every
 * change writes its audit row in the same transaction, then is announced to live dashboards.
 */
@Injectable()
export class DeskService {
  private readonly logger = new Logger(DeskService.name);

  constructor(
    private readonly desk: DeskRepository,
    private readonly audit: AuditService,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    @Inject(SIGAP_CONFIG) private readonly config: SigapConfig,
  ) {}

  async claim(user: AuthenticatedUser, id: string, origin: RequestOrigin): Promise<MentionDeskState> {
    const scope = this.actingScope(user);
    const row = await this.desk.transaction(async (tx) => {
      const current = await this.findOrFail(tx, id, scope);
      if (current.claimed_by === user.id) return null;
      const claimed = await this.desk.claim(tx, current.id, user.id);
      if (!claimed) {
        const holder = await this.desk.find(tx, current.id, scope);
        throw new SigapException(SigapErrorCode.CONFLICT, 'someone else holds this mention', {
          holder: holder?.claimed_by ? { id: holder.claimed_by, name: holder.claimed_by_name ?? '' } : null,
        });
      }
      await this.record(tx, user, origin, 'mention.claim', current, claimed);
      return claimed;
    });
    if (!row) {
      // Already held by this user: nothing changed, nothing to record or announce.
      return this.desk.transaction(async (tx) => deskStateOf(await this.findOrFail(tx, id, scope)));
    }
    return this.announce(row);
  }

  /** The holder may release; supervisors and superadmins may release anyone's claim. Others: 403. */
  async release(user: AuthenticatedUser, id: string, origin: RequestOrigin): Promise<MentionDeskState> {
    const scope = this.actingScope(user);
    const row = await this.desk.transaction(async (tx) => {
      const current = await this.findOrFail(tx, id, scope, true);
      if (!current.claimed_by) throw new SigapException(SigapErrorCode.CONFLICT, 'nobody holds this mention', { holder: null });
      if (current.claimed_by !== user.id && !ROLES_SEEING_ALL.includes(user.role)) {
        throw new SigapException(SigapErrorCode.FORBIDDEN, 'only the holder or a supervisor may release this mention', {
          holder: { id: current.claimed_by, name: current.claimed_by_name ?? '' },
        });
      }
      const released = await this.desk.release(tx, current.id);
      await this.record(tx, user, origin, 'mention.release', current, released);
      return released;
    });
    return this.announce(row);
  }

  async setStatus(user: AuthenticatedUser, id: string, status: MentionStatus, reason: string | undefined, origin: RequestOrigin): Promise<MentionDeskState> {
    const scope = this.actingScope(user);
    const row = await this.desk.transaction(async (tx) => {
      const current = await this.findOrFail(tx, id, scope, true);
      const changed = await this.desk.setStatus(tx, current.id, status);
      await this.record(tx, user, origin, 'mention.status', current, changed, reason);
      return changed;
    });
    return this.announce(row);
  }

  private actingScope(user: AuthenticatedUser) {
    const scope = mentionScopeOf(user);
    if (scope.kind === 'none') throw new SigapException(SigapErrorCode.FORBIDDEN, 'this role does not handle mentions');
    return scope;
  }

  private async findOrFail(tx: EntityManager, id: string, scope: ReturnType<typeof mentionScopeOf>, lock = false): Promise<DeskRow> {
    const row = UUID.test(id) ? await this.desk.find(tx, id, scope, lock) : null;
    if (!row) throw new SigapException(SigapErrorCode.NOT_FOUND, 'mention not found');
    return row;
  }

  private record(tx: EntityManager, user: AuthenticatedUser, origin: RequestOrigin, action: string, before: DeskRow, after: DeskRow, reason?: string) {
    const actor: AuditActor = { id: user.id, role: user.role, ip: origin.ip, requestId: origin.requestId };
    const state = (row: DeskRow) => {
      const { id: _id, ...rest } = deskStateOf(row);
      return rest;
    };
    return this.audit.record(
      { actor, action, entityType: 'mention', entityId: before.id, before: state(before), after: reason === undefined ? state(after) : { ...state(after), reason } },
      tx,
    );
  }

  /** Tells every API instance (each relays to its live rooms); a lost message only delays dashboards. */
  private async announce(row: DeskRow): Promise<MentionDeskState> {
    const update: LiveMentionUpdate = deskStateOf(row);
    await this.redis
      .publish(redisKey(this.config.redisPrefix, LIVE_UPDATE_CHANNEL), JSON.stringify({ opdCodes: row.opd_codes, update }))
      .catch((err: unknown) => this.logger.warn({ err }, 'could not announce a mention update'));
    return update;
  }
}
