import { Module } from '@nestjs/common';
import { NotificationsService } from './notifications.service';

/** Dashboard notifications (stored per user, announced live); imported by the modules that notify. */
@Module({
  providers: [NotificationsService],
  exports: [NotificationsService],
})
export class NotificationsModule {}
