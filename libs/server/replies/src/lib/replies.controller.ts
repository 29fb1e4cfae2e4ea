import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { ApprovalItem, ReplyView } from '@sigap/contracts';
import { CurrentUser, Roles, type AuthenticatedUser } from '@sigap/server/auth';
import { RepliesService } from './replies.service';
import { originOf } from './reply-origin';
import { ApprovalDecisionDto, CreateReplyDto } from './reply.dto';

type RequestLike = Parameters<typeof originOf>[0];

@ApiTags('replies')
@ApiBearerAuth()
@Roles('superadmin', 'supervisor', 'admin')
@Controller('v1')
export class RepliesController {
  constructor(private readonly replies: RepliesService) {}

  @Get('mentions/:id/replies')
  list(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string): Promise<ReplyView[]> {
    return this.replies.list(user, id);
  }

  @Post('mentions/:id/replies')
  @ApiResponse({ status: 400, description: 'variables unfilled or unknown: `details[0]` is `{ field: "variables", missing: [names] }`' })
  @ApiResponse({ status: 409, description: 'someone else holds the mention; `details.holder` is `{ id, name }`' })
  @ApiResponse({ status: 404, description: 'no such mention, or outside the OPDs of the admin' })
  create(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string, @Body() dto: CreateReplyDto, @Req() request: RequestLike): Promise<ReplyView> {
    return this.replies.create(user, id, dto, originOf(request));
  }

  @Post('replies/:id/retry')
  @HttpCode(200)
  @ApiResponse({ status: 409, description: 'the reply has not failed' })
  retry(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string, @Req() request: RequestLike): Promise<ReplyView> {
    return this.replies.retry(user, id, originOf(request));
  }
}

@ApiTags('replies')
@ApiBearerAuth()
@Roles('superadmin', 'supervisor')
@Controller('v1/approvals')
export class ApprovalsController {
  constructor(private readonly replies: RepliesService) {}

  @Get()
  list(): Promise<ApprovalItem[]> {
    return this.replies.approvals();
  }

  @Post(':id')
  @HttpCode(200)
  @ApiResponse({ status: 403, description: 'the reply is your own' })
  @ApiResponse({ status: 409, description: 'the reply is not waiting for approval' })
  decide(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string, @Body() dto: ApprovalDecisionDto, @Req() request: RequestLike): Promise<ReplyView> {
    return this.replies.decide(user, id, dto, originOf(request));
  }
}
