import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { MentionNote, MentionTimeline, MentionableUser, NoteCreated, NotificationPage, NotificationReadResult, PresenceList, UnreadCount } from '@sigap/contracts';
import { CurrentUser, Roles, type AuthenticatedUser } from '@sigap/server/auth';
import { NotificationInboxService } from './notification-inbox.service';
import { NotificationListQueryDto, NotificationReadDto } from './notification.dto';
import { MentionableQueryDto, NoteCreateDto } from './note.dto';
import { NotesService, type RequestOrigin } from './notes.service';
import { PresenceService } from './presence.service';
import { TimelineService } from './timeline.service';

interface RequestLike {
  ip?: string;
  id?: unknown;
}

const originOf = (request: RequestLike): RequestOrigin => ({ ip: request.ip ?? null, requestId: request.id ? String(request.id) : null });

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

@ApiTags('presence')
@ApiBearerAuth()
@Roles('superadmin', 'supervisor', 'admin')
@Controller('v1/presence')
export class PresenceController {
  constructor(private readonly presence: PresenceService) {}

  @Get()
  online(@CurrentUser() user: AuthenticatedUser): Promise<PresenceList> {
    return this.presence.online(user);
  }
}

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('v1/notifications')
export class NotificationsController {
  constructor(private readonly inbox: NotificationInboxService) {}

  @Get()
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: NotificationListQueryDto): Promise<NotificationPage> {
    return this.inbox.list(user, { unreadOnly: query.unread === '1' || query.unread === 'true', cursor: query.cursor, limit: query.limit });
  }

  @Get('unread-count')
  unread(@CurrentUser() user: AuthenticatedUser): Promise<UnreadCount> {
    return this.inbox.unread(user);
  }

  @Post('read')
  @HttpCode(200)
  markRead(@CurrentUser() user: AuthenticatedUser, @Body() dto: NotificationReadDto, @Req() request: RequestLike): Promise<NotificationReadResult> {
    return this.inbox.markRead(user, dto, originOf(request));
  }
}
