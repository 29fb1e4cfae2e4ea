import { Body, Controller, Get, HttpCode, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { NotificationPage, NotificationReadResult, UnreadCount } from '@sigap/contracts';
import { CurrentUser, type AuthenticatedUser } from '@sigap/server/auth';
import { NotificationInboxService } from './notification-inbox.service';
import { NotificationListQueryDto, NotificationReadDto } from './notification.dto';
import { originOf, type RequestLike } from './request-origin';

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
