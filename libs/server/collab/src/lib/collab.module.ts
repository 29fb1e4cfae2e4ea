import { Module } from '@nestjs/common';
import { AuditModule } from '@sigap/server/audit';
import { AuthModule } from '@sigap/server/auth';
import { NotificationsModule } from '@sigap/server/notifications';
import { CollabGateway } from './collab.gateway';
import { MentionCollabController } from './mention-collab.controller';
import { MentionableController } from './mentionable.controller';
import { NotificationsController } from './notifications.controller';
import { PresenceController } from './presence.controller';
import { CollabRepository } from './collab.repository';
import { NotesService } from './notes.service';
import { NotificationInboxService } from './notification-inbox.service';
import { PresenceService } from './presence.service';
import { TimelineService } from './timeline.service';

/** Working together on the desk: presence and collisions, notes with @mentions, notifications, the timeline. */
@Module({
  imports: [AuthModule, AuditModule, NotificationsModule],
  controllers: [MentionableController, MentionCollabController, PresenceController, NotificationsController],
  providers: [CollabRepository, CollabGateway, PresenceService, NotesService, NotificationInboxService, TimelineService],
})
export class CollabModule {}
