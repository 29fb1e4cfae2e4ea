import { Injectable } from '@nestjs/common';
import { FOLLOW_UP_FIELD_ERRORS, parseTicketNumber, type MentionFollowUpLink, type MentionFollowUpRequest, type MentionFollowUpState, type TicketRef } from '@sigap/contracts';
import { AuditService } from '@sigap/server/audit';
import { mentionScopeOf, type AuthenticatedUser } from '@sigap/server/auth';
import { SigapErrorCode, SigapException, validationFailed } from '@sigap/server/core';
import { DeskRepository } from './desk.repository';
import { DeskService, deskStateOf, type RequestOrigin } from './desk.service';
import { FollowUpRepository } from './follow-up.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const sameLink = (a: MentionFollowUpLink | null, b: MentionFollowUpLink | null): boolean => (a?.mentionId ?? null) === (b?.mentionId ?? null);

/**
 * Links a mention by hand to the ticket it follows up (a citizen writing again from another
 * account, or without quoting the number), or unlinks it. The pipeline makes the same link on its
 * own when a message quotes a ticket (`MentionsRepository.storeBatch`). Both mentions must be
 * within the user's scope; a link never closes a cycle.
 */
@Injectable()
export class FollowUpService {
  constructor(
    private readonly followUps: FollowUpRepository,
    private readonly desk: DeskRepository,
    private readonly deskService: DeskService,
    private readonly audit: AuditService,
  ) {}

  async link(user: AuthenticatedUser, id: string, request: MentionFollowUpRequest, origin: RequestOrigin): Promise<MentionFollowUpState> {
    const scope = mentionScopeOf(user);
    if (scope.kind === 'none') throw new SigapException(SigapErrorCode.FORBIDDEN, 'this role does not handle mentions');
    const ticket = this.ticketOf(request);
    const outcome = await this.followUps.transaction(async (tx) => {
      const current = UUID.test(id) ? await this.desk.find(tx, id, scope, true) : null;
      if (!current) throw new SigapException(SigapErrorCode.NOT_FOUND, 'mention not found');
      const before = await this.followUps.linkOf(tx, current.id);
      let after: MentionFollowUpLink | null = null;
      if (ticket) {
        const targetId = await this.followUps.findTicket(tx, ticket, scope);
        if (!targetId) throw new SigapException(SigapErrorCode.NOT_FOUND, 'ticket not found');
        if (targetId === current.id) throw validationFailed([{ field: 'ticketNumber', message: FOLLOW_UP_FIELD_ERRORS.self }]);
        if (await this.followUps.chainReaches(tx, targetId, current.id)) {
          throw validationFailed([{ field: 'ticketNumber', message: FOLLOW_UP_FIELD_ERRORS.cycle }]);
        }
        after = { mentionId: targetId, ticketNumber: ticket.ticketNumber };
      }
      if (sameLink(before, after)) return { row: current, link: before, changed: false };
      await this.followUps.setLink(tx, current.id, after);
      await this.audit.record(
        {
          actor: { id: user.id, role: user.role, ip: origin.ip, requestId: origin.requestId },
          action: 'mention.follow_up',
          entityType: 'mention',
          entityId: current.id,
          before: { followUpOf: before },
          after: { followUpOf: after },
        },
        tx,
      );
      return { row: current, link: after, changed: true };
    });
    if (outcome.changed) await this.deskService.announceMany([{ row: outcome.row, followUpOf: outcome.link }]);
    return { ...deskStateOf(outcome.row), followUpOf: outcome.link };
  }

  /** The ticket asked for (null: unlink); anything else than a ticket number or null is a 400. */
  private ticketOf(request: MentionFollowUpRequest): TicketRef | null {
    const value: unknown = request?.ticketNumber;
    if (value === null) return null;
    if (value === undefined) throw validationFailed([{ field: 'ticketNumber', message: 'required (null unlinks)' }]);
    const ticket = typeof value === 'string' && value.length <= 64 ? parseTicketNumber(value) : null;
    if (!ticket) throw validationFailed([{ field: 'ticketNumber', message: FOLLOW_UP_FIELD_ERRORS.malformed }]);
    return ticket;
  }
}
