import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { MentionFollowUpState } from '@sigap/contracts';
import { CurrentUser, Roles, type AuthenticatedUser } from '@sigap/server/auth';
import { MentionFollowUpDto } from './follow-up.dto';
import { FollowUpService } from './follow-up.service';
import { originOf, type RequestLike } from './request-origin';

@ApiTags('mentions')
@ApiBearerAuth()
@Roles('superadmin', 'supervisor', 'admin')
@Controller('v1/mentions')
export class FollowUpController {
  constructor(private readonly followUps: FollowUpService) {}

  @Post(':id/follow-up')
  @HttpCode(200)
  @ApiResponse({ status: 400, description: 'not a ticket number, the mention itself, or one of its own follow-ups (a cycle)' })
  @ApiResponse({ status: 404, description: 'no such mention or ticket, or outside the OPDs of the admin' })
  link(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') id: string,
    @Body() dto: MentionFollowUpDto,
    @Req() request: RequestLike,
  ): Promise<MentionFollowUpState> {
    return this.followUps.link(user, id, dto, originOf(request));
  }
}
