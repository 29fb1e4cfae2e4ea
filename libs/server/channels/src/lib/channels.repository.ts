import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Channel } from '@sigap/contracts';
import { DataSource, type EntityManager } from 'typeorm';

export interface ChannelRow {
  code: Channel;
  label: string;
  account: string | null;
  enabled: boolean;
  updated_at: Date;
}

export interface ChannelKeyRow {
  id: string;
  channel_code: Channel;
  name: string;
  key_prefix: string;
  created_by: string | null;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

export interface ChannelStatsRow {
  code: Channel;
  received_24h: number;
  last_received_at: Date | null;
}

/** What the ingest hot path needs of an active key. */
export interface ActiveKeyRow {
  id: string;
  channel_code: Channel;
  key_hash: string;
}

const KEY_COLUMNS = `id, channel_code, name, key_prefix, created_by, created_at, last_used_at, revoked_at`;

@Injectable()
export class ChannelsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  list(): Promise<ChannelRow[]> {
    return this.db.query(`SELECT code, label, account, enabled, updated_at FROM channels ORDER BY code`);
  }

  /** Every key, newest first within its channel (revoked ones too: they are history). */
  keys(): Promise<ChannelKeyRow[]> {
    return this.db.query(`SELECT ${KEY_COLUMNS} FROM channel_ingest_keys ORDER BY channel_code, created_at DESC, id`);
  }

  /**
   * Two index-only lookups per channel on (channel, received_at): a range count and a max. On a
   * busy day the count's estimate passes the JIT threshold, and compiling costs more than the
   * count itself (hundreds of ms), so JIT is off for this one statement.
   */
  stats(): Promise<ChannelStatsRow[]> {
    return this.db.transaction(async (tx) => {
      await tx.query(`SET LOCAL jit = off`);
      return tx.query(`
        SELECT c.code,
               (SELECT count(*) FROM mentions m WHERE m.channel = c.code AND m.received_at > now() - interval '24 hours')::int AS received_24h,
               (SELECT max(m.received_at) FROM mentions m WHERE m.channel = c.code) AS last_received_at
          FROM channels c`);
    });
  }

  async lock(code: string, tx: EntityManager): Promise<ChannelRow | null> {
    const [row] = await tx.query(`SELECT code, label, account, enabled, updated_at FROM channels WHERE code = $1 FOR UPDATE`, [code]);
    return row ?? null;
  }

  async update(code: string, fields: { label: string; account: string | null; enabled: boolean }, userId: string, tx: EntityManager): Promise<ChannelRow> {
    // An UPDATE answers [rows, count].
    const [[row]] = await tx.query(
      `UPDATE channels SET label = $2, account = $3, enabled = $4, updated_by = $5, updated_at = now()
        WHERE code = $1 RETURNING code, label, account, enabled, updated_at`,
      [code, fields.label, fields.account, fields.enabled, userId],
    );
    return row;
  }

  async insertKey(fields: { channel: Channel; name: string; hash: string; prefix: string; userId: string }, tx: EntityManager): Promise<ChannelKeyRow> {
    const [row] = await tx.query(
      `INSERT INTO channel_ingest_keys (channel_code, name, key_hash, key_prefix, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING ${KEY_COLUMNS}`,
      [fields.channel, fields.name, fields.hash, fields.prefix, fields.userId],
    );
    return row;
  }

  async lockKey(channel: string, id: string, tx: EntityManager): Promise<ChannelKeyRow | null> {
    const [row] = await tx.query(`SELECT ${KEY_COLUMNS} FROM channel_ingest_keys WHERE id = $1 AND channel_code = $2 FOR UPDATE`, [id, channel]);
    return row ?? null;
  }

  async revokeKey(id: string, userId: string, tx: EntityManager): Promise<ChannelKeyRow> {
    const [[row]] = await tx.query(
      `UPDATE channel_ingest_keys SET revoked_at = now(), revoked_by = $2 WHERE id = $1 RETURNING ${KEY_COLUMNS}`,
      [id, userId],
    );
    return row;
  }

  /** The state the ingest guard caches: which channels are on, and every key not revoked. */
  async accessState(): Promise<{ enabled: { code: Channel; enabled: boolean }[]; keys: ActiveKeyRow[] }> {
    const [enabled, keys] = await Promise.all([
      this.db.query(`SELECT code, enabled FROM channels`),
      this.db.query(`SELECT id, channel_code, key_hash FROM channel_ingest_keys WHERE revoked_at IS NULL`),
    ]);
    return { enabled, keys };
  }

  /** Best effort, off the request path: how recently a key was used. */
  async touchKey(id: string): Promise<void> {
    await this.db.query(`UPDATE channel_ingest_keys SET last_used_at = now() WHERE id = $1`, [id]);
  }
}
