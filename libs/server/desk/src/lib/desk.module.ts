import { Module } from '@nestjs/common';
import { AuditModule } from '@sigap/server/audit';
import { AuthModule } from '@sigap/server/auth';
import { BoardController } from './board.controller';
import { BoardRepository } from './board.repository';
import { BoardService } from './board.service';
import { DeskController } from './desk.controller';
import { DeskRepository } from './desk.repository';
import { DeskService } from './desk.service';

/** The desk: claiming, releasing and changing the status of mentions (each one audited), and the supervisor's board. */
@Module({
  imports: [AuthModule, AuditModule],
  controllers: [DeskController, BoardController],
  providers: [DeskRepository, DeskService, BoardRepository, BoardService],
  exports: [DeskRepository, DeskService],
})
export class DeskApiModule {}
