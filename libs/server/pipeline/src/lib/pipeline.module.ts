import { Module } from '@nestjs/common';
import { DispatchQueueModule } from '@sigap/server/dispatch';
import { MentionsStoreModule } from '@sigap/server/mentions';
import { RepliesApiModule } from '@sigap/server/replies';
import { TriageModule } from '@sigap/server/triage';
import { IngestWorker } from './ingest.worker';
import { MentionClusterService } from './mention-cluster.service';
import { MentionPipelineService } from './mention-pipeline.service';
import { PipelineQueueModule } from './pipeline-queue.module';
import { QueueAdminController } from './queue-admin.controller';
import { QueueAdminService } from './queue-admin.service';

/** Worker side: consumes the ingest queue. */
@Module({
  imports: [MentionsStoreModule, TriageModule, DispatchQueueModule],
  providers: [MentionClusterService, MentionPipelineService, IngestWorker],
})
export class PipelineWorkerModule {}

/** API side: queue inspection and retry of failed jobs (a failed reply delivery is retried as a reply). */
@Module({
  imports: [PipelineQueueModule, RepliesApiModule],
  controllers: [QueueAdminController],
  providers: [QueueAdminService],
  exports: [QueueAdminService],
})
export class PipelineAdminModule {}
