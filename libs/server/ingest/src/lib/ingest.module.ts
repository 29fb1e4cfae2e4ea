import { Module } from '@nestjs/common';
import { PipelineQueueModule } from '@sigap/server/pipeline';
import { IngestController } from './ingest.controller';
import { IngestKeyGuard } from './ingest-key.guard';
import { IngestService } from './ingest.service';

@Module({
  imports: [PipelineQueueModule],
  controllers: [IngestController],
  providers: [IngestService, IngestKeyGuard],
})
export class IngestModule {}
