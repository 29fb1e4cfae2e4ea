import { DynamicModule, Module } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { AccountsApiModule } from '@sigap/server/accounts';
import { AuthModule } from '@sigap/server/auth';
import { ChannelsModule } from '@sigap/server/channels';
import { CollabModule } from '@sigap/server/collab';
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
import { SettingsModule } from '@sigap/server/settings';
import { RepliesApiModule } from '@sigap/server/replies';
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
        SettingsModule,
        AuthModule,
        // Before any users module: its `GET /users/mentionable` must not be taken for `/users/:id`.
        CollabModule,
        AccountsApiModule,
        IngestModule,
        ChannelsModule,
        MentionsApiModule,
        ReferenceModule,
        PipelineAdminModule,
        TriageApiModule,
        CorrectionsApiModule,
        DeskApiModule,
        RepliesApiModule,
        DispatchApiModule,
        LiveModule,
        HealthModule,
        ...dashboard,
      ],
    };
  }
}
