import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { DeskBoard, MyWorkCounts } from '@sigap/contracts';
import { CurrentUser, Roles, type AuthenticatedUser } from '@sigap/server/auth';
import { BoardService } from './board.service';

@ApiTags('desk')
@ApiBearerAuth()
@Controller('v1/desk')
export class BoardController {
  constructor(private readonly board: BoardService) {}

  /** The shift at a glance: unclaimed by urgency with SLA, who holds what, OPD backlogs and bounces. */
  @Get('board')
  @Roles('superadmin', 'supervisor')
  get(): Promise<DeskBoard> {
    return this.board.get();
  }

  /** Counts behind "Pekerjaan saya" for the caller. */
  @Get('my-work')
  @Roles('superadmin', 'supervisor', 'admin')
  myWork(@CurrentUser() user: AuthenticatedUser): Promise<MyWorkCounts> {
    return this.board.myWork(user);
  }
}
