// What every benchmark script shares (scripts/bench.mjs, scripts/bench-desk.mjs): options with
// defaults, the run context (cleanup and abort on failure / Ctrl-C), the fresh database and Redis
// prefix on the test servers, table output, and the run wrapper whose last printed line is JSON.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Lifecycle, UserError, color, formatDuration, repoRoot, reportError, step } from '../lib/util.mjs';

/** Cores used by processes that are not the bench's, PostgreSQL or Redis above which a stage counts as disturbed. */
export const NOISE_CORES = 0.25;

export class Interrupted extends Error {}

/** `--name=value` / `--no-flag` against `defaults`, whose value types say how each option parses. */
export function parseOptions(argv, defaults) {
  const options = { ...defaults };
  for (const arg of argv) {
    const match = /^--(no-)?([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!match || !(match[2] in defaults)) throw new UserError(`Unknown option ${arg} (known: ${Object.keys(defaults).map((k) => `--${k}`).join(' ')}).`);
    const [, no, key, value] = match;
    if (typeof defaults[key] === 'boolean') options[key] = !no;
    else if (typeof defaults[key] === 'number') {
      const number = Number(value);
      if (!Number.isFinite(number) || number <= 0) throw new UserError(`--${key} needs a positive number (got "${value}").`);
      options[key] = number;
    } else options[key] = value;
  }
  return options;
}

/** Cleanup, abort on failure / Ctrl-C, and the pids whose CPU counts as the bench's. */
export function createContext() {
  const lifecycle = new Lifecycle();
  let rejectAbort;
  const abort = new Promise((_, reject) => (rejectAbort = reject));
  abort.catch(() => undefined);
  const ctx = {
    lifecycle,
    /** pid → name of this process and every process it started that still runs. */
    pids: new Map([[process.pid, 'bench']]),
    ownPids: () => new Map(ctx.pids),
    aborted: false,
    abortError: null,
    fail: (error) => {
      if (ctx.aborted) return;
      ctx.aborted = true;
      ctx.abortError = error;
      rejectAbort(error);
    },
    guard: (promise) => Promise.race([promise, abort]),
    checkAborted: () => {
      if (ctx.aborted) throw ctx.abortError;
    },
  };
  return ctx;
}

// ---------------------------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------------------------

export const int = (value) => (Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : 'n/a');
export const ms = (value) => (Number.isFinite(value) ? `${value.toFixed(1)} ms` : 'n/a');
export const sec = (value) => (Number.isFinite(value) ? `${value.toFixed(2)} s` : 'n/a');
export const cpuNote = (cpu) =>
  cpu
    ? `= bench ${cpu.benchCores} (${Object.entries(cpu.byProcess).map(([name, cores]) => `${name} ${cores}`).join(', ')}) + pg/redis ${cpu.pgRedisCores} + other ${cpu.otherCores}`
    : '';

export function header(title) {
  console.log(`\n${color.bold(color.cyan(`━━━ ${title} ${'━'.repeat(Math.max(3, 66 - title.length))}`))}`);
}

export function table(rows) {
  const widths = [0, 1].map((column) => Math.max(...rows.map((row) => row[column].length)));
  for (const [label, value, detail] of rows) {
    console.log(`${label.padEnd(widths[0])}  ${color.bold(value.padStart(widths[1]))}  ${color.dim(detail ?? '')}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Isolation: a fresh database and Redis prefix, removed at the end whatever happens
// ---------------------------------------------------------------------------------------------

/**
 * Finds PostgreSQL and Redis the way `npm test` does and sets `ctx.runId`, `adminUrl`, `redisUrl`,
 * `dbName`, `databaseUrl` and `prefix` (`<kind>_<8 hex>` / `<kind>-<8 hex>`). The database and
 * the keys under the prefix are removed when the lifecycle shuts down.
 */
export async function prepareIsolation(ctx, kind = 'bench') {
  const infra = await import('../lib/infra.mjs');
  const postgres = await infra.obtainTestPostgres();
  ctx.lifecycle.defer('PostgreSQL', () => postgres.stop(), () => postgres.killSync());
  const redis = await infra.obtainRedis({ url: process.env.SIGAP_TEST_REDIS_URL || process.env.REDIS_URL, variable: 'SIGAP_TEST_REDIS_URL', allowInstall: true });
  ctx.lifecycle.defer('Redis', () => redis.stop(), () => redis.killSync());
  step('postgres', postgres.source);
  step('redis', redis.source);

  const id = crypto.randomBytes(4).toString('hex');
  Object.assign(ctx, {
    runId: id,
    adminUrl: postgres.adminUrl,
    redisUrl: redis.url,
    dbName: `sigap_${kind.replaceAll('-', '_')}_${id}`,
    prefix: `sigap-${kind}-${id}`,
  });
  const dbUrl = new URL(postgres.adminUrl);
  dbUrl.pathname = `/${ctx.dbName}`;
  ctx.databaseUrl = dbUrl.toString();
  ctx.lifecycle.defer('bench Redis keys', async () => {
    const deleted = await infra.deleteRedisKeys(redis.url, `${infra.globEscape(ctx.prefix)}:*`);
    step('cleanup', `deleted ${deleted} Redis key(s) ${ctx.prefix}:*`);
  });
  ctx.lifecycle.defer('bench database', async () => {
    const dropped = await infra.dropDatabasesWithPrefix(postgres.adminUrl, ctx.dbName);
    step('cleanup', `dropped database ${ctx.dbName} (${dropped})`);
  });
  await infra.ensureDatabase(postgres.adminUrl, ctx.dbName);
  step('isolation', `database ${ctx.dbName}, Redis prefix ${ctx.prefix}`);
  return { postgres, redis };
}

/** Versions and durability settings of what the figures depend on. */
export async function stackVersions(ctx) {
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: ctx.adminUrl });
  await client.connect();
  const setting = async (name) => (await client.query(`SHOW ${name}`)).rows[0][name];
  const postgres = {
    version: await setting('server_version'),
    fsync: await setting('fsync'),
    synchronous_commit: await setting('synchronous_commit'),
    shared_buffers: await setting('shared_buffers'),
  };
  await client.end();
  const { Redis } = await import('ioredis');
  const redis = new Redis(ctx.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  const info = await redis.info('server');
  const persistence = await redis.info('persistence');
  await redis.quit();
  const field = (text, name) => new RegExp(`^${name}:(.*)$`, 'm').exec(text)?.[1]?.trim() ?? 'unknown';
  const pkg = (name) => JSON.parse(fs.readFileSync(path.join(repoRoot, 'node_modules', name, 'package.json'), 'utf8')).version;
  return {
    postgres,
    redis: { version: field(info, 'redis_version'), appendonly: field(persistence, 'aof_enabled') === '1' ? 'yes' : 'no' },
    bullmq: pkg('bullmq'),
    socketIo: pkg('socket.io'),
    socketIoClient: pkg('socket.io-client'),
  };
}

/**
 * Why a run counts as noisy (empty: it does not): other processes busy while the bench was idle
 * before or after, or during any of the stages' CPU measurements.
 */
export function noiseReasons(idleBefore, idleAfter, stageCpus) {
  const busiestOther = Math.max(0, ...stageCpus.map((cpu) => cpu?.otherCores ?? 0));
  const reasons = [];
  if ((idleBefore?.busyCores ?? 0) > NOISE_CORES) reasons.push(`${idleBefore.busyCores} cores were busy before the bench started`);
  if ((idleAfter?.busyCores ?? 0) > NOISE_CORES) reasons.push(`${idleAfter.busyCores} cores were busy after it finished`);
  if (busiestOther > NOISE_CORES) reasons.push(`other processes used up to ${busiestOther.toFixed(2)} cores during a stage`);
  return reasons;
}

/**
 * Runs `main(options, ctx)` → report, stops and removes everything on the way out (also on
 * failure or Ctrl-C), prints the report, then the report as JSON on the very last line. Exits 1
 * when something broke (`report.ok` false or an error), 130 on Ctrl-C; never for a missed target.
 */
export async function runBench({ defaults, main, printReport }) {
  const ctx = createContext();
  ctx.lifecycle.handleSignals((signal) => {
    console.log(`\n${color.bold(`Interrupted (${signal}): stopping what the bench started and removing its data…`)}`);
    ctx.fail(new Interrupted(signal));
  });

  let exitCode = 0;
  let report = null;
  const began = Date.now();
  try {
    const options = parseOptions(process.argv.slice(2), defaults);
    report = await ctx.guard(main(options, ctx));
  } catch (error) {
    exitCode = error instanceof Interrupted ? 130 : 1;
    if (!(error instanceof Interrupted)) reportError(error);
  }
  if (ctx.lifecycle.stopping === false) console.log(color.dim('\nStopping processes and removing bench data…'));
  await ctx.lifecycle.shutdown();

  if (report) {
    printReport(report);
    if (!report.ok) {
      exitCode = 1;
      console.error(`\n${color.red('✖')} Something broke:\n${report.problems.map((problem) => `  - ${problem}`).join('\n')}`);
    }
    console.log(`\n${color.bold(report.ok ? 'Bench complete' : 'Bench FAILED')} in ${formatDuration(Date.now() - began)}`);
    console.log(JSON.stringify(report));
  }
  process.exit(exitCode);
}
