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
  type MentionFollowUpLink,
  type MentionStatusRequest,
} from '@sigap/contracts';
import { AuditService, type AuditActor } from '@sigap/server/audit';
import { mentionScopeOf, type AuthenticatedUser } from '@sigap/server/auth';
import { REDIS_CLIENT, SIGAP_CONFIG, SigapErrorCode, SigapException, redisKey, validationFailed, type SigapConfig } from '@sigap/server/core';
import type Redis from 'ioredis';
import type { EntityManager } from 'typeorm';
import { ClaimIdleScheduler } from './claim-idle.scheduler';
import { DeskRepository, type DeskRow } from './desk.repository';
import { SettingsService } from '@sigap/server/settings';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The audit actor of what the desk does on its own (escalation, idle release, round-robin). */
export const SYSTEM_ACTOR: AuditActor = { id: null, role: null };

/** A changed mention to announce, with the OPDs it left (they must hear of it too). */
export interface DeskChange {
  row: DeskRow;
  previousOpdCodes?: string[];
  /** Forwarded to another OPD: announcing it also hands it to that OPD's dispatch. */
  forwarded?: boolean;
  /** Set when the change was a ticket link: the link as it now is. */
  followUpOf?: MentionFollowUpLink | null;
}

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
    private readonly settings: SettingsService,
    private readonly idleClaims: ClaimIdleScheduler,
  ) {}

  /**
   * Claims one mention, and with `cluster` also every mention of its near-duplicate cluster that
   * nobody holds (others' claims in the cluster are left alone).
   */
  async claim(user: AuthenticatedUser, id: string, origin: RequestOrigin, options: { cluster?: boolean } = {}): Promise<MentionDeskState> {
    const { main, changed } = await this.desk.transaction((tx) => this.claimWithin(tx, user, id, origin, options));
    await this.announceMany(changed.map((row) => ({ row })));
    await this.scheduleIdleRelease(changed);
    return deskStateOf(main);
  }

  /**
   * The claim inside the caller's transaction (bulk actions run many in one). The caller announces
   * `changed` and schedules their idle release after the commit.
   */
  async claimWithin(
    tx: EntityManager,
    user: AuthenticatedUser,
    id: string,
    origin: RequestOrigin,
    options: { cluster?: boolean } = {},
  ): Promise<{ main: DeskRow; changed: DeskRow[] }> {
    const scope = this.actingScope(user);
    const current = await this.findOrFail(tx, id, scope);
    const changed: DeskRow[] = [];
    let main = current;
    if (current.claimed_by !== user.id) {
      const claimed = await this.desk.claim(tx, current.id, user.id);
      if (!claimed) {
        const holder = await this.desk.find(tx, current.id, scope);
        throw new SigapException(SigapErrorCode.CONFLICT, 'someone else holds this mention', {
          holder: holder?.claimed_by ? { id: holder.claimed_by, name: holder.claimed_by_name ?? '' } : null,
        });
      }
      await this.record(tx, user, origin, 'mention.claim', current, claimed);
      changed.push(claimed);
      main = claimed;
    }
    if (options.cluster && current.cluster_id) {
      for (const sibling of await this.desk.claimRestOfCluster(tx, current.cluster_id, current.id, user.id, scope)) {
        await this.record(tx, user, origin, 'mention.claim', { ...sibling, claimed_by: null, claimed_by_name: null, claimed_at: null }, sibling, undefined, {
          viaCluster: current.cluster_id,
        });
        changed.push(sibling);
      }
    }
    return { main, changed };
  }

  /** Starts the idle clock of each claim just taken. */
  async scheduleIdleRelease(rows: DeskRow[]): Promise<void> {
    await this.idleClaims.scheduleMany(
      rows.flatMap((row) => (row.claimed_by && row.claimed_at ? [{ mentionId: row.id, userId: row.claimed_by, from: row.claimed_at }] : [])),
    );
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
    await this.idleClaims.claimReleased(row.id);
    return this.announce(row);
  }

  /**
   * Releases a claim its holder left idle for `claimIdleSeconds`: the same update as a manual
   * release, audited as the system's with `reason: 'idle'`. `within` runs in the same transaction
   * (to store notifications with it). Returns when to look again if the holder was active since,
   * and null when the claim is gone or someone else's.
   */
  async releaseIdle<T>(
    id: string,
    holderId: string,
    within: (tx: EntityManager, released: DeskRow) => Promise<T>,
  ): Promise<{ released: MentionDeskState; result: T } | { recheckAt: Date } | null> {
    const idleMs = this.settings.current().claimIdleSeconds * 1000;
    type Outcome = { kind: 'released'; released: DeskRow; result: T } | { kind: 'active'; lastActivity: Date } | null;
    const outcome = await this.desk.transaction(async (tx): Promise<Outcome> => {
      const current = await this.desk.find(tx, id, { kind: 'all' }, true);
      if (!current || current.claimed_by !== holderId) return null;
      const lastActivity = current.desk_activity_at ?? current.claimed_at ?? new Date(0);
      if (lastActivity.getTime() + idleMs > Date.now()) return { kind: 'active', lastActivity };
      const released = await this.desk.release(tx, current.id);
      await this.recordChange(tx, SYSTEM_ACTOR, 'mention.release', current, released, { reason: 'idle' });
      return { kind: 'released', released, result: await within(tx, released) };
    });
    if (!outcome) return null;
    if (outcome.kind === 'active') {
      await this.idleClaims.schedule(id, holderId, outcome.lastActivity, 1000);
      return { recheckAt: new Date(Math.max(outcome.lastActivity.getTime() + idleMs, Date.now() + 1000)) };
    }
    await this.idleClaims.claimReleased(id);
    return { released: await this.announce(outcome.released), result: outcome.result };
  }

  /**
   * A status change by hand, checked against the workflow. `bukan_wewenang` forwards the mention
   * to another OPD (reason required, recorded for per-OPD counts) and frees it for that OPD;
   * `hoaks` adds Diskominfo's verification lane to its routing.
   */
  async setStatus(user: AuthenticatedUser, id: string, request: MentionStatusRequest, origin: RequestOrigin): Promise<MentionDeskState> {
    const change = await this.desk.transaction((tx) => this.setStatusWithin(tx, user, id, request, origin));
    if (!change) {
      const scope = this.actingScope(user);
      return this.desk.transaction(async (tx) => deskStateOf(await this.findOrFail(tx, id, scope)));
    }
    const [update] = await this.announceMany([change]);
    return update;
  }

  /**
   * The status change inside the caller's transaction; null when the mention already has that
   * status. The caller announces the change after the commit.
   */
  async setStatusWithin(
    tx: EntityManager,
    user: AuthenticatedUser,
    id: string,
    request: MentionStatusRequest,
    origin: RequestOrigin,
  ): Promise<DeskChange | null> {
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
      const target = await this.desk.opdState(tx, forwardTo);
      if (target === 'unknown') throw validationFailed([{ field: 'forwardTo', message: 'unknown OPD code' }]);
      if (target === 'inactive') throw validationFailed([{ field: 'forwardTo', message: 'OPD is inactive' }]);
      if (current.opd_codes.length === 1 && current.opd_codes[0] === forwardTo) {
        throw validationFailed([{ field: 'forwardTo', message: 'already routed there' }]);
      }
      await this.desk.recordForward(tx, { mentionId: current.id, fromOpds: current.opd_codes, toOpd: forwardTo, reason: reason ?? '', by: user.id });
      changed = await this.desk.forward(tx, current.id, forwardTo);
    } else if (status === 'hoaks' && !current.opd_codes.includes(HOAX_LANE_OPD)) {
      changed = await this.desk.setStatus(tx, current.id, status, [...current.opd_codes, HOAX_LANE_OPD]);
    } else {
      changed = await this.desk.setStatus(tx, current.id, status);
    }
    await this.record(tx, user, origin, 'mention.status', current, changed, reason);
    // Forwarding changes who may see it: the OPDs it left hear of it too, so their lists drop it.
    return { row: changed, previousOpdCodes: current.opd_codes, forwarded: status === 'bukan_wewenang' };
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
    return this.recordChange(tx, actor, action, before, after, { ...(reason === undefined ? {} : { reason }), ...extra });
  }

  /** The audit row of one change of a mention's desk state (before → after, plus `extra` in after). */
  recordChange(tx: EntityManager, actor: AuditActor, action: string, before: DeskRow, after: DeskRow, extra: Record<string, unknown> = {}): Promise<void> {
    const state = (row: DeskRow) => {
      const { id: _id, ...rest } = deskStateOf(row);
      return rest;
    };
    return this.audit.record({ actor, action, entityType: 'mention', entityId: before.id, before: state(before), after: { ...state(after), ...extra } }, tx);
  }

  /** Tells every API instance (each relays to its live rooms); a lost message only delays dashboards. */
  async announce(row: DeskRow, previousOpdCodes: string[] = []): Promise<MentionDeskState> {
    const [update] = await this.announceMany([{ row, previousOpdCodes }]);
    return update;
  }

  /** Announces many changes in one round trip to Redis (bulk actions, cluster claims). */
  async announceMany(changes: DeskChange[]): Promise<MentionDeskState[]> {
    if (changes.length === 0) return [];
    const channel = redisKey(this.config.redisPrefix, LIVE_UPDATE_CHANNEL);
    const pipeline = this.redis.pipeline();
    const updates = changes.map(({ row, previousOpdCodes = [], followUpOf }) => {
      const update: LiveMentionUpdate = followUpOf === undefined ? deskStateOf(row) : { ...deskStateOf(row), followUpOf };
      const opdCodes = [...new Set([...row.opd_codes, ...previousOpdCodes])];
      pipeline.publish(channel, JSON.stringify({ opdCodes, update }));
      return update;
    });
    await pipeline.exec().catch((err: unknown) => this.logger.warn({ err }, 'could not announce mention updates'));
    await this.idleClaims.forwarded(changes.filter((change) => change.forwarded).map((change) => change.row.id));
    return updates;
  }
}
