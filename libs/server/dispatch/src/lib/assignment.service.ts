import { Injectable, Logger } from '@nestjs/common';
import { CLOSED_STATUSES, type MentionDeskState, type NotificationView } from '@sigap/contracts';
import type { AuditActor } from '@sigap/server/audit';
import type { AuthenticatedUser } from '@sigap/server/auth';
import { SigapErrorCode, SigapException, validationFailed } from '@sigap/server/core';
import { DeskRepository, DeskService, SYSTEM_ACTOR, type DeskChange, type DeskRow, type RequestOrigin } from '@sigap/server/desk';
import { NotificationsService } from '@sigap/server/notifications';
import type { EntityManager } from 'typeorm';
import { DispatchRepository, type DispatchMentionRow } from './dispatch.repository';
import { PresenceReader } from './presence.reader';
import { pickAssignee } from './round-robin';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One assignment inside a transaction: the change to announce and the notifications to send after commit. */
export interface AssignmentOutcome {
  change: DeskChange | null;
  notifications: NotificationView[];
}

export const actorOf = (user: AuthenticatedUser, origin: RequestOrigin): AuditActor => ({
  id: user.id,
  role: user.role,
  ip: origin.ip,
  requestId: origin.requestId,
});

/**
 * Who a mention is assigned to: by a supervisor's hand, or round-robin among the on-call admins
 * of its OPDs when it is stored. Assignment does not claim: the assignee still claims to work on it.
 */
@Injectable()
export class AssignmentService {
  private readonly logger = new Logger(AssignmentService.name);

  constructor(
    private readonly dispatch: DispatchRepository,
    private readonly deskRows: DeskRepository,
    private readonly desk: DeskService,
    private readonly notifications: NotificationsService,
    private readonly presence: PresenceReader,
  ) {}

  async assign(user: AuthenticatedUser, id: string, userId: string | null, origin: RequestOrigin): Promise<MentionDeskState> {
    const outcome = await this.dispatch.transaction((tx) => this.assignWithin(tx, user, id, userId, origin));
    await this.notifications.announce(outcome.notifications);
    if (outcome.change) return this.desk.announce(outcome.change.row);
    return this.dispatch.transaction(async (tx) => {
      const row = await this.deskRows.find(tx, id, { kind: 'all' });
      if (!row) throw new SigapException(SigapErrorCode.NOT_FOUND, 'mention not found');
      return this.desk.announce(row);
    });
  }

  /** Supervisors (who see every mention) assign; the assignee must answer for one of its OPDs. */
  async assignWithin(tx: EntityManager, user: AuthenticatedUser, id: string, userId: string | null, origin: RequestOrigin): Promise<AssignmentOutcome> {
    if (user.role !== 'supervisor' && user.role !== 'superadmin') {
      throw new SigapException(SigapErrorCode.FORBIDDEN, 'only supervisors assign mentions');
    }
    const current = UUID.test(id) ? await this.deskRows.find(tx, id, { kind: 'all' }, true) : null;
    if (!current) throw new SigapException(SigapErrorCode.NOT_FOUND, 'mention not found');
    if (userId !== null && (!UUID.test(userId) || !(await this.dispatch.isAssignableAdmin(tx, userId, current.opd_codes)))) {
      throw validationFailed([{ field: 'userId', message: "must be an active admin of one of the mention's OPDs" }]);
    }
    if (current.assigned_to === userId) return { change: null, notifications: [] };
    const changed = await this.dispatch.setAssignee(tx, current.id, userId);
    if (!changed) throw new SigapException(SigapErrorCode.NOT_FOUND, 'mention not found');
    await this.desk.recordChange(tx, actorOf(user, origin), 'mention.assign', current, changed, { via: 'manual' });
    const notifications = userId
      ? await this.notifications.create({ userIds: [userId], kind: 'assigned', mentionId: current.id, actorId: user.id, payload: { via: 'manual' } }, tx)
      : [];
    return { change: { row: changed }, notifications };
  }

  /**
   * Round-robin for newly stored mentions that nobody holds or was given: each goes to the
   * eligible on-call admin of its OPDs (online, below capacity) with the fewest open mentions.
   * Mentions routed alike are assigned in one transaction, the loads kept up to date in memory,
   * so a spike costs one candidate query per OPD combination, not one per mention.
   */
  async assignStored(mentions: DispatchMentionRow[]): Promise<number> {
    const waiting = mentions.filter((m) => m.opd_codes.length > 0 && !m.claimed_by && !m.assigned_to && !CLOSED_STATUSES.includes(m.status));
    if (waiting.length === 0) return 0;
    const online = await this.presence.onlineUserIds();
    if (online.size === 0) return 0;
    const byRouting = new Map<string, DispatchMentionRow[]>();
    for (const mention of waiting) {
      const key = [...mention.opd_codes].sort().join(',');
      byRouting.set(key, [...(byRouting.get(key) ?? []), mention]);
    }
    const changes: DeskChange[] = [];
    const notifications: NotificationView[] = [];
    for (const group of byRouting.values()) {
      const assigned = await this.dispatch.transaction(async (tx) => {
        await this.dispatch.lockAssignments(tx);
        const candidates = await this.dispatch.onCallAdmins(tx, group[0].opd_codes);
        const done: { row: DeskRow; created: NotificationView[] }[] = [];
        // Strictly increasing, so equal loads keep rotating within the batch too.
        let clock = Date.now();
        for (const mention of group) {
          const pick = pickAssignee(candidates, online);
          if (!pick) break;
          const before = await this.deskRows.find(tx, mention.id, { kind: 'all' }, true);
          const changed = before ? await this.dispatch.setAssignee(tx, mention.id, pick.id, true) : null;
          if (!before || !changed) continue;
          pick.openCount++;
          pick.lastAssignedAt = new Date(++clock);
          await this.desk.recordChange(tx, SYSTEM_ACTOR, 'mention.assign', before, changed, { via: 'round-robin' });
          const created = await this.notifications.create(
            { userIds: [pick.id], kind: 'assigned', mentionId: mention.id, actorId: null, payload: { via: 'round-robin' } },
            tx,
          );
          done.push({ row: changed, created });
        }
        return done;
      });
      for (const { row, created } of assigned) {
        changes.push({ row });
        notifications.push(...created);
      }
    }
    await this.desk.announceMany(changes);
    await this.notifications.announce(notifications);
    if (changes.length > 0) this.logger.log({ assigned: changes.length, of: waiting.length }, 'round-robin assignment');
    return changes.length;
  }

  /** For the escalation ladder: the next on-call admin other than the current assignee, or null. */
  async nextOnCallAdmin(tx: EntityManager, current: DeskRow): Promise<string | null> {
    if (current.opd_codes.length === 0) return null;
    await this.dispatch.lockAssignments(tx);
    const exclude = current.assigned_to ? [current.assigned_to] : [];
    const candidates = await this.dispatch.onCallAdmins(tx, current.opd_codes);
    const online = await this.presence.onlineUserIds();
    // Online and below capacity first; an escalation still has to reach someone when all are busy or away.
    const pick =
      pickAssignee(candidates, online, exclude) ??
      pickAssignee(
        candidates.map((c) => ({ ...c, capacity: Number.MAX_SAFE_INTEGER })),
        new Set(candidates.map((c) => c.id)),
        exclude,
      );
    if (pick) return pick.id;
    const next = (await this.dispatch.nextShiftAdmins(tx, current.opd_codes)).filter((id) => !exclude.includes(id));
    return next[0] ?? null;
  }
}
