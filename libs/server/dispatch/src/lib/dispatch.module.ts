import { Module } from '@nestjs/common';
import { AuditModule } from '@sigap/server/audit';
import { AuthModule } from '@sigap/server/auth';
import { DeskCoreModule } from '@sigap/server/desk';
import { MentionsStoreModule } from '@sigap/server/mentions';
import { NotificationsModule } from '@sigap/server/notifications';
import { RepliesApiModule } from '@sigap/server/replies';
import { AssignmentService } from './assignment.service';
import { BulkService } from './bulk.service';
import { DeskDispatchQueue, NotifyOutboundQueue } from './desk-dispatch.queue';
import { DeskDispatchWorker } from './desk-dispatch.worker';
import { DispatchController } from './dispatch.controller';
import { DispatchRepository } from './dispatch.repository';
import { EscalationService } from './escalation.service';
import { IdleClaimService } from './idle-claim.service';
import { OutboundNotifier } from './outbound.notifier';
import { PresenceReader } from './presence.reader';
import { RotaController } from './rota.controller';
import { RotaRepository } from './rota.repository';
import { RotaService } from './rota.service';

/** The producer of dispatch jobs, for the ingest pipeline (one job per stored batch). */
@Module({
  providers: [DeskDispatchQueue],
  exports: [DeskDispatchQueue],
})
export class DispatchQueueModule {}

/** API side: the rota, assignment by hand and bulk actions. */
@Module({
  imports: [AuthModule, AuditModule, DeskCoreModule, NotificationsModule, MentionsStoreModule, RepliesApiModule],
  controllers: [RotaController, DispatchController],
  providers: [RotaRepository, RotaService, DispatchRepository, PresenceReader, AssignmentService, BulkService],
})
export class DispatchApiModule {}

/** Worker side: round-robin of stored mentions, the escalation ladder, idle claims, messages to staff. */
@Module({
  imports: [DeskCoreModule, NotificationsModule, DispatchQueueModule],
  providers: [DispatchRepository, PresenceReader, AssignmentService, EscalationService, IdleClaimService, OutboundNotifier, NotifyOutboundQueue, DeskDispatchWorker],
})
export class DispatchWorkerModule {}
