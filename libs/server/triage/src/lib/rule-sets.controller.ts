import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { RuleSetDraftView, RuleSetTrialResult, RuleSetVersionDetail, RuleSetVersionSummary } from '@sigap/contracts';
import { CurrentUser, Roles, type AuthenticatedUser } from '@sigap/server/auth';
import { PublishRuleSetDraftDto, RollbackRuleSetDto, SaveRuleSetDraftDto, TryRuleSetDraftDto } from './rule-set.dto';
import { RuleSetsService } from './rule-sets.service';

@ApiTags('triage')
@ApiBearerAuth()
@Roles('superadmin', 'supervisor')
@Controller('v1/triage/rule-sets')
export class RuleSetsController {
  constructor(private readonly ruleSets: RuleSetsService) {}

  @Get()
  list(): Promise<RuleSetVersionSummary[]> {
    return this.ruleSets.list();
  }

  // The draft routes come before `:version`, which would otherwise take "draft" as a version.
  @Get('draft')
  draft(): Promise<RuleSetDraftView> {
    return this.ruleSets.getDraft();
  }

  @Put('draft')
  @ApiResponse({ status: 400, description: 'the rule set is not usable: each problem with its path (details[].field)' })
  saveDraft(@CurrentUser() user: AuthenticatedUser, @Body() dto: SaveRuleSetDraftDto): Promise<RuleSetDraftView> {
    return this.ruleSets.saveDraft(user, dto.content, dto.notes);
  }

  @Delete('draft')
  @HttpCode(204)
  discardDraft(): Promise<void> {
    return this.ruleSets.discardDraft();
  }

  @Post('draft/try')
  @HttpCode(200)
  tryDraft(@Body() dto: TryRuleSetDraftDto): Promise<RuleSetTrialResult> {
    return this.ruleSets.tryDraft(dto.limit);
  }

  @Post('draft/publish')
  publish(@CurrentUser() user: AuthenticatedUser, @Body() dto: PublishRuleSetDraftDto): Promise<RuleSetVersionSummary> {
    return this.ruleSets.publishDraft(user, dto.notes);
  }

  @Get(':version')
  get(@Param('version', ParseIntPipe) version: number): Promise<RuleSetVersionDetail> {
    return this.ruleSets.get(version);
  }

  @Post(':version/rollback')
  rollback(
    @CurrentUser() user: AuthenticatedUser,
    @Param('version', ParseIntPipe) version: number,
    @Body() dto: RollbackRuleSetDto,
  ): Promise<RuleSetVersionSummary> {
    return this.ruleSets.rollback(user, version, dto.notes);
  }
}
