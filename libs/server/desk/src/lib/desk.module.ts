import { Module } from '@nestjs/common';
import { AuditModule } from '@sigap/server/audit';
import { AuthModule } from '@sigap/server/auth';
import { BoardController } from './board.controller';
import { BoardRepository } from './board.repository';
import { BoardService } from './board.service';
import { ClaimIdleScheduler } from './claim-idle.scheduler';
import { DeskController } from './desk.controller';
import { DeskRepository } from './desk.repository';
import { DeskService } from './desk.service';
import { FollowUpController } from './follow-up.controller';
import { FollowUpRepository } from './follow-up.repository';
import { FollowUpService } from './follow-up.service';

/** The desk's rules without HTTP: for the API module and for the worker's desk jobs (idle release, escalation). */
@Module({
  imports: [AuditModule],
  providers: [DeskRepository, DeskService, ClaimIdleScheduler],
  exports: [DeskRepository, DeskService],
})
export class DeskCoreModule {}

/** The desk over HTTP: claims, releases, status changes, ticket links (each one audited) and the supervisor's board. */
@Module({
  imports: [AuthModule, AuditModule, DeskCoreModule],
  controllers: [DeskController, BoardController, FollowUpController],
  providers: [BoardRepository, BoardService, FollowUpRepository, FollowUpService],
})
export class DeskApiModule {}
