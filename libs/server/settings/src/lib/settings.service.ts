import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { DESK_SETTING_KEYS, type DeskSettingKey, type DeskSettings, type DeskSettingsView, type DeskSettingValues } from '@sigap/contracts';
import { AuditService, type AuditActor } from '@sigap/server/audit';
import {
  REDIS_CLIENT,
  SIGAP_CONFIG,
  redisKey,
  subscribeToChannels,
  validationFailed,
  type RedisSubscription,
  type SigapConfig,
} from '@sigap/server/core';
import type Redis from 'ioredis';
import { SettingsRepository, type StoredSettingRow } from './settings.repository';
import { defaultSettings, mergeSettings, nestSettings, parseSettingsPatch, sameSetting } from './settings.rules';

/** A missed announcement (Redis reconnecting) is caught up by this poll at the latest. */
const SETTINGS_POLL_MS = 30_000;

/** Which environment variable gives each setting (its default, for the editable ones). */
export const SETTINGS_ENVIRONMENT_VARIABLES: Record<string, string> = {
  'slaSeconds.critical': 'SIGAP_SLA_CRITICAL_SECONDS',
  'slaSeconds.high': 'SIGAP_SLA_HIGH_SECONDS',
  'slaSeconds.normal': 'SIGAP_SLA_NORMAL_SECONDS',
  'slaSeconds.low': 'SIGAP_SLA_LOW_SECONDS',
  claimIdleSeconds: 'SIGAP_CLAIM_IDLE_SECONDS',
  presenceTtlSeconds: 'SIGAP_PRESENCE_TTL_SECONDS',
  outboxWebhookConfigured: 'SIGAP_OUTBOX_WEBHOOK_URL',
  outboxSigned: 'SIGAP_OUTBOX_SECRET',
  notifyWebhookConfigured: 'SIGAP_NOTIFY_WEBHOOK_URL',
  hotlines: 'SIGAP_HOTLINES',
  defaultHotline: 'SIGAP_HOTLINE_DEFAULT',
  'login.maxFailures': 'SIGAP_LOGIN_MAX_FAILURES',
  'login.maxFailuresPerIp': 'SIGAP_LOGIN_MAX_FAILURES_PER_IP',
  'login.windowSeconds': 'SIGAP_LOGIN_WINDOW_SECONDS',
};

export type SettingsListener = (next: DeskSettings, previous: DeskSettings) => void | Promise<void>;

/**
 * The desk settings in effect in this process: the environment's values with the superadmin's
 * overrides from `desk_settings` on top. Loaded at boot; a change is applied here before the
 * request that made it is answered, then announced on Redis so every other process (API and
 * worker) reloads it. Consumers call `current()` when they use a value, never keep a copy.
 */
@Injectable()
export class SettingsService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(SettingsService.name);
  private readonly defaults: DeskSettingValues;
  private readonly channel: string;
  private values: DeskSettingValues;
  private settings: DeskSettings;
  private rows: StoredSettingRow[] = [];
  private readonly listeners = new Set<SettingsListener>();
  private subscription: RedisSubscription | null = null;
  private poll: NodeJS.Timeout | null = null;
  private loadsStarted = 0;
  private loadApplied = 0;

  constructor(
    private readonly repository: SettingsRepository,
    private readonly audit: AuditService,
    @Inject(SIGAP_CONFIG) private readonly config: SigapConfig,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
  ) {
    this.defaults = defaultSettings(config);
    this.values = this.defaults;
    this.settings = nestSettings(this.defaults);
    this.channel = redisKey(config.redisPrefix, 'settings', 'changed');
  }

  /** The settings in effect now (synchronous: read it at the moment a value is used). */
  current(): DeskSettings {
    return this.settings;
  }

  /** The environment's values (what a reset goes back to). */
  environmentDefaults(): DeskSettings {
    return nestSettings(this.defaults);
  }

  /** Called after the settings in effect changed in this process; returns the unsubscribe. */
  onChange(listener: SettingsListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async onModuleInit(): Promise<void> {
    await this.reload();
    this.subscription = await subscribeToChannels(
      this.redis,
      [this.channel],
      () => void this.reloadQuietly(),
      (err) => this.logger.warn({ err }, 'settings announcements: Redis error'),
    );
    this.poll = setInterval(() => void this.reloadQuietly(), SETTINGS_POLL_MS);
    this.poll.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.poll) clearInterval(this.poll);
    this.poll = null;
    await this.subscription?.close();
    this.subscription = null;
  }

  /** Reads `desk_settings` again and applies it. */
  async reload(): Promise<void> {
    const load = ++this.loadsStarted;
    const rows = await this.repository.stored();
    // A slower, older read must not undo a newer one.
    if (load < this.loadApplied) return;
    this.loadApplied = load;
    await this.apply(rows);
  }

  async view(): Promise<DeskSettingsView> {
    await this.reload();
    const byKey = new Map(this.rows.map((row) => [row.key, row]));
    const entries = Object.fromEntries(
      DESK_SETTING_KEYS.map((key) => {
        const row = byKey.get(key);
        return [
          key,
          {
            value: this.values[key],
            default: this.defaults[key],
            changed: row !== undefined,
            changedBy: row?.updated_by ? { id: row.updated_by, name: row.updated_by_name ?? '' } : null,
            changedAt: row ? new Date(row.updated_at).toISOString() : null,
          },
        ];
      }),
    ) as DeskSettingsView['entries'];
    return {
      ...nestSettings(this.values),
      outboxWebhookConfigured: this.config.replies.outboxWebhookUrl !== null,
      outboxSigned: this.config.replies.outboxSecret !== null,
      notifyWebhookConfigured: this.config.desk.notifyWebhookUrl !== null,
      environmentVariables: SETTINGS_ENVIRONMENT_VARIABLES,
      entries,
    };
  }

  /**
   * Applies a partial change (`null` resets a setting to the environment's value) in one
   * transaction with its audit row; every problem is reported at once and nothing is written then.
   */
  async update(actor: AuditActor, body: unknown): Promise<DeskSettingsView> {
    const opdCodes = typeof body === 'object' && body !== null && 'hotlines' in body ? await this.repository.opdCodes() : new Set<string>();
    const { changes, errors } = parseSettingsPatch(body, opdCodes);
    if (errors.length > 0) throw validationFailed(errors);
    const changed = await this.repository.transaction(async (tx) => {
      const stored = await this.repository.lockStored(tx);
      const inEffect = mergeSettings(this.defaults, Object.fromEntries(stored));
      const before: Partial<Record<DeskSettingKey, unknown>> = {};
      const after: Partial<Record<DeskSettingKey, unknown>> = {};
      for (const key of DESK_SETTING_KEYS) {
        if (!(key in changes)) continue;
        const next = changes[key];
        if (next === null || next === undefined) {
          if (!stored.has(key)) continue;
          await this.repository.remove(tx, key);
          after[key] = this.defaults[key];
        } else {
          if (stored.has(key) && sameSetting(stored.get(key), next)) continue;
          await this.repository.upsert(tx, key, next, actor.id);
          after[key] = next;
        }
        before[key] = inEffect[key];
      }
      if (Object.keys(after).length === 0) return false;
      await this.audit.record({ actor, action: 'settings.update', entityType: 'settings', entityId: 'desk', before, after }, tx);
      return true;
    });
    const view = await this.view();
    if (changed) {
      try {
        await this.redis.publish(this.channel, JSON.stringify({ at: Date.now() }));
      } catch (err) {
        this.logger.warn({ err }, `could not announce the settings change; other processes pick it up within ${SETTINGS_POLL_MS / 1000} s`);
      }
    }
    return view;
  }

  private async reloadQuietly(): Promise<void> {
    try {
      await this.reload();
    } catch (err) {
      this.logger.warn({ err }, 'could not reload the desk settings; the ones in effect stay');
    }
  }

  private async apply(rows: StoredSettingRow[]): Promise<void> {
    this.rows = rows;
    const next = mergeSettings(this.defaults, Object.fromEntries(rows.map((row) => [row.key, row.value])));
    if (DESK_SETTING_KEYS.every((key) => sameSetting(next[key], this.values[key]))) return;
    const previous = this.settings;
    this.values = next;
    this.settings = nestSettings(next);
    this.logger.log({ overridden: rows.map((row) => row.key) }, 'desk settings in effect changed');
    for (const listener of this.listeners) {
      try {
        await listener(this.settings, previous);
      } catch (err) {
        this.logger.error({ err }, 'a settings listener failed');
      }
    }
  }
}
