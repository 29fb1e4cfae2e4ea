import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import * as argon2 from 'argon2';
import Redis from 'ioredis';
import { Client } from 'pg';
import { QUEUES, type LoginResponse, type MentionInput, type Role } from '@sigap/contracts';
import { Queue } from 'bullmq';
import { redisOptionsFromUrl } from '@sigap/server/core';

const ROOT = join(__dirname, '..', '..');
const REGISTER = join(ROOT, 'scripts', 'register-paths.cjs');
const ENTRY = {
  migrate: join(ROOT, 'dist/server/apps/api/src/migrate.js'),
  api: join(ROOT, 'dist/server/apps/api/src/main.js'),
  worker: join(ROOT, 'dist/server/apps/worker/src/main.js'),
};
const LOG_DIR = join(ROOT, 'tmp', 'test-logs');

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tests through \`npm test\``);
  return value;
}

let counter = 0;

/** A database and Redis prefix of this test run only; removed by `dispose()` (and by npm test at the end). */
export async function createIsolation(): Promise<{ databaseUrl: string; redisUrl: string; prefix: string; dispose: () => Promise<void> }> {
  const runId = required('SIGAP_TEST_RUN_ID');
  const adminUrl = required('SIGAP_TEST_PG_URL');
  const redisUrl = required('SIGAP_TEST_REDIS_URL');
  const n = `${process.pid}_${++counter}`;
  const dbName = `sigap_${runId}_${n}`.toLowerCase();
  const prefix = `sigap-${runId}-${n}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${dbName}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  return {
    databaseUrl: url.toString(),
    redisUrl,
    prefix,
    dispose: async () => {
      const client = new Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
      await client.end();
      const redis = new Redis(redisUrl);
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
        if (keys.length) await redis.unlink(...keys);
        cursor = next;
      } while (cursor !== '0');
      await redis.quit();
    },
  };
}

/** A BullMQ handle on the stack's ingest queue; close it when done. */
export function ingestQueue(redisUrl: string, prefix: string): Queue {
  return new Queue(QUEUES.ingest, { connection: redisOptionsFromUrl(redisUrl), prefix: `${prefix}:bull` });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface Stack {
  baseUrl: string;
  ingestKey: string;
  admin: { email: string; password: string };
  databaseUrl: string;
  prefix: string;
  env: NodeJS.ProcessEnv;
  db: Client;
  startWorker(extraEnv?: NodeJS.ProcessEnv): Promise<ChildProcess>;
  stopProcess(child: ChildProcess, signal?: NodeJS.Signals): Promise<void>;
  workers: ChildProcess[];
  stop(): Promise<void>;
}

function run(name: string, entry: string, env: NodeJS.ProcessEnv): ChildProcess {
  mkdirSync(LOG_DIR, { recursive: true });
  const log = createWriteStream(join(LOG_DIR, `${name}-${Date.now()}.log`));
  const child = spawn(process.execPath, ['-r', REGISTER, entry], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  return child;
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
}
export { waitFor };

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Migrates a fresh database and starts the built API and one worker against it. */
export async function startStack(options: { workerEnv?: NodeJS.ProcessEnv; apiEnv?: NodeJS.ProcessEnv; withWorker?: boolean } = {}): Promise<Stack> {
  const isolation = await createIsolation();
  const port = await freePort();
  const admin = { email: 'super@sigap.test', password: `pw-${randomBytes(8).toString('hex')}` };
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    NODE_ENV: 'test',
    DATABASE_URL: isolation.databaseUrl,
    REDIS_URL: isolation.redisUrl,
    SIGAP_REDIS_PREFIX: isolation.prefix,
    PORT: String(port),
    JWT_SECRET: randomBytes(32).toString('hex'),
    SIGAP_INGEST_KEY: `ingest-${randomBytes(16).toString('hex')}`,
    SIGAP_ADMIN_EMAIL: admin.email,
    SIGAP_ADMIN_PASSWORD: admin.password,
    LOG_LEVEL: 'info',
    SIGAP_DASHBOARD_DIR: join(ROOT, 'dist', 'dashboard'),
  };
  const migrate = run('migrate', ENTRY.migrate, env);
  const code = await new Promise<number | null>((resolve) => migrate.once('exit', resolve));
  if (code !== 0) throw new Error(`migrations failed (exit ${code}); see ${LOG_DIR}`);

  const api = run('api', ENTRY.api, { ...env, ...options.apiEnv });
  const workers: ChildProcess[] = [];
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitFor('the API to be ready', async () => ((await fetch(`${baseUrl}/api/health/ready`)).ok ? true : undefined));
  const db = new Client({ connectionString: isolation.databaseUrl });
  await db.connect();

  const stack: Stack = {
    baseUrl,
    ingestKey: env.SIGAP_INGEST_KEY as string,
    admin,
    databaseUrl: isolation.databaseUrl,
    prefix: isolation.prefix,
    env,
    db,
    workers,
    async startWorker(extraEnv = {}) {
      const worker = run('worker', ENTRY.worker, { ...env, ...options.workerEnv, ...extraEnv });
      workers.push(worker);
      const queue = ingestQueue(isolation.redisUrl, isolation.prefix);
      try {
        const alive = workers.filter((w) => w.exitCode === null && w.signalCode === null).length;
        await waitFor('the worker to connect', async () => {
          if (worker.exitCode !== null) throw new Error(`worker exited with ${worker.exitCode}; see ${LOG_DIR}`);
          return (await queue.getWorkersCount()) >= alive ? true : undefined;
        }, 30_000);
      } finally {
        await queue.close();
      }
      return worker;
    },
    async stopProcess(child, signal = 'SIGTERM') {
      child.kill(signal);
      await exited(child);
    },
    async stop() {
      await db.end().catch(() => undefined);
      await Promise.all([...workers, api].map(async (child) => {
        if (child.exitCode === null && child.signalCode === null) {
          child.kill('SIGTERM');
          const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
          await exited(child);
          clearTimeout(timer);
        }
      }));
      await isolation.dispose();
    },
  };
  if (options.withWorker !== false) await stack.startWorker();
  return stack;
}

export async function createUser(stack: Stack, user: { email: string; password: string; role: Role; opds?: string[]; name?: string }): Promise<void> {
  const hash = await argon2.hash(user.password);
  const { rows } = await stack.db.query(
    `INSERT INTO users (email, name, password_hash, role) VALUES ($1, $2, $3, $4) RETURNING id`,
    [user.email, user.name ?? user.email, hash, user.role],
  );
  for (const code of user.opds ?? []) {
    await stack.db.query(`INSERT INTO user_opds (user_id, opd_code) VALUES ($1, $2)`, [rows[0].id, code]);
  }
}

export async function login(stack: Stack, email: string, password: string): Promise<LoginResponse> {
  const response = await fetch(`${stack.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`login failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as LoginResponse;
}

/** Calls `/api/v1<path>` as a user (or with extra headers) and parses the JSON answer, if any. */
export async function apiCall<T>(
  stack: Stack,
  method: string,
  path: string,
  token: string | null,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${stack.baseUrl}/api/v1${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}

export async function postMentions(stack: Stack, body: unknown, key = stack.ingestKey): Promise<Response> {
  return fetch(`${stack.baseUrl}/api/v1/mentions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': key },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export function mention(externalId: string, text: string, overrides: Partial<MentionInput> = {}): MentionInput {
  return {
    channel: 'x',
    externalId,
    text,
    author: { handle: `warga_${externalId.slice(-6)}` },
    postedAt: new Date().toISOString(),
    ...overrides,
  };
}

/** The id of the mention stored under `externalId`, once the worker has stored it. */
export async function storedMentionId(stack: Stack, externalId: string): Promise<string> {
  return waitFor(`mention ${externalId}`, async () => {
    const { rows } = await stack.db.query<{ id: string }>('SELECT id FROM mentions WHERE external_id = $1', [externalId]);
    return rows[0]?.id;
  });
}

export async function countMentions(stack: Stack, externalIdPrefix: string): Promise<number> {
  const { rows } = await stack.db.query(`SELECT count(*)::int AS n FROM mentions WHERE external_id LIKE $1`, [`${externalIdPrefix}%`]);
  return rows[0].n;
}
