import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { RenderTemplateResult, ReplyTemplateView } from '@sigap/contracts';
import { CurrentUser, Roles, type AuthenticatedUser } from '@sigap/server/auth';
import { originOf } from './reply-origin';
import { CreateReplyTemplateDto, RenderTemplateDto, ReplyTemplateQueryDto, UpdateReplyTemplateDto } from './reply-template.dto';
import { TemplatesService } from './templates.service';

type RequestLike = Parameters<typeof originOf>[0];

@ApiTags('replies')
@ApiBearerAuth()
@Roles('superadmin', 'supervisor', 'admin')
@Controller('v1/templates')
export class TemplatesController {
  constructor(private readonly templates: TemplatesService) {}

  @Get()
  @ApiResponse({ status: 404, description: 'with mentionId: no such mention, or outside the OPDs of the admin' })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: ReplyTemplateQueryDto): Promise<ReplyTemplateView[]> {
    return this.templates.list(user, query);
  }

  @Post()
  @Roles('superadmin', 'supervisor')
  create(@CurrentUser() user: AuthenticatedUser, @Body() dto: CreateReplyTemplateDto, @Req() request: RequestLike): Promise<ReplyTemplateView> {
    return this.templates.create(user, dto, originOf(request));
  }

  @Patch(':id')
  @Roles('superadmin', 'supervisor')
  update(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') id: string,
    @Body() dto: UpdateReplyTemplateDto,
    @Req() request: RequestLike,
  ): Promise<ReplyTemplateView> {
    return this.templates.update(user, id, dto, originOf(request));
  }

  @Post(':id/render')
  @HttpCode(200)
  @ApiResponse({ status: 200, description: '`missing` lists variables still unfilled or unknown; sending it would be refused' })
  render(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string, @Body() dto: RenderTemplateDto): Promise<RenderTemplateResult> {
    return this.templates.render(user, id, dto);
  }
}
