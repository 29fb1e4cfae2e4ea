import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import {
  CLOSED_STATUSES,
  URGENCIES,
  canTransition,
  ticketNumberOf,
  type DeskSettings,
  type NotifyOutboundJobData,
  type Urgency,
} from '@sigap/contracts';
import { DeskRepository, DeskService, SYSTEM_ACTOR, type DeskRow } from '@sigap/server/desk';
import { NotificationsService } from '@sigap/server/notifications';
import { SettingsService } from '@sigap/server/settings';
import type { EntityManager } from 'typeorm';
import { AssignmentService } from './assignment.service';
import { DeskDispatchQueue, NotifyOutboundQueue } from './desk-dispatch.queue';
import { DispatchRepository, type ContactRow, type DispatchMentionRow } from './dispatch.repository';

/** The rungs: 1 the next on-call admin, 2 the OPD's supervisor, 3 the crisis desk (the last). */
export const TOP_ESCALATION_LEVEL = 3;

/** A rung firing this close to its limit escalates (BullMQ may run a delayed job a little early). */
const EARLY_TOLERANCE_MS = 1000;

const URGENCY_ID: Record<Urgency, string> = { critical: 'kritis', high: 'tinggi', normal: 'normal', low: 'rendah' };

/** The Telegram/WhatsApp text of an escalation: no citizen's words or personal data, only what to open. */
export function escalationMessage(level: number, mention: DispatchMentionRow, waitedSeconds: number): string {
  const minutes = Math.max(1, Math.round(waitedSeconds / 60));
  const opds = mention.opd_codes.length > 0 ? mention.opd_codes.join(', ') : 'belum dirutekan';
  return (
    `[Sigap] Eskalasi level ${level}: aduan ${URGENCY_ID[mention.urgency]} ${ticketNumberOf(mention.seq, mention.received_at)} ` +
    `(${opds}) belum ditangani selama ${minutes} menit. Mohon segera buka dasbor Sigap.`
  );
}

export function outboundMessages(contacts: ContactRow[], text: string): NotifyOutboundJobData[] {
  return contacts.flatMap((contact) => [
    ...(contact.telegram_chat_id ? [{ channel: 'telegram' as const, to: contact.telegram_chat_id, text }] : []),
    ...(contact.whatsapp_number ? [{ channel: 'whatsapp' as const, to: contact.whatsapp_number, text }] : []),
  ]);
}

/**
 * The escalation ladder of unclaimed mentions, one delayed job per rung: when a rung is due and
 * the mention is still unclaimed and open, it reaches further up and schedules the next rung
 * after the same interval.
 *
 * The SLAs can change at run time, and a change applies to mentions already waiting: a rung
 * measures the limit in effect when it fires from the start of its wait (and waits again if the
 * limit grew), and when an urgency's limit is shortened the waiting rungs of that urgency are
 * moved earlier (overdue ones run at once).
 */
@Injectable()
export class EscalationService implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(EscalationService.name);
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly dispatch: DispatchRepository,
    private readonly deskRows: DeskRepository,
    private readonly desk: DeskService,
    private readonly assignment: AssignmentService,
    private readonly notifications: NotificationsService,
    private readonly queue: DeskDispatchQueue,
    private readonly outbound: NotifyOutboundQueue,
    private readonly settings: SettingsService,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.settings.onChange((next, previous) => this.slaChanged(next, previous));
  }

  /** A worker that was down when an SLA was shortened catches up: rungs still timed to the environment's limit move. */
  onApplicationBootstrap(): void {
    this.slaChanged(this.settings.current(), this.settings.environmentDefaults()).catch((err: unknown) =>
      this.logger.warn({ err }, 'could not move escalation rungs to the shortened SLA at start'),
    );
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }

  /** Moves the waiting rungs of every urgency whose limit was shortened to the new, earlier time. */
  async slaChanged(next: DeskSettings, previous: DeskSettings): Promise<void> {
    const shortened = URGENCIES.filter((urgency) => next.slaSeconds[urgency] < previous.slaSeconds[urgency]);
    if (shortened.length === 0) return;
    const jobs = await this.queue.delayedEscalations();
    const urgencyOf = new Map<string, Urgency>();
    const ids = [...new Set(jobs.map((job) => job.data.mentionId))];
    for (let i = 0; i < ids.length; i += 1000) {
      for (const row of await this.dispatch.mentionsForDispatch(ids.slice(i, i + 1000))) urgencyOf.set(row.id, row.urgency);
    }
    const now = Date.now();
    let moved = 0;
    for (const job of jobs) {
      const urgency = urgencyOf.get(job.data.mentionId);
      if (!urgency || !shortened.includes(urgency)) continue;
      const dueAt = (job.data.clockStartedAt ?? job.timestamp) + next.slaSeconds[urgency] * 1000;
      try {
        await job.changeDelay(Math.max(1, dueAt - now));
        moved += 1;
      } catch {
        // It started running meanwhile; it checks the limit in effect itself.
      }
    }
    this.logger.log({ shortened, moved }, 'escalation rungs moved to the shortened SLA');
  }

  /** Starts the clock of stored mentions nobody holds. */
  async startClocks(mentions: DispatchMentionRow[]): Promise<void> {
    const unclaimed = mentions.filter((m) => !m.claimed_by && !CLOSED_STATUSES.includes(m.status) && m.status !== 'eskalasi');
    const now = Date.now();
    await this.queue.scheduleEscalations(unclaimed.map((m) => ({ mentionId: m.id, level: 1, delayMs: this.intervalMs(m.urgency), clockStartedAtMs: now })));
  }

  /**
   * A claim released before the mention was closed (by hand or left idle): its ladder, stopped by
   * the claim, starts again from the next rung after its urgency's limit.
   */
  async restartClock(mentionId: string): Promise<void> {
    const [mention] = await this.dispatch.mentionsForDispatch([mentionId]);
    if (!mention || mention.claimed_by || CLOSED_STATUSES.includes(mention.status)) return;
    const level = (await this.dispatch.escalationLevelOf(mentionId)) + 1;
    if (level > TOP_ESCALATION_LEVEL) return;
    const now = Date.now();
    await this.queue.scheduleEscalations([{ mentionId, level, delayMs: this.intervalMs(mention.urgency), clockStartedAtMs: now, restartedAtMs: now }]);
  }

  /** Rung `level`, due when the mention has waited its urgency's limit since `clockStartedAtMs`. */
  async escalate(mentionId: string, level: number, clockStartedAtMs: number): Promise<void> {
    const outcome = await this.dispatch.transaction(async (tx) => {
      const current = await this.deskRows.find(tx, mentionId, { kind: 'all' }, true);
      // Claimed, closed, or this rung already taken (a repeated job): the ladder stops or has moved on.
      if (!current || current.claimed_by || CLOSED_STATUSES.includes(current.status) || current.escalation_level >= level) return null;
      const [mention] = await this.dispatch.mentionsForDispatch([mentionId], tx);
      // The limit was lengthened (or the urgency lowered) since this rung was scheduled: wait out the rest.
      const dueAt = clockStartedAtMs + this.intervalMs(mention.urgency);
      if (dueAt > Date.now() + EARLY_TOLERANCE_MS) return { kind: 'deferred' as const, deferredTo: dueAt };
      const { targets, assignee } = await this.targetsOf(tx, current, level);
      const changed = await this.dispatch.escalate(tx, current.id, level, canTransition(current.status, 'eskalasi'), assignee);
      const waitedSeconds = Math.round((Date.now() - mention.received_at.getTime()) / 1000);
      await this.desk.recordChange(tx, SYSTEM_ACTOR, 'mention.escalate', current, changed, { level, targets, waitedSeconds });
      const created = await this.notifications.create(
        { userIds: targets, kind: 'escalation', mentionId, actorId: null, payload: { level, urgency: mention.urgency, waitedSeconds } },
        tx,
      );
      const messages = outboundMessages(await this.dispatch.contactsOf(tx, targets), escalationMessage(level, mention, waitedSeconds));
      return { kind: 'escalated' as const, changed, created, messages, urgency: mention.urgency, targets };
    });
    if (!outcome) return;
    if (outcome.kind === 'deferred') {
      await this.queue.scheduleEscalations([
        { mentionId, level, delayMs: outcome.deferredTo - Date.now(), clockStartedAtMs, deferredToMs: outcome.deferredTo },
      ]);
      return;
    }
    this.logger.log({ mentionId, level, targets: outcome.targets.length }, 'mention escalated');
    await this.desk.announce(outcome.changed);
    await this.notifications.announce(outcome.created);
    try {
      await this.outbound.send(outcome.messages);
    } catch (err) {
      this.logger.warn({ err, mentionId }, 'could not queue escalation messages to Telegram/WhatsApp');
    }
    if (level < TOP_ESCALATION_LEVEL) {
      await this.queue.scheduleEscalations([{ mentionId, level: level + 1, delayMs: this.intervalMs(outcome.urgency), clockStartedAtMs: Date.now() }]);
    }
  }

  private async targetsOf(tx: EntityManager, current: DeskRow, level: number): Promise<{ targets: string[]; assignee: string | null }> {
    if (level <= 1) {
      const next = await this.assignment.nextOnCallAdmin(tx, current);
      return { targets: next ? [next] : [], assignee: next };
    }
    if (level === 2) {
      const onShift = current.opd_codes.length > 0 ? await this.dispatch.supervisorsOnShift(tx, current.opd_codes) : [];
      return { targets: onShift.length > 0 ? onShift : await this.dispatch.activeSupervisors(tx), assignee: null };
    }
    const crisisDesk = await this.dispatch.crisisDesk(tx);
    return { targets: crisisDesk.length > 0 ? crisisDesk : await this.dispatch.activeSupervisors(tx), assignee: null };
  }

  private intervalMs(urgency: Urgency): number {
    return this.settings.current().slaSeconds[urgency] * 1000;
  }
}
