import { DynamicModule, Module } from '@nestjs/common';
import { AuthWorkerModule } from '@sigap/server/auth';
import { CoreModule, type SigapConfig } from '@sigap/server/core';
import { CorrectionsWorkerModule } from '@sigap/server/corrections';
import { DatabaseModule } from '@sigap/server/database';
import { DispatchWorkerModule } from '@sigap/server/dispatch';
import { PipelineWorkerModule } from '@sigap/server/pipeline';
import { RepliesWorkerModule } from '@sigap/server/replies';
import { SettingsModule } from '@sigap/server/settings';

@Module({})
export class WorkerModule {
  static forRoot(config: SigapConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        CoreModule.forRoot(config),
        DatabaseModule.forRoot(),
        SettingsModule,
        PipelineWorkerModule,
        CorrectionsWorkerModule,
        RepliesWorkerModule,
        DispatchWorkerModule,
        AuthWorkerModule,
      ],
    };
  }
}
