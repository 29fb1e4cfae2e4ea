import { Module } from '@nestjs/common';
import { AuditModule } from '@sigap/server/audit';
import { AuthModule } from '@sigap/server/auth';
import { ClaimIdleScheduler } from './claim-idle.scheduler';
import { DeskController } from './desk.controller';
import { DeskRepository } from './desk.repository';
import { DeskService } from './desk.service';

/** The desk's rules without HTTP: for the API module and for the worker's desk jobs (idle release, escalation). */
@Module({
  imports: [AuditModule],
  providers: [DeskRepository, DeskService, ClaimIdleScheduler],
  exports: [DeskRepository, DeskService],
})
export class DeskCoreModule {}

/** The desk: claiming, releasing and changing the status of mentions, each one audited. */
@Module({
  imports: [AuthModule, DeskCoreModule],
  controllers: [DeskController],
})
export class DeskApiModule {}
