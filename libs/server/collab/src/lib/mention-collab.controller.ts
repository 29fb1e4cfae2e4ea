import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { MentionNote, MentionTimeline, NoteCreated } from '@sigap/contracts';
import { CurrentUser, Roles, type AuthenticatedUser } from '@sigap/server/auth';
import { NoteCreateDto } from './note.dto';
import { NotesService } from './notes.service';
import { originOf, type RequestLike } from './request-origin';
import { TimelineService } from './timeline.service';

@ApiTags('mentions')
@ApiBearerAuth()
@Roles('superadmin', 'supervisor', 'admin')
@Controller('v1/mentions')
export class MentionCollabController {
  constructor(
    private readonly notes: NotesService,
    private readonly timelines: TimelineService,
  ) {}

  @Post(':id/notes')
  @HttpCode(201)
  @ApiResponse({ status: 404, description: 'no such mention, or outside the OPDs of the admin' })
  createNote(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string, @Body() dto: NoteCreateDto, @Req() request: RequestLike): Promise<NoteCreated> {
    return this.notes.create(user, id, dto.text, originOf(request));
  }

  @Get(':id/notes')
  listNotes(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string): Promise<MentionNote[]> {
    return this.notes.list(user, id);
  }

  @Get(':id/timeline')
  timeline(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string): Promise<MentionTimeline> {
    return this.timelines.timeline(user, id);
  }
}
