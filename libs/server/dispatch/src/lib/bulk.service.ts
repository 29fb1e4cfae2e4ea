import { Injectable, Logger } from '@nestjs/common';
import {
  BULK_MAX_ITEMS,
  MAX_LABELS_PER_MENTION,
  ROLES_SEEING_ALL,
  type MentionBulkAction,
  type MentionBulkActionKind,
  type MentionBulkFailure,
  type MentionBulkFilter,
  type MentionStatus,
  type MentionBulkResult,
  type NotificationView,
} from '@sigap/contracts';
import { mentionScopeOf, type AuthenticatedUser, type MentionScope } from '@sigap/server/auth';
import { SigapErrorCode, SigapException, validationFailed } from '@sigap/server/core';
import { DeskRepository, DeskService, type DeskChange, type DeskRow, type RequestOrigin } from '@sigap/server/desk';
import { MentionsRepository, mentionFilterOf } from '@sigap/server/mentions';
import { NotificationsService } from '@sigap/server/notifications';
import { RepliesService, type ReplyAftermath } from '@sigap/server/replies';
import type { EntityManager } from 'typeorm';
import { AssignmentService, actorOf } from './assignment.service';
import { DispatchRepository } from './dispatch.repository';

/** Items per transaction: each item has its own savepoint, so one failure undoes only itself. */
const CHUNK = 100;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface ItemOutcome {
  changes: DeskChange[];
  notifications: NotificationView[];
  /** Claims just taken: their idle clocks start after the commit. */
  claimed: DeskRow[];
  /** Replies made: the replies domain announces and queues them after the commit. */
  replies: ReplyAftermath[];
}

/** The action as validated from JSON: `kind` says which fields apply (see BulkActionDto). */
export interface BulkActionInput {
  kind: MentionBulkActionKind;
  userId?: string | null;
  status?: MentionStatus;
  reason?: string;
  forwardTo?: string;
  add?: string[];
  remove?: string[];
  templateId?: string;
  variables?: Record<string, string>;
}

export interface BulkRequestInput {
  ids?: string[];
  filter?: MentionBulkFilter;
  action: BulkActionInput;
}

const NOTHING: ItemOutcome = { changes: [], notifications: [], claimed: [], replies: [] };

/**
 * One action on many mentions, each validated and applied on its own (a savepoint per item), each
 * audited as if done alone; live updates go out per chunk in one Redis round trip.
 */
@Injectable()
export class BulkService {
  private readonly logger = new Logger(BulkService.name);

  constructor(
    private readonly dispatch: DispatchRepository,
    private readonly deskRows: DeskRepository,
    private readonly desk: DeskService,
    private readonly assignment: AssignmentService,
    private readonly mentions: MentionsRepository,
    private readonly notifications: NotificationsService,
    private readonly replies: RepliesService,
  ) {}

  async run(user: AuthenticatedUser, request: BulkRequestInput, origin: RequestOrigin): Promise<MentionBulkResult> {
    const scope = mentionScopeOf(user);
    if (scope.kind === 'none') throw new SigapException(SigapErrorCode.FORBIDDEN, 'this role does not handle mentions');
    const action = this.checkAction(user, request.action);
    if (action.kind === 'reply') await this.replies.checkTemplate(user, action.templateId, 'action.templateId');
    const ids = await this.targets(request, scope, user);
    const failed: MentionBulkFailure[] = [];
    let succeeded = 0;
    for (let start = 0; start < ids.length; start += CHUNK) {
      const chunk = ids.slice(start, start + CHUNK);
      let outcome: ItemOutcome;
      try {
        outcome = await this.dispatch.transaction(async (tx) => {
          const done: ItemOutcome = { changes: [], notifications: [], claimed: [], replies: [] };
          for (const id of chunk) {
            await tx.query('SAVEPOINT bulk_item');
            try {
              const item = await this.applyOne(tx, user, scope, id, action, origin);
              await tx.query('RELEASE SAVEPOINT bulk_item');
              done.changes.push(...item.changes);
              done.notifications.push(...item.notifications);
              done.claimed.push(...item.claimed);
              done.replies.push(...item.replies);
              succeeded++;
            } catch (error) {
              await tx.query('ROLLBACK TO SAVEPOINT bulk_item');
              failed.push(this.failureOf(id, error));
            }
          }
          return done;
        });
      } catch (error) {
        // The chunk's commit itself failed: none of its items took effect.
        this.logger.error({ err: error, size: chunk.length }, 'a bulk chunk could not be committed');
        const reported = new Set(failed.map((f) => f.id));
        const committedBefore = chunk.filter((id) => !reported.has(id)).length;
        succeeded -= committedBefore;
        for (const id of chunk) if (!reported.has(id)) failed.push({ id, code: SigapErrorCode.INTERNAL, message: 'not saved; try again' });
        continue;
      }
      await this.afterCommit(outcome);
    }
    return { total: ids.length, succeeded, failed };
  }

  /** What a committed chunk still has to tell; each step on its own, none turning saved items into failures. */
  private async afterCommit(outcome: ItemOutcome): Promise<void> {
    const steps: [string, () => Promise<unknown>][] = [
      ['live updates', () => this.desk.announceMany(outcome.changes)],
      ['notifications', () => this.notifications.announce(outcome.notifications)],
      ['idle-claim clocks', () => this.desk.scheduleIdleRelease(outcome.claimed)],
      ['replies (live updates, outbox)', () => this.replies.settle(outcome.replies)],
    ];
    for (const [what, step] of steps) {
      try {
        await step();
      } catch (error) {
        this.logger.error({ err: error }, `a committed bulk chunk: ${what} failed`);
      }
    }
  }

  private async applyOne(
    tx: EntityManager,
    user: AuthenticatedUser,
    scope: MentionScope,
    id: string,
    action: MentionBulkAction,
    origin: RequestOrigin,
  ): Promise<ItemOutcome> {
    if (!UUID.test(id)) throw new SigapException(SigapErrorCode.NOT_FOUND, 'mention not found');
    switch (action.kind) {
      case 'claim': {
        const { changed } = await this.desk.claimWithin(tx, user, id, origin);
        return { ...NOTHING, changes: changed.map((row) => ({ row })), claimed: changed };
      }
      case 'status': {
        const change = await this.desk.setStatusWithin(tx, user, id, { status: action.status, reason: action.reason, forwardTo: action.forwardTo }, origin);
        return { ...NOTHING, changes: change ? [change] : [] };
      }
      case 'assign': {
        const { change, notifications } = await this.assignment.assignWithin(tx, user, id, action.userId, origin);
        return { ...NOTHING, changes: change ? [change] : [], notifications };
      }
      case 'tag':
        return this.tag(tx, user, scope, id, action.add ?? [], action.remove ?? [], origin);
      case 'reply': {
        // Exactly what one reply does: claim if unclaimed, approval for critical items and trainees, the outbox.
        const reply = await this.replies.createWithin(tx, user, id, { templateId: action.templateId, variables: action.variables }, origin);
        return { ...NOTHING, replies: [reply] };
      }
    }
  }

  private async tag(
    tx: EntityManager,
    user: AuthenticatedUser,
    scope: MentionScope,
    id: string,
    add: string[],
    remove: string[],
    origin: RequestOrigin,
  ): Promise<ItemOutcome> {
    const current = await this.deskRows.find(tx, id, scope, true);
    if (!current) throw new SigapException(SigapErrorCode.NOT_FOUND, 'mention not found');
    const labels = [...new Set([...current.labels, ...add])].filter((label) => !remove.includes(label)).sort();
    if (labels.length > MAX_LABELS_PER_MENTION) {
      throw validationFailed([{ field: 'action.add', message: `a mention has at most ${MAX_LABELS_PER_MENTION} labels` }]);
    }
    if (labels.join('\u0000') === [...current.labels].sort().join('\u0000')) return NOTHING;
    const changed = await this.dispatch.setLabels(tx, current.id, labels);
    await this.desk.recordChange(tx, actorOf(user, origin), 'mention.labels', current, changed, { added: add, removed: remove });
    return { ...NOTHING, changes: [{ row: changed }] };
  }

  /** The request-wide checks; what depends on one mention is checked per item. */
  private checkAction(user: AuthenticatedUser, action: BulkActionInput): MentionBulkAction {
    switch (action.kind) {
      case 'assign':
        if (!ROLES_SEEING_ALL.includes(user.role)) throw new SigapException(SigapErrorCode.FORBIDDEN, 'only supervisors assign mentions');
        return { kind: 'assign', userId: action.userId ?? null };
      case 'status':
        if (!action.status) throw validationFailed([{ field: 'action.status', message: 'required' }]);
        return { kind: 'status', status: action.status, reason: action.reason, forwardTo: action.forwardTo };
      case 'tag': {
        const add = action.add ?? [];
        const remove = action.remove ?? [];
        if (add.length + remove.length === 0) throw validationFailed([{ field: 'action.add', message: 'add or remove at least one label' }]);
        if (add.some((label) => remove.includes(label))) throw validationFailed([{ field: 'action.remove', message: 'a label cannot be added and removed at once' }]);
        return { kind: 'tag', add, remove };
      }
      case 'claim':
        return { kind: 'claim' };
      case 'reply':
        if (!action.templateId) throw validationFailed([{ field: 'action.templateId', message: 'required' }]);
        return { kind: 'reply', templateId: action.templateId, variables: action.variables };
    }
  }

  /** The ids to act on: as given (deduplicated), or what the filter matches within the user's scope. */
  private async targets(request: BulkRequestInput, scope: MentionScope, user: AuthenticatedUser): Promise<string[]> {
    if (Boolean(request.ids) === Boolean(request.filter)) {
      throw validationFailed([{ field: 'ids', message: 'give either ids or filter' }]);
    }
    if (request.ids) return [...new Set(request.ids.map((id) => id.toLowerCase()))];
    const filter = request.filter ?? {};
    const ids = await this.mentions.findIdsMatching(
      mentionFilterOf(filter, user),
      scope,
      BULK_MAX_ITEMS + 1,
    );
    if (ids.length > BULK_MAX_ITEMS) {
      throw validationFailed([{ field: 'filter', message: `matches more than ${BULK_MAX_ITEMS} mentions; narrow it` }]);
    }
    return ids;
  }

  private failureOf(id: string, error: unknown): MentionBulkFailure {
    if (error instanceof SigapException) return { id, code: error.code, message: error.message };
    this.logger.error({ err: error, id }, 'bulk action failed on one mention');
    return { id, code: SigapErrorCode.INTERNAL, message: 'unexpected error' };
  }
}
