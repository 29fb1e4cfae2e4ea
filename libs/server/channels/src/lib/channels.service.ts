import { Injectable } from '@nestjs/common';
import {
  CHANNELS,
  CHANNEL_LIMITS,
  type Channel,
  type ChannelKeyView,
  type ChannelView,
  type CreatedChannelKey,
} from '@sigap/contracts';
import { AuditService, type AuditActor } from '@sigap/server/audit';
import type { AuthenticatedUser } from '@sigap/server/auth';
import { SigapErrorCode, SigapException, validationFailed, type FieldError } from '@sigap/server/core';
import { ChannelAccessRegistry } from './channel-access.registry';
import type { CreateChannelKeyDto, UpdateChannelDto } from './channel.dto';
import { generateChannelKey } from './channel-key';
import { ChannelsRepository, type ChannelKeyRow, type ChannelRow } from './channels.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface RequestLike {
  ip?: string;
  id?: unknown;
}

export const mapChannelKey = (row: ChannelKeyRow): ChannelKeyView => ({
  id: row.id,
  name: row.name,
  prefix: row.key_prefix,
  createdAt: row.created_at.toISOString(),
  createdBy: row.created_by,
  lastUsedAt: row.last_used_at ? row.last_used_at.toISOString() : null,
  revokedAt: row.revoked_at ? row.revoked_at.toISOString() : null,
});

/** What the audit log keeps of a channel. */
const auditedChannel = (row: ChannelRow) => ({ label: row.label, account: row.account, enabled: row.enabled });
/** What the audit log keeps of a key: never the key, nor its hash. */
const auditedKey = (view: ChannelKeyView) => ({ id: view.id, name: view.name, prefix: view.prefix });

const notFound = (what: 'channel' | 'key') => new SigapException(SigapErrorCode.NOT_FOUND, what === 'channel' ? 'channel not found' : 'ingest key not found');

const isChannel = (code: string): code is Channel => (CHANNELS as readonly string[]).includes(code);

/**
 * Channels as the superadmin manages them: label, account, on/off and ingest keys. Every change is
 * audited in its transaction, then the ingest guards of every API process reload what they cache.
 */
@Injectable()
export class ChannelsService {
  constructor(
    private readonly channels: ChannelsRepository,
    private readonly access: ChannelAccessRegistry,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<ChannelView[]> {
    const [rows, keys, stats] = await Promise.all([this.channels.list(), this.channels.keys(), this.channels.stats()]);
    const statsOf = new Map(stats.map((row) => [row.code, row]));
    return rows
      .filter((row) => isChannel(row.code))
      .sort((a, b) => CHANNELS.indexOf(a.code) - CHANNELS.indexOf(b.code))
      .map((row) => {
        const stat = statsOf.get(row.code);
        return {
          code: row.code,
          label: row.label,
          account: row.account,
          enabled: row.enabled,
          updatedAt: row.updated_at.toISOString(),
          keys: keys.filter((key) => key.channel_code === row.code).map(mapChannelKey),
          stats: { received24h: stat?.received_24h ?? 0, lastReceivedAt: stat?.last_received_at ? stat.last_received_at.toISOString() : null },
        };
      });
  }

  async update(user: AuthenticatedUser, code: string, dto: UpdateChannelDto, request: RequestLike): Promise<ChannelView> {
    if (!isChannel(code)) throw notFound('channel');
    const { label, account, enabled } = checkedUpdate(dto);

    const changed = await this.channels.transaction(async (tx) => {
      const current = await this.channels.lock(code, tx);
      if (!current) throw notFound('channel');
      const next = { label: label ?? current.label, account: account === undefined ? current.account : account, enabled: enabled ?? current.enabled };
      if (next.label === current.label && next.account === current.account && next.enabled === current.enabled) return false;
      const after = await this.channels.update(code, next, user.id, tx);
      await this.audit.record(
        { actor: actorOf(user, request), action: 'channel.update', entityType: 'channel', entityId: code, before: auditedChannel(current), after: auditedChannel(after) },
        tx,
      );
      return true;
    });
    if (changed) await this.access.changed();
    return this.view(code);
  }

  async createKey(user: AuthenticatedUser, code: string, dto: CreateChannelKeyDto, request: RequestLike): Promise<CreatedChannelKey> {
    if (!isChannel(code)) throw notFound('channel');
    const name = typeof dto.name === 'string' ? dto.name.trim() : '';
    if (name.length < 1 || name.length > CHANNEL_LIMITS.keyNameMaxLength) {
      throw validationFailed([{ field: 'name', message: `must be 1-${CHANNEL_LIMITS.keyNameMaxLength} characters` }]);
    }
    const generated = generateChannelKey(code);
    const view = await this.channels.transaction(async (tx) => {
      if (!(await this.channels.lock(code, tx))) throw notFound('channel');
      const created = mapChannelKey(await this.channels.insertKey({ channel: code, name, hash: generated.hash, prefix: generated.prefix, userId: user.id }, tx));
      await this.audit.record({ actor: actorOf(user, request), action: 'channel.key.create', entityType: 'channel', entityId: code, after: auditedKey(created) }, tx);
      return created;
    });
    await this.access.changed();
    return { key: generated.key, view };
  }

  /** Revoking a revoked key changes nothing and answers the same; an unknown key is 404. */
  async revokeKey(user: AuthenticatedUser, code: string, id: string, request: RequestLike): Promise<ChannelKeyView> {
    if (!isChannel(code)) throw notFound('channel');
    if (!UUID.test(id)) throw notFound('key');
    const { view, changed } = await this.channels.transaction(async (tx) => {
      const current = await this.channels.lockKey(code, id, tx);
      if (!current) throw notFound('key');
      if (current.revoked_at) return { view: mapChannelKey(current), changed: false };
      const revoked = mapChannelKey(await this.channels.revokeKey(id, user.id, tx));
      await this.audit.record(
        { actor: actorOf(user, request), action: 'channel.key.revoke', entityType: 'channel', entityId: code, before: auditedKey(revoked), after: { ...auditedKey(revoked), revokedAt: revoked.revokedAt } },
        tx,
      );
      return { view: revoked, changed: true };
    });
    if (changed) await this.access.changed();
    return view;
  }

  private async view(code: Channel): Promise<ChannelView> {
    const found = (await this.list()).find((channel) => channel.code === code);
    if (!found) throw notFound('channel');
    return found;
  }
}

/** The body's changes, trimmed (an empty account clears it); each bad field named. */
function checkedUpdate(dto: UpdateChannelDto): { label?: string; account?: string | null; enabled?: boolean } {
  const body = dto as { label?: unknown; account?: unknown; enabled?: unknown };
  const errors: FieldError[] = [];
  if (body.label === undefined && body.account === undefined && body.enabled === undefined) {
    errors.push({ field: 'body', message: 'must change at least one of label, account, enabled' });
  }
  const label = typeof body.label === 'string' ? body.label.trim() : body.label;
  if (label !== undefined && (typeof label !== 'string' || label.length < 1 || label.length > CHANNEL_LIMITS.labelMaxLength)) {
    errors.push({ field: 'label', message: `must be text of 1-${CHANNEL_LIMITS.labelMaxLength} characters` });
  }
  const account = typeof body.account === 'string' ? body.account.trim() || null : body.account;
  if (account !== undefined && account !== null && (typeof account !== 'string' || account.length > CHANNEL_LIMITS.accountMaxLength)) {
    errors.push({ field: 'account', message: `must be text of at most ${CHANNEL_LIMITS.accountMaxLength} characters, or null` });
  }
  if (body.enabled !== undefined && typeof body.enabled !== 'boolean') errors.push({ field: 'enabled', message: 'must be true or false' });
  if (errors.length > 0) throw validationFailed(errors);
  return { label: label as string | undefined, account: account as string | null | undefined, enabled: body.enabled as boolean | undefined };
}

function actorOf(user: AuthenticatedUser, request: RequestLike): AuditActor {
  return { id: user.id, role: user.role, ip: request.ip ?? null, requestId: request.id ? String(request.id) : null };
}
