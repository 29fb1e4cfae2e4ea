import { Module } from '@nestjs/common';
import { AuditModule } from '@sigap/server/audit';
import { AuthModule } from '@sigap/server/auth';
import { DeskCoreModule } from '@sigap/server/desk';
import { NotificationsModule } from '@sigap/server/notifications';
import { MentionFlow } from './mention-flow';
import { OutboxDeliveryService } from './outbox-delivery.service';
import { RepliesOutboxQueue } from './replies-outbox.queue';
import { RepliesOutboxWorker } from './replies-outbox.worker';
import { ApprovalsController, RepliesController } from './replies.controller';
import { RepliesRepository } from './replies.repository';
import { RepliesService } from './replies.service';
import { ReplyAnnouncer } from './reply-announcer';
import { ReplyTextService } from './reply-text.service';
import { TemplatesController } from './templates.controller';
import { TemplatesService } from './templates.service';

/** API side: templates, replies, approvals; queues approved replies in the outbox. */
@Module({
  imports: [AuthModule, AuditModule, NotificationsModule, DeskCoreModule],
  controllers: [TemplatesController, RepliesController, ApprovalsController],
  providers: [RepliesRepository, ReplyTextService, TemplatesService, RepliesService, MentionFlow, ReplyAnnouncer, RepliesOutboxQueue],
  // Bulk replies (dispatch) send each reply through this service; replies never import dispatch.
  exports: [RepliesService],
})
export class RepliesApiModule {}

/** Worker side: delivers the outbox. The desk's repository and announcer move and announce the mentions. */
@Module({
  imports: [AuditModule, DeskCoreModule],
  providers: [RepliesRepository, MentionFlow, ReplyAnnouncer, OutboxDeliveryService, RepliesOutboxWorker],
})
export class RepliesWorkerModule {}
