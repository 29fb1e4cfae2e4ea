import { Module } from '@nestjs/common';
import { AuthModule } from '@sigap/server/auth';
import { TriageModule } from '@sigap/server/triage';
import { CorrectionsController } from './corrections.controller';
import { CorrectionsRepository } from './corrections.repository';
import { CorrectionsService } from './corrections.service';
import { ModelTrainingQueue } from './model-training.queue';
import { ModelTrainingService } from './model-training.service';
import { ModelTrainingWorker } from './model-training.worker';
import { TriageModelsController } from './triage-models.controller';
import { TriageModelsService } from './triage-models.service';

/** API side: admins' corrections of mentions, and the learned model's versions (list, train now, roll back). */
@Module({
  imports: [TriageModule, AuthModule],
  controllers: [CorrectionsController, TriageModelsController],
  providers: [CorrectionsRepository, CorrectionsService, ModelTrainingQueue, ModelTrainingService, TriageModelsService],
})
export class CorrectionsApiModule {}

/** Worker side: the scheduled retraining on its own queue. */
@Module({
  imports: [TriageModule],
  providers: [CorrectionsRepository, ModelTrainingQueue, ModelTrainingService, ModelTrainingWorker],
})
export class CorrectionsWorkerModule {}
