import { Injectable, Logger } from '@nestjs/common';
import { DeskService } from '@sigap/server/desk';
import { NotificationsService } from '@sigap/server/notifications';

/** Releases claims their holders left idle and tells the former holder (the desk restarts the escalation clock). */
@Injectable()
export class IdleClaimService {
  private readonly logger = new Logger(IdleClaimService.name);

  constructor(
    private readonly desk: DeskService,
    private readonly notifications: NotificationsService,
  ) {}

  async releaseIfIdle(mentionId: string, holderId: string): Promise<void> {
    const outcome = await this.desk.releaseIdle(mentionId, holderId, (tx) =>
      this.notifications.create({ userIds: [holderId], kind: 'claim_released', mentionId, actorId: null, payload: { reason: 'idle' } }, tx),
    );
    if (outcome && 'released' in outcome) {
      this.logger.log({ mentionId, holderId }, 'idle claim released');
      await this.notifications.announce(outcome.result);
    }
  }
}
