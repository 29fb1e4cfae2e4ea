import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { MentionBulkResult, MentionDeskState } from '@sigap/contracts';
import { CurrentUser, Roles, type AuthenticatedUser } from '@sigap/server/auth';
import { AssignmentService } from './assignment.service';
import { MentionAssignDto, MentionBulkDto } from './bulk.dto';
import { BulkService } from './bulk.service';
import { originOf, type RequestLike } from './request-origin';

@ApiTags('mentions')
@ApiBearerAuth()
@Controller('v1/mentions')
export class DispatchController {
  constructor(
    private readonly assignment: AssignmentService,
    private readonly bulk: BulkService,
  ) {}

  @Post('bulk')
  @HttpCode(200)
  @Roles('superadmin', 'supervisor', 'admin')
  @ApiResponse({ status: 200, description: 'each mention on its own: `failed` lists those not changed and why (outside your OPDs: NOT_FOUND)' })
  @ApiResponse({ status: 403, description: 'assign by a non-supervisor' })
  runBulk(@CurrentUser() user: AuthenticatedUser, @Body() dto: MentionBulkDto, @Req() request: RequestLike): Promise<MentionBulkResult> {
    return this.bulk.run(user, dto, originOf(request));
  }

  @Post(':id/assign')
  @HttpCode(200)
  @Roles('superadmin', 'supervisor')
  @ApiResponse({ status: 400, description: "`userId` is not an active admin of one of the mention's OPDs" })
  assign(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string, @Body() dto: MentionAssignDto, @Req() request: RequestLike): Promise<MentionDeskState> {
    return this.assignment.assign(user, id, dto.userId, originOf(request));
  }
}
