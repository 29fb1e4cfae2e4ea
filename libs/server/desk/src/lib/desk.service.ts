import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  HOAX_LANE_OPD,
  LIVE_UPDATE_CHANNEL,
  REPLY_FLOW_STATUSES,
  ROLES_SEEING_ALL,
  STATUSES_NEEDING_REASON,
  canTransition,
  type LiveMentionUpdate,
  type MentionDeskState,
  type MentionStatusRequest,
} from '@sigap/contracts';
import { AuditService, type AuditActor } from '@sigap/server/audit';
import { mentionScopeOf, type AuthenticatedUser } from '@sigap/server/auth';
import { REDIS_CLIENT, SIGAP_CONFIG, SigapErrorCode, SigapException, redisKey, validationFailed, type SigapConfig } from '@sigap/server/core';
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
    assignedTo: row.assigned_to ? { id: row.assigned_to, name: row.assigned_to_name ?? '' } : null,
    opdCodes: row.opd_codes,
    labels: row.labels ?? [],
    escalationLevel: row.escalation_level ?? 0,
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

  /**
   * Claims one mention, and with `cluster` also every mention of its near-duplicate cluster that
   * nobody holds (others' claims in the cluster are left alone).
   */
  async claim(user: AuthenticatedUser, id: string, origin: RequestOrigin, options: { cluster?: boolean } = {}): Promise<MentionDeskState> {
    const scope = this.actingScope(user);
    const { main, changed } = await this.desk.transaction(async (tx) => {
      const current = await this.findOrFail(tx, id, scope);
      const changedRows: DeskRow[] = [];
      let mainRow = current;
      if (current.claimed_by !== user.id) {
        const claimed = await this.desk.claim(tx, current.id, user.id);
        if (!claimed) {
          const holder = await this.desk.find(tx, current.id, scope);
          throw new SigapException(SigapErrorCode.CONFLICT, 'someone else holds this mention', {
            holder: holder?.claimed_by ? { id: holder.claimed_by, name: holder.claimed_by_name ?? '' } : null,
          });
        }
        await this.record(tx, user, origin, 'mention.claim', current, claimed);
        changedRows.push(claimed);
        mainRow = claimed;
      }
      if (options.cluster && current.cluster_id) {
        for (const sibling of await this.desk.claimRestOfCluster(tx, current.cluster_id, current.id, user.id, scope)) {
          await this.record(tx, user, origin, 'mention.claim', { ...sibling, claimed_by: null, claimed_by_name: null, claimed_at: null }, sibling, undefined, {
            viaCluster: current.cluster_id,
          });
          changedRows.push(sibling);
        }
      }
      return { main: mainRow, changed: changedRows };
    });
    for (const row of changed) await this.announce(row);
    return deskStateOf(main);
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

  /**
   * A status change by hand, checked against the workflow. `bukan_wewenang` forwards the mention
   * to another OPD (reason required, recorded for per-OPD counts) and frees it for that OPD;
   * `hoaks` adds Diskominfo's verification lane to its routing.
   */
  async setStatus(user: AuthenticatedUser, id: string, request: MentionStatusRequest, origin: RequestOrigin): Promise<MentionDeskState> {
    const scope = this.actingScope(user);
    const { status, forwardTo } = request;
    const reason = request.reason?.trim() || undefined;
    if (REPLY_FLOW_STATUSES.includes(status)) {
      throw validationFailed([{ field: 'status', message: `"${status}" is set by sending or approving a reply, not by hand` }]);
    }
    if (STATUSES_NEEDING_REASON.includes(status) && !reason) {
      throw validationFailed([{ field: 'reason', message: 'required' }]);
    }
    if (status === 'bukan_wewenang' && !forwardTo) {
      throw validationFailed([{ field: 'forwardTo', message: 'required' }]);
    }
    if (forwardTo && status !== 'bukan_wewenang') {
      throw validationFailed([{ field: 'forwardTo', message: 'not allowed here' }]);
    }
    const row = await this.desk.transaction(async (tx) => {
      const current = await this.findOrFail(tx, id, scope, true);
      if (current.status === status) return null;
      if (!canTransition(current.status, status)) {
        throw new SigapException(SigapErrorCode.CONFLICT, `a mention that is "${current.status}" cannot become "${status}"`, {
          from: current.status,
          to: status,
        });
      }
      let changed: DeskRow;
      if (status === 'bukan_wewenang' && forwardTo) {
        if (!(await this.desk.opdExists(tx, forwardTo))) {
          throw validationFailed([{ field: 'forwardTo', message: 'unknown OPD code' }]);
        }
        if (current.opd_codes.length === 1 && current.opd_codes[0] === forwardTo) {
          throw validationFailed([{ field: 'forwardTo', message: 'already routed there' }]);
        }
        await this.desk.recordForward(tx, { mentionId: current.id, fromOpds: current.opd_codes, toOpd: forwardTo, reason: reason ?? '', by: user.id });
        changed = await this.desk.setStatus(tx, current.id, status, [forwardTo], true);
      } else if (status === 'hoaks' && !current.opd_codes.includes(HOAX_LANE_OPD)) {
        changed = await this.desk.setStatus(tx, current.id, status, [...current.opd_codes, HOAX_LANE_OPD]);
      } else {
        changed = await this.desk.setStatus(tx, current.id, status);
      }
      await this.record(tx, user, origin, 'mention.status', current, changed, reason);
      return { current, changed };
    });
    if (!row) return this.desk.transaction(async (tx) => deskStateOf(await this.findOrFail(tx, id, scope)));
    // Forwarding changes who may see it: the OPDs it left hear of it too, so their lists drop it.
    return this.announce(row.changed, row.current.opd_codes);
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

  private record(
    tx: EntityManager,
    user: AuthenticatedUser,
    origin: RequestOrigin,
    action: string,
    before: DeskRow,
    after: DeskRow,
    reason?: string,
    extra: Record<string, unknown> = {},
  ) {
    const actor: AuditActor = { id: user.id, role: user.role, ip: origin.ip, requestId: origin.requestId };
    const state = (row: DeskRow) => {
      const { id: _id, ...rest } = deskStateOf(row);
      return rest;
    };
    return this.audit.record(
      {
        actor,
        action,
        entityType: 'mention',
        entityId: before.id,
        before: state(before),
        after: { ...state(after), ...(reason === undefined ? {} : { reason }), ...extra },
      },
      tx,
    );
  }

  /** Tells every API instance (each relays to its live rooms); a lost message only delays dashboards. */
  async announce(row: DeskRow, previousOpdCodes: string[] = []): Promise<MentionDeskState> {
    const update: LiveMentionUpdate = deskStateOf(row);
    const opdCodes = [...new Set([...row.opd_codes, ...previousOpdCodes])];
    await this.redis
      .publish(redisKey(this.config.redisPrefix, LIVE_UPDATE_CHANNEL), JSON.stringify({ opdCodes, update }))
      .catch((err: unknown) => this.logger.warn({ err }, 'could not announce a mention update'));
    return update;
  }
}
