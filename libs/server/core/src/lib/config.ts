import { z } from 'zod';
import { DESK_SETTING_BOUNDS, type DeskNumberSettingKey, type Urgency } from '@sigap/contracts';

export type SigapApp = 'api' | 'worker';

const booleanFlag = z
  .enum(['0', '1', 'true', 'false'])
  .transform((value) => value === '1' || value === 'true');

const connectionUrl = (protocols: string[]) =>
  z
    .string()
    .url('must be a URL')
    .refine((value) => protocols.includes(new URL(value).protocol), {
      message: `must start with ${protocols.map((p) => `${p}//`).join(' or ')}`,
    });

/** A desk setting's variable, with the bounds the superadmin's overrides are held to as well. */
const deskNumber = (key: DeskNumberSettingKey) => z.coerce.number().int().min(DESK_SETTING_BOUNDS[key].min).max(DESK_SETTING_BOUNDS[key].max);

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  DATABASE_URL: connectionUrl(['postgres:', 'postgresql:']),
  REDIS_URL: connectionUrl(['redis:', 'rediss:']),
  SIGAP_REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, "-" or "_" only (1-64 chars)')
    .default('sigap'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  JWT_TTL_SECONDS: z.coerce.number().int().min(60).max(7 * 24 * 3600).default(12 * 3600),
  SIGAP_INGEST_KEY: z.string().min(16, 'must be at least 16 characters').optional(),
  SIGAP_ADMIN_EMAIL: z.string().email('must be an e-mail address').optional(),
  SIGAP_ADMIN_PASSWORD: z.string().min(10, 'must be at least 10 characters').optional(),
  SIGAP_DASHBOARD_DIR: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SIGAP_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(2000).default(200),
  SIGAP_STORE_BATCH_SIZE: z.coerce.number().int().min(1).max(5000).default(500),
  SIGAP_STORE_BATCH_WINDOW_MS: z.coerce.number().int().min(0).max(60_000).default(15),
  SIGAP_JOB_LOCK_MS: z.coerce.number().int().min(1000).max(600_000).default(30_000),
  SIGAP_JOB_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(6),
  SIGAP_CLUSTER_WINDOW_MINUTES: z.coerce.number().int().min(1).max(7 * 24 * 60).default(360),
  SIGAP_SWAGGER: booleanFlag.default('1'),
  // How long an unclaimed mention may wait, by urgency, before the escalation ladder moves.
  SIGAP_SLA_CRITICAL_SECONDS: deskNumber('slaSeconds.critical').default(15 * 60),
  SIGAP_SLA_HIGH_SECONDS: deskNumber('slaSeconds.high').default(60 * 60),
  SIGAP_SLA_NORMAL_SECONDS: deskNumber('slaSeconds.normal').default(4 * 3600),
  SIGAP_SLA_LOW_SECONDS: deskNumber('slaSeconds.low').default(24 * 3600),
  // A claim with no desk activity for this long is released.
  SIGAP_CLAIM_IDLE_SECONDS: deskNumber('claimIdleSeconds').default(20 * 60),
  // A dashboard that has not sent a heartbeat for this long counts as offline.
  SIGAP_PRESENCE_TTL_SECONDS: deskNumber('presenceTtlSeconds').default(60),
  // The replies outbox delivers to this webhook until the platform publishers exist; unset, replies fail loudly.
  SIGAP_OUTBOX_WEBHOOK_URL: connectionUrl(['http:', 'https:']).optional(),
  SIGAP_OUTBOX_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  SIGAP_OUTBOX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(5),
  SIGAP_OUTBOX_BACKOFF_MS: z.coerce.number().int().min(10).max(3_600_000).default(5000),
  SIGAP_OUTBOX_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  // `{hotline}` in reply templates: per OPD as "DINKES=119,DISKARPB=113", else the default.
  SIGAP_HOTLINES: z
    .string()
    .regex(/^\s*([A-Z0-9-]+=[^,=]+)(\s*,\s*[A-Z0-9-]+=[^,=]+)*\s*$/, 'a list of OPD=number pairs, e.g. "DINKES=119,DISKARPB=113"')
    .optional(),
  SIGAP_HOTLINE_DEFAULT: z.string().min(1).max(40).default('112'),
  // Failed sign-ins allowed per e-mail address and client IP (and per IP alone) in one window.
  SIGAP_LOGIN_MAX_FAILURES: deskNumber('login.maxFailures').default(5),
  SIGAP_LOGIN_MAX_FAILURES_PER_IP: deskNumber('login.maxFailuresPerIp').default(50),
  SIGAP_LOGIN_WINDOW_SECONDS: deskNumber('login.windowSeconds').default(15 * 60),
  // How often the worker deletes sessions that ended (expired or revoked) more than 30 days ago.
  SIGAP_SESSION_CLEANUP_EVERY_SECONDS: z.coerce.number().int().min(1).max(7 * 24 * 3600).default(6 * 3600),
  // The channel layer's endpoint for messages to staff (escalations to Telegram/WhatsApp); unset: none sent.
  SIGAP_NOTIFY_WEBHOOK_URL: connectionUrl(['http:', 'https:']).optional(),
});

export interface SigapConfig {
  app: SigapApp;
  env: 'development' | 'production' | 'test';
  port: number;
  databaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
  jwtSecret: string;
  jwtTtlSeconds: number;
  ingestKey: string;
  bootstrapAdmin: { email: string; password: string } | null;
  dashboardDir: string | null;
  logLevel: string;
  swagger: boolean;
  pipeline: {
    concurrency: number;
    storeBatchSize: number;
    storeBatchWindowMs: number;
    jobLockMs: number;
    jobAttempts: number;
    /** Near-duplicates join a cluster whose last mention is at most this old. */
    clusterWindowMs: number;
  };
  /** Defaults only: read the settings in effect from `SettingsService.current()` (`@sigap/server/settings`). */
  desk: {
    /** Seconds an unclaimed mention may wait, by urgency. */
    slaSeconds: Record<Urgency, number>;
    claimIdleSeconds: number;
    presenceTtlSeconds: number;
    /** Where escalation messages for Telegram/WhatsApp are POSTed; null: not sent. */
    notifyWebhookUrl: string | null;
  };
  replies: {
    /** Where the outbox POSTs replies; null: nothing can be delivered and replies fail with that reason. */
    outboxWebhookUrl: string | null;
    /** Key of the HMAC-SHA256 signature of each delivery; null sends it unsigned. */
    outboxSecret: string | null;
    outboxAttempts: number;
    /** First wait before a retry; doubles on each further attempt. */
    outboxBackoffMs: number;
    outboxTimeoutMs: number;
    /** `{hotline}` per OPD code; `defaultHotline` for the others. */
    hotlines: Record<string, string>;
    defaultHotline: string;
  };
  login: {
    /** Failed sign-ins per (e-mail, IP) within the window before 429. */
    maxFailures: number;
    /** Failed sign-ins per IP, whatever the e-mail, within the window before 429. */
    maxFailuresPerIp: number;
    windowSeconds: number;
  };
  sessions: {
    /** How often the worker deletes sessions that ended long ago. */
    cleanupEverySeconds: number;
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Reads and validates the environment once; every problem names its variable. */
export function loadConfig(app: SigapApp, env: NodeJS.ProcessEnv = process.env): SigapConfig {
  const parsed = schema.safeParse(env);
  const problems: string[] = parsed.success
    ? []
    : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  if (parsed.success && app === 'api') {
    if (!parsed.data.JWT_SECRET) problems.push('JWT_SECRET: required by the API (at least 32 characters)');
    if (!parsed.data.SIGAP_INGEST_KEY) problems.push('SIGAP_INGEST_KEY: required by the API (at least 16 characters)');
  }
  if (parsed.success && Boolean(parsed.data.SIGAP_ADMIN_EMAIL) !== Boolean(parsed.data.SIGAP_ADMIN_PASSWORD)) {
    problems.push('SIGAP_ADMIN_EMAIL / SIGAP_ADMIN_PASSWORD: set both or neither');
  }
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const e = parsed.data;
  return {
    app,
    env: e.NODE_ENV,
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    redisPrefix: e.SIGAP_REDIS_PREFIX,
    jwtSecret: e.JWT_SECRET ?? '',
    jwtTtlSeconds: e.JWT_TTL_SECONDS,
    ingestKey: e.SIGAP_INGEST_KEY ?? '',
    bootstrapAdmin:
      e.SIGAP_ADMIN_EMAIL && e.SIGAP_ADMIN_PASSWORD
        ? { email: e.SIGAP_ADMIN_EMAIL, password: e.SIGAP_ADMIN_PASSWORD }
        : null,
    dashboardDir: e.SIGAP_DASHBOARD_DIR ?? null,
    logLevel: e.LOG_LEVEL,
    swagger: e.SIGAP_SWAGGER,
    pipeline: {
      concurrency: e.SIGAP_WORKER_CONCURRENCY,
      storeBatchSize: e.SIGAP_STORE_BATCH_SIZE,
      storeBatchWindowMs: e.SIGAP_STORE_BATCH_WINDOW_MS,
      jobLockMs: e.SIGAP_JOB_LOCK_MS,
      jobAttempts: e.SIGAP_JOB_ATTEMPTS,
      clusterWindowMs: e.SIGAP_CLUSTER_WINDOW_MINUTES * 60_000,
    },
    desk: {
      slaSeconds: {
        critical: e.SIGAP_SLA_CRITICAL_SECONDS,
        high: e.SIGAP_SLA_HIGH_SECONDS,
        normal: e.SIGAP_SLA_NORMAL_SECONDS,
        low: e.SIGAP_SLA_LOW_SECONDS,
      },
      claimIdleSeconds: e.SIGAP_CLAIM_IDLE_SECONDS,
      presenceTtlSeconds: e.SIGAP_PRESENCE_TTL_SECONDS,
      notifyWebhookUrl: e.SIGAP_NOTIFY_WEBHOOK_URL ?? null,
    },
    replies: {
      outboxWebhookUrl: e.SIGAP_OUTBOX_WEBHOOK_URL ?? null,
      outboxSecret: e.SIGAP_OUTBOX_SECRET ?? null,
      outboxAttempts: e.SIGAP_OUTBOX_ATTEMPTS,
      outboxBackoffMs: e.SIGAP_OUTBOX_BACKOFF_MS,
      outboxTimeoutMs: e.SIGAP_OUTBOX_TIMEOUT_MS,
      hotlines: parseHotlines(e.SIGAP_HOTLINES),
      defaultHotline: e.SIGAP_HOTLINE_DEFAULT,
    },
    login: {
      maxFailures: e.SIGAP_LOGIN_MAX_FAILURES,
      maxFailuresPerIp: e.SIGAP_LOGIN_MAX_FAILURES_PER_IP,
      windowSeconds: e.SIGAP_LOGIN_WINDOW_SECONDS,
    },
    sessions: {
      cleanupEverySeconds: e.SIGAP_SESSION_CLEANUP_EVERY_SECONDS,
    },
  };
}

function parseHotlines(list: string | undefined): Record<string, string> {
  if (!list) return {};
  return Object.fromEntries(
    list.split(',').map((pair) => {
      const [code, number] = pair.split('=');
      return [code.trim(), number.trim()];
    }),
  );
}

/** For entry points: on a bad environment print what is wrong and exit, never a stack trace. */
export function loadConfigOrExit(app: SigapApp): SigapConfig {
  try {
    return loadConfig(app);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`sigap-${app}: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}
