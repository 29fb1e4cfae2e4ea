import { DynamicModule, Module } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { AuthModule } from '@sigap/server/auth';
import { CoreModule, type SigapConfig } from '@sigap/server/core';
import { CorrectionsApiModule } from '@sigap/server/corrections';
import { DatabaseModule } from '@sigap/server/database';
import { DeskApiModule } from '@sigap/server/desk';
import { DispatchApiModule } from '@sigap/server/dispatch';
import { HealthModule } from '@sigap/server/health';
import { IngestModule } from '@sigap/server/ingest';
import { LiveModule } from '@sigap/server/live';
import { MentionsApiModule } from '@sigap/server/mentions';
import { PipelineAdminModule } from '@sigap/server/pipeline';
import { ReferenceModule } from '@sigap/server/reference';
import { TriageApiModule } from '@sigap/server/triage';

@Module({})
export class ApiModule {
  static forRoot(config: SigapConfig): DynamicModule {
    const dashboard = config.dashboardDir
      ? [
          ServeStaticModule.forRoot({
            rootPath: config.dashboardDir,
            exclude: ['/api/{*path}', '/socket.io/{*path}'],
          }),
        ]
      : [];
    return {
      module: ApiModule,
      imports: [
        CoreModule.forRoot(config),
        DatabaseModule.forRoot(),
        AuthModule,
        IngestModule,
        MentionsApiModule,
        ReferenceModule,
        PipelineAdminModule,
        TriageApiModule,
        CorrectionsApiModule,
        DeskApiModule,
        DispatchApiModule,
        LiveModule,
        HealthModule,
        ...dashboard,
      ],
    };
  }
}
