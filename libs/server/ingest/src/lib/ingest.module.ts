import { Module } from '@nestjs/common';
import { ChannelsModule } from '@sigap/server/channels';
import { PipelineQueueModule } from '@sigap/server/pipeline';
import { IngestController } from './ingest.controller';
import { IngestKeyGuard } from './ingest-key.guard';
import { IngestService } from './ingest.service';

@Module({
  imports: [PipelineQueueModule, ChannelsModule],
  controllers: [IngestController],
  providers: [IngestService, IngestKeyGuard],
})
export class IngestModule {}
