import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LIVE_NOTIFY_USER_CHANNEL, type NotificationKind, type NotificationView } from '@sigap/contracts';
import { REDIS_CLIENT, SIGAP_CONFIG, redisKey, type SigapConfig } from '@sigap/server/core';
import type Redis from 'ioredis';
import { DataSource, type EntityManager } from 'typeorm';

export interface NewNotification {
  userIds: string[];
  kind: NotificationKind;
  mentionId?: string | null;
  actorId?: string | null;
  payload?: Record<string, unknown>;
}

/** A `notifications` row joined with its actor's name, as every notification query selects it. */
export interface NotificationRow {
  id: string;
  user_id: string;
  kind: NotificationKind;
  mention_id: string | null;
  actor_id: string | null;
  actor_name: string | null;
  payload: Record<string, unknown>;
  created_at: Date;
  read_at: Date | null;
}

export const mapNotification = (row: NotificationRow): NotificationView => ({
  id: Number(row.id),
  userId: row.user_id,
  kind: row.kind,
  mentionId: row.mention_id,
  actor: row.actor_id ? { id: row.actor_id, name: row.actor_name ?? '' } : null,
  payload: row.payload,
  createdAt: row.created_at.toISOString(),
  readAt: row.read_at ? row.read_at.toISOString() : null,
});

/**
 * Stores dashboard notifications and announces each to its user's live room. Pass the
 * transaction's manager so notifications commit with the change they tell of; call `announce`
 * with the result after that commit.
 */
@Injectable()
export class NotificationsService {
  private readonly logger = new Logger(NotificationsService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    @Inject(SIGAP_CONFIG) private readonly config: SigapConfig,
  ) {}

  async create(input: NewNotification, manager?: EntityManager): Promise<NotificationView[]> {
    const userIds = [...new Set(input.userIds)];
    if (userIds.length === 0) return [];
    const runner = manager ?? this.db.manager;
    const rows: NotificationRow[] = await runner.query(
      `WITH n AS (
         INSERT INTO notifications (user_id, kind, mention_id, actor_id, payload)
         SELECT u, $2, $3, $4, $5::jsonb FROM unnest($1::uuid[]) AS u
         RETURNING *)
       SELECT n.*, a.name AS actor_name FROM n LEFT JOIN users a ON a.id = n.actor_id ORDER BY n.id`,
      [userIds, input.kind, input.mentionId ?? null, input.actorId ?? null, JSON.stringify(input.payload ?? {})],
    );
    return rows.map(mapNotification);
  }

  /** Creates and, outside any transaction, announces at once. */
  async notify(input: NewNotification): Promise<NotificationView[]> {
    const created = await this.create(input);
    await this.announce(created);
    return created;
  }

  /** Sends stored notifications to their users' dashboards; a lost message only delays them. */
  async announce(notifications: NotificationView[]): Promise<void> {
    const channel = redisKey(this.config.redisPrefix, LIVE_NOTIFY_USER_CHANNEL);
    await Promise.all(
      notifications.map((notification) =>
        this.redis
          .publish(channel, JSON.stringify({ userId: notification.userId, notification }))
          .catch((err: unknown) => this.logger.warn({ err }, 'could not announce a notification')),
      ),
    );
  }
}
