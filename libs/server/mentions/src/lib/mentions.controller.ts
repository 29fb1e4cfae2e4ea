import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Mention, MentionPage } from '@sigap/contracts';
import { CurrentUser, type AuthenticatedUser } from '@sigap/server/auth';
import { MentionQueryDto } from './mention-query.dto';
import { MentionsService } from './mentions.service';

@ApiTags('mentions')
@ApiBearerAuth()
@Controller('v1/mentions')
export class MentionsController {
  constructor(private readonly mentions: MentionsService) {}

  @Get()
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: MentionQueryDto): Promise<MentionPage> {
    return this.mentions.list(user, query);
  }

  @Get(':id')
  get(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string): Promise<Mention> {
    return this.mentions.get(user, id);
  }
}
