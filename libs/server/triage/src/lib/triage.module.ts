import { Module } from '@nestjs/common';
import { AuthModule } from '@sigap/server/auth';
import { ClassifyAccessGuard } from './classify-access.guard';
import { ClassifyController } from './classify.controller';
import { ClassifyService } from './classify.service';
import { RuleSetBootstrapService } from './rule-set-bootstrap.service';
import { RuleSetsController } from './rule-sets.controller';
import { RuleSetsRepository } from './rule-sets.repository';
import { RuleSetsService } from './rule-sets.service';
import { TriageModelsRepository } from './triage-models.repository';
import { TriageService } from './triage.service';

/** The published rule set and the active learned model, loaded and kept current: for the worker's pipeline and the API alike. */
@Module({
  providers: [RuleSetsRepository, RuleSetBootstrapService, TriageModelsRepository, TriageService],
  exports: [TriageService, RuleSetsRepository, TriageModelsRepository],
})
export class TriageModule {}

/** API side: rule-set versions, the draft and its trial, publishing and rollback, and classify on demand. */
@Module({
  imports: [TriageModule, AuthModule],
  controllers: [RuleSetsController, ClassifyController],
  providers: [RuleSetsService, ClassifyService, ClassifyAccessGuard],
})
export class TriageApiModule {}
