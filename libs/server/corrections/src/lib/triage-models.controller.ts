import { Controller, Get, HttpCode, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { TriageModelView } from '@sigap/contracts';
import { CurrentUser, Roles, type AuthenticatedUser } from '@sigap/server/auth';
import { TriageModelsService } from './triage-models.service';

@ApiTags('triage')
@ApiBearerAuth()
@Roles('superadmin', 'supervisor')
@Controller('v1/triage/models')
export class TriageModelsController {
  constructor(private readonly models: TriageModelsService) {}

  @Get()
  list(): Promise<TriageModelView[]> {
    return this.models.list();
  }

  /** Queues a retraining now (the worker also retrains on a schedule). */
  @Post('train')
  @HttpCode(202)
  train(@CurrentUser() user: AuthenticatedUser): Promise<{ jobId: string }> {
    return this.models.requestTraining(user);
  }

  @Post(':version/rollback')
  @HttpCode(200)
  rollback(@Param('version', ParseIntPipe) version: number): Promise<TriageModelView> {
    return this.models.rollback(version);
  }
}
