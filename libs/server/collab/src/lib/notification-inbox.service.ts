import { Injectable } from '@nestjs/common';
import type { NotificationPage, NotificationReadResult, UnreadCount } from '@sigap/contracts';
import { AuditService } from '@sigap/server/audit';
import type { AuthenticatedUser } from '@sigap/server/auth';
import { validationFailed } from '@sigap/server/core';
import { mapNotification } from '@sigap/server/notifications';
import { CollabRepository } from './collab.repository';
import type { RequestOrigin } from './notes.service';

export const NOTIFICATION_PAGE_DEFAULT = 20;

/** A user's own notifications: listing (newest first) and marking read. */
@Injectable()
export class NotificationInboxService {
  constructor(
    private readonly repository: CollabRepository,
    private readonly audit: AuditService,
  ) {}

  async list(user: AuthenticatedUser, options: { unreadOnly: boolean; cursor?: string; limit?: number }): Promise<NotificationPage> {
    let before: number | null = null;
    if (options.cursor !== undefined && options.cursor !== '') {
      before = Number(options.cursor);
      if (!Number.isSafeInteger(before) || before < 1) throw validationFailed([{ field: 'cursor', message: 'not a cursor from a previous page' }]);
    }
    const limit = options.limit ?? NOTIFICATION_PAGE_DEFAULT;
    const [rows, unreadCount] = await Promise.all([
      this.repository.notificationsOf(user.id, { unreadOnly: options.unreadOnly, before, limit: limit + 1 }),
      this.repository.unreadCount(user.id),
    ]);
    const items = rows.slice(0, limit).map(mapNotification);
    return { items, nextCursor: rows.length > limit ? String(items[items.length - 1].id) : null, unreadCount };
  }

  async unread(user: AuthenticatedUser): Promise<UnreadCount> {
    return { unreadCount: await this.repository.unreadCount(user.id) };
  }

  async markRead(user: AuthenticatedUser, request: { ids?: number[]; all?: boolean }, origin: RequestOrigin): Promise<NotificationReadResult> {
    if (request.all !== true && !request.ids) throw validationFailed([{ field: 'ids', message: 'give ids, or all: true' }]);
    if (request.all === true && request.ids) throw validationFailed([{ field: 'all', message: 'give either ids or all, not both' }]);
    return this.repository.transaction(async (tx) => {
      const changed = await this.repository.markRead(tx, user.id, request.all ? null : (request.ids ?? []));
      if (changed.length > 0) {
        await this.audit.record(
          {
            actor: { id: user.id, role: user.role, ip: origin.ip, requestId: origin.requestId },
            action: 'notification.read',
            entityType: 'user',
            entityId: user.id,
            after: request.all ? { all: true, count: changed.length } : { ids: changed },
          },
          tx,
        );
      }
      return { updated: changed.length, unreadCount: await this.repository.unreadCount(user.id, tx) };
    });
  }
}
