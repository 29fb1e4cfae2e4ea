import { Module } from '@nestjs/common';
import { AuthModule } from '@sigap/server/auth';
import { MentionsStoreModule } from '@sigap/server/mentions';
import { LiveGateway } from './live.gateway';
import { LiveStreamService } from './live-stream.service';

@Module({
  imports: [AuthModule, MentionsStoreModule],
  providers: [LiveGateway, LiveStreamService],
})
export class LiveModule {}
