import { Injectable } from '@nestjs/common';
import type { TriageModelView } from '@sigap/contracts';
import type { AuthenticatedUser } from '@sigap/server/auth';
import { SigapErrorCode, SigapException } from '@sigap/server/core';
import { TriageModelsRepository } from '@sigap/server/triage';
import { ModelTrainingQueue } from './model-training.queue';
import { ModelTrainingService } from './model-training.service';
import { mapTriageModel } from './triage-model.mapper';

@Injectable()
export class TriageModelsService {
  constructor(
    private readonly models: TriageModelsRepository,
    private readonly training: ModelTrainingService,
    private readonly trainingQueue: ModelTrainingQueue,
  ) {}

  async list(): Promise<TriageModelView[]> {
    return (await this.models.list()).map(mapTriageModel);
  }

  async requestTraining(user: AuthenticatedUser): Promise<{ jobId: string }> {
    return { jobId: await this.trainingQueue.requestTraining(user.id) };
  }

  /** Makes an earlier (or any stored) version the active model, on every process. */
  async rollback(version: number): Promise<TriageModelView> {
    const row = await this.models.activate(version);
    if (!row) throw new SigapException(SigapErrorCode.NOT_FOUND, `there is no triage model version ${version}`);
    await this.training.announce();
    return mapTriageModel(row);
  }
}
