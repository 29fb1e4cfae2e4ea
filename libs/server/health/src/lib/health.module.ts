import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { PipelineQueueModule } from '@sigap/server/pipeline';
import { HealthController } from './health.controller';

@Module({
  imports: [TerminusModule.forRoot({ logger: false }), PipelineQueueModule],
  controllers: [HealthController],
})
export class HealthModule {}
