import { Module } from '@nestjs/common';
import { AuditModule } from '@sigap/server/audit';
import { ChannelAccessRegistry } from './channel-access.registry';
import { ChannelsController } from './channels.controller';
import { ChannelsRepository } from './channels.repository';
import { ChannelsService } from './channels.service';

/** Managed channels and their ingest keys; exports what the ingest guard checks keys against. */
@Module({
  imports: [AuditModule],
  controllers: [ChannelsController],
  providers: [ChannelsService, ChannelsRepository, ChannelAccessRegistry],
  exports: [ChannelAccessRegistry],
})
export class ChannelsModule {}
