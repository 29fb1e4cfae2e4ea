import { Module } from '@nestjs/common';
import { MentionsController } from './mentions.controller';
import { MentionsRepository } from './mentions.repository';
import { MentionsService } from './mentions.service';

/** Storage and reading of mentions; the worker uses the repository, the API the controller. */
@Module({
  providers: [MentionsRepository],
  exports: [MentionsRepository],
})
export class MentionsStoreModule {}

@Module({
  imports: [MentionsStoreModule],
  controllers: [MentionsController],
  providers: [MentionsService],
})
export class MentionsApiModule {}
