import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { MentionableUser } from '@sigap/contracts';
import { CurrentUser, Roles, type AuthenticatedUser } from '@sigap/server/auth';
import { MentionableQueryDto } from './note.dto';
import { NotesService } from './notes.service';

@ApiTags('users')
@ApiBearerAuth()
@Roles('superadmin', 'supervisor', 'admin')
@Controller('v1/users')
export class MentionableController {
  constructor(private readonly notes: NotesService) {}

  /** Registered before any `/users/:id` route so "mentionable" is never taken for an id. */
  @Get('mentionable')
  mentionable(@CurrentUser() user: AuthenticatedUser, @Query() query: MentionableQueryDto): Promise<MentionableUser[]> {
    return this.notes.mentionable(user, query.mentionId, query.q);
  }
}
