import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { MentionDeskState } from '@sigap/contracts';
import { CurrentUser, Roles, type AuthenticatedUser } from '@sigap/server/auth';
import { DeskService } from './desk.service';
import { MentionClaimDto, MentionStatusDto } from './mention-status.dto';
import { originOf, type RequestLike } from './request-origin';

@ApiTags('mentions')
@ApiBearerAuth()
@Roles('superadmin', 'supervisor', 'admin')
@Controller('v1/mentions')
export class DeskController {
  constructor(private readonly desk: DeskService) {}

  @Post(':id/claim')
  @HttpCode(200)
  @ApiResponse({ status: 409, description: 'someone else holds it; `details.holder` is `{ id, name }`' })
  @ApiResponse({ status: 404, description: 'no such mention, or outside the OPDs of the admin' })
  claim(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') id: string,
    @Body() dto: MentionClaimDto,
    @Req() request: RequestLike,
  ): Promise<MentionDeskState> {
    return this.desk.claim(user, id, originOf(request), { cluster: dto?.cluster });
  }

  @Post(':id/release')
  @HttpCode(200)
  @ApiResponse({ status: 403, description: 'an admin who is not the holder' })
  @ApiResponse({ status: 409, description: 'nobody holds it' })
  release(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string, @Req() request: RequestLike): Promise<MentionDeskState> {
    return this.desk.release(user, id, originOf(request));
  }

  @Post(':id/status')
  @HttpCode(200)
  @ApiResponse({ status: 409, description: 'the workflow does not allow this change from the current status' })
  @ApiResponse({ status: 400, description: 'a reply-flow status, or bukan_wewenang without reason/forwardTo' })
  setStatus(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') id: string,
    @Body() dto: MentionStatusDto,
    @Req() request: RequestLike,
  ): Promise<MentionDeskState> {
    return this.desk.setStatus(user, id, dto, originOf(request));
  }
}
