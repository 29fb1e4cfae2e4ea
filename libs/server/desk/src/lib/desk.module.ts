import { Module } from '@nestjs/common';
import { AuditModule } from '@sigap/server/audit';
import { AuthModule } from '@sigap/server/auth';
import { DeskController } from './desk.controller';
import { DeskRepository } from './desk.repository';
import { DeskService } from './desk.service';

/** The desk: claiming, releasing and changing the status of mentions, each one audited. */
@Module({
  imports: [AuthModule, AuditModule],
  controllers: [DeskController],
  providers: [DeskRepository, DeskService],
  exports: [DeskRepository, DeskService],
})
export class DeskApiModule {}
