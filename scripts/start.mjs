#!/usr/bin/env node
// `npm start`: one command from a fresh clone to a running Sigap at http://localhost:PORT/.
// Installs dependencies, builds, brings up PostgreSQL and Redis (the user's, the machine's, or our
// own under the data folder), runs the migrations, starts api + worker (+ the demo feed) and stops
// all of it, in order, on Ctrl-C. Data, secrets and logs live in SIGAP_DATA_DIR (default .data/).
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  Lifecycle,
  UserError,
  color,
  ensureDependencies,
  formatDuration,
  isPortFree,
  makeTraversableDir,
  processAlive,
  processCommandLine,
  readJson,
  redactUrl,
  reportError,
  repoRoot,
  sleep,
  step,
  tailFile,
  terminate,
  warn,
  writePrivateJson,
} from './lib/util.mjs';

const serverDist = path.join(repoRoot, 'dist', 'server');
const registerPaths = path.join(repoRoot, 'scripts', 'register-paths.cjs');
const ENTRIES = {
  migrate: 'apps/api/src/migrate.js',
  api: 'apps/api/src/main.js',
  worker: 'apps/worker/src/main.js',
  demo: 'apps/demo/src/main.js',
};
const STOP_TIMEOUT_MS = 10_000;
const READY_TIMEOUT_MS = 120_000;
const DEFAULT_ADMIN_EMAIL = 'admin@sigap.local';

const lifecycle = new Lifecycle();

// ---------------------------------------------------------------------------------------------
// Settings and secrets
// ---------------------------------------------------------------------------------------------

function readSettings(env) {
  const rawPort = env.PORT || '3000';
  const port = Number(rawPort);
  if (!/^\d+$/.test(rawPort) || port < 1 || port > 65535) {
    throw new UserError(`PORT must be a whole number from 1 to 65535 (got "${env.PORT}").`);
  }
  const demo = env.SIGAP_DEMO ?? '';
  if (!['', '0', '1'].includes(demo)) {
    throw new UserError(`SIGAP_DEMO must be 0 (no demo feed) or 1 (always start it) (got "${demo}").`);
  }
  if (env.JWT_SECRET !== undefined && env.JWT_SECRET.length < 32) {
    throw new UserError(`JWT_SECRET must be at least 32 characters long (it has ${env.JWT_SECRET.length}); unset it to use a generated one.`);
  }
  if (env.SIGAP_DATA_DIR === '') throw new UserError('SIGAP_DATA_DIR is set but empty; unset it to use .data/ in the repository.');
  return {
    port,
    demo,
    dataDir: path.resolve(env.SIGAP_DATA_DIR ?? path.join(repoRoot, '.data')),
    databaseUrl: env.DATABASE_URL || undefined,
    redisUrl: env.REDIS_URL || undefined,
  };
}

function readablePassword() {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const groups = Array.from({ length: 4 }, () => Array.from({ length: 4 }, () => alphabet[crypto.randomInt(alphabet.length)]).join(''));
  return groups.join('-');
}

/**
 * Secrets generated on first start and kept in `<dataDir>/secrets.json` (0600), so a restart keeps
 * sessions, the ingest key and the admin login. Values set in the environment win.
 */
function loadSecrets(dataDir, env) {
  const file = path.join(dataDir, 'secrets.json');
  let stored = {};
  if (fs.existsSync(file)) {
    stored = readJson(file);
    if (!stored || typeof stored !== 'object') throw new UserError(`${file} is not valid JSON. Fix it, or delete it to generate new secrets.`);
    if ((fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
  }
  const missing = [];
  const keep = (key, make) => {
    if (typeof stored[key] !== 'string' || stored[key] === '') {
      stored[key] = make();
      missing.push(key);
    }
    return stored[key];
  };
  const secrets = {
    jwtSecret: env.JWT_SECRET || keep('jwtSecret', () => crypto.randomBytes(48).toString('base64url')),
    ingestKey: env.SIGAP_INGEST_KEY || keep('ingestKey', () => crypto.randomBytes(24).toString('base64url')),
    adminEmail: env.SIGAP_ADMIN_EMAIL || DEFAULT_ADMIN_EMAIL,
    adminPassword: env.SIGAP_ADMIN_PASSWORD || keep('adminPassword', readablePassword),
  };
  if (missing.length > 0) writePrivateJson(file, stored);
  return secrets;
}

// ---------------------------------------------------------------------------------------------
// Server processes
// ---------------------------------------------------------------------------------------------

function pidFile(dataDir, name) {
  return path.join(dataDir, 'run', `${name}.pid`);
}

/** A process from an earlier run that was not stopped (its terminal closed, kill -9…) would hold the port. */
async function stopLeftovers(dataDir) {
  for (const [name, entry] of Object.entries(ENTRIES)) {
    const file = pidFile(dataDir, name);
    const pid = Number(fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim() : 0);
    if (pid && processAlive(pid) && processCommandLine(pid).includes(path.join(serverDist, entry))) {
      step(name, `stopping the ${name} process left running by an earlier start (pid ${pid})`);
      await terminate(pid, { group: true, timeoutMs: STOP_TIMEOUT_MS });
    }
    fs.rmSync(file, { force: true });
  }
}

function rotateLog(file) {
  try {
    if (fs.statSync(file).size > 20 * 1024 * 1024) fs.renameSync(file, `${file}.1`);
  } catch {
    // no log yet
  }
}

/**
 * Start `node -r scripts/register-paths.cjs <entry>` with its output appended to
 * `<dataDir>/logs/<name>.log`. It gets its own process group, so a Ctrl-C at the terminal reaches
 * only this script, which stops the processes in order.
 */
function startServerProcess(name, env, dataDir) {
  const entry = path.join(serverDist, ENTRIES[name]);
  if (!fs.existsSync(entry)) throw new UserError(`${path.relative(repoRoot, entry)} is missing: the server build did not produce it.`);
  const logFile = path.join(dataDir, 'logs', `${name}.log`);
  rotateLog(logFile);
  const fd = fs.openSync(logFile, 'a');
  const logOffset = fs.fstatSync(fd).size;
  let child;
  try {
    child = spawn(process.execPath, ['--enable-source-maps', '-r', registerPaths, entry], {
      cwd: repoRoot,
      env,
      stdio: ['ignore', fd, fd],
      detached: true,
    });
  } finally {
    fs.closeSync(fd);
  }
  fs.mkdirSync(path.dirname(pidFile(dataDir, name)), { recursive: true });
  fs.writeFileSync(pidFile(dataDir, name), `${child.pid}\n`);

  const service = { name, child, logFile, logOffset, stopping: false };
  service.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  child.once('error', (error) => warn(`${name}: ${error.message}`));
  const forget = lifecycle.defer(
    name,
    async () => {
      service.stopping = true;
      step('stop', name);
      await terminate(child.pid, { group: true, timeoutMs: STOP_TIMEOUT_MS });
      fs.rmSync(pidFile(dataDir, name), { force: true });
    },
    () => {
      if (processAlive(child.pid)) process.kill(-child.pid, 'SIGTERM');
    },
  );
  void service.exited.then(() => {
    forget();
    fs.rmSync(pidFile(dataDir, name), { force: true });
  });
  return service;
}

function describeExit({ code, signal }) {
  return signal ? `signal ${signal}` : `exit code ${code}`;
}

/** Stop everything and exit 1, showing the end of the log of the process that died. */
async function failBecauseDied(service, outcome) {
  if (lifecycle.stopping) return;
  console.error(`\n${color.red('✖')} The ${service.name} process stopped unexpectedly (${describeExit(outcome)}).`);
  const tail = tailFile(service.logFile, 30, service.logOffset);
  console.error(tail ? `Last lines of ${displayPath(service.logFile)}:\n${color.dim(tail)}\n` : `(${displayPath(service.logFile)} is empty)\n`);
  await lifecycle.shutdown();
  process.exit(1);
}

function watch(service, { exitZeroIsFine = false } = {}) {
  void service.exited.then(async (outcome) => {
    if (service.stopping || lifecycle.stopping) return;
    if (exitZeroIsFine && outcome.code === 0) {
      step(service.name, 'finished');
      return;
    }
    await failBecauseDied(service, outcome);
  });
}

async function waitForReady(port, api) {
  const url = `http://127.0.0.1:${port}/api/health/ready`;
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let exited = false;
  void api.exited.then(() => (exited = true));
  let lastProblem = '';
  while (Date.now() < deadline && !exited) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
      lastProblem = `HTTP ${response.status}`;
    } catch (error) {
      lastProblem = error?.cause?.code ?? error?.message ?? String(error);
    }
    await sleep(300);
  }
  if (exited) return; // the exit watcher reports it
  throw new UserError(
    `The API did not become ready within ${READY_TIMEOUT_MS / 1000}s (last answer: ${lastProblem}). ` +
      `Last lines of ${displayPath(api.logFile)}:\n${tailFile(api.logFile, 30, api.logOffset)}`,
  );
}

// ---------------------------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------------------------

function displayPath(file) {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') ? relative : file;
}

function printBox(title, rows, footer) {
  const labelWidth = Math.max(...rows.map(([label]) => label.length));
  const lines = [title, '', ...rows.map(([label, value]) => `${label.padEnd(labelWidth)}  ${value}`), '', footer];
  const width = Math.max(...lines.map((line) => line.length));
  const styled = (line, index) => {
    const padded = line.padEnd(width);
    if (index === 0) return color.bold(padded);
    const row = rows[index - 2];
    if (row) return `${row[0].padEnd(labelWidth)}  ${color.bold(color.cyan(row[1]))}${' '.repeat(width - line.length)}`;
    return index === lines.length - 1 ? color.dim(padded) : padded;
  };
  console.log(`\n  ╭${'─'.repeat(width + 4)}╮`);
  lines.forEach((line, index) => console.log(`  │  ${styled(line, index)}  │`));
  console.log(`  ╰${'─'.repeat(width + 4)}╯\n`);
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

async function main() {
  const startedAt = Date.now();
  const settings = readSettings(process.env);

  lifecycle.handleSignals((signal) => {
    console.log(`\n${color.bold(`Stopping Sigap (${signal})…`)}`);
    void lifecycle.shutdown().then(() => {
      console.log('Stopped. Data is kept for the next npm start.');
      process.exit(0);
    });
  });

  await ensureDependencies();
  const { build } = await import('./build.mjs');
  await build();

  const { dataDir } = settings;
  // Traversable by the `postgres` user, which runs the embedded server when we are root.
  makeTraversableDir(path.join(dataDir, 'logs'));
  await stopLeftovers(dataDir);
  if (!(await isPortFree(settings.port, '0.0.0.0'))) {
    throw new UserError(`PORT ${settings.port} is already in use by another program. Stop it, or choose another port: PORT=3100 npm start`);
  }

  const infra = await import('./lib/infra.mjs');
  if (settings.redisUrl) {
    // Checked before our own PostgreSQL starts, so a typo costs nothing.
    const problem = await infra.pingRedis(settings.redisUrl, 3000);
    if (problem) throw new UserError(`REDIS_URL: ${redactUrl(settings.redisUrl)} does not answer PING (${problem}).`);
  }
  let postgres;
  if (settings.databaseUrl) {
    postgres = await infra.usePostgresUrl(settings.databaseUrl);
    step('postgres', 'using DATABASE_URL');
  } else {
    postgres = await infra.startEmbeddedPostgres({ baseDir: dataDir, database: 'sigap' });
    lifecycle.defer(
      'PostgreSQL',
      async () => {
        step('stop', 'PostgreSQL');
        await postgres.stop();
      },
      () => postgres.killSync(),
    );
    step('postgres', `embedded, port ${postgres.port}, data in ${displayPath(postgres.pgdata)}`);
  }

  const redis = await infra.obtainRedis({ url: settings.redisUrl, dataDir });
  lifecycle.defer(
    'Redis',
    async () => {
      if (redis.source.startsWith('redis-server')) step('stop', 'Redis');
      await redis.stop();
    },
    () => redis.killSync(),
  );
  step('redis', redis.source === 'REDIS_URL' ? 'using REDIS_URL' : redis.source);

  const secrets = loadSecrets(dataDir, process.env);
  const env = {
    ...process.env,
    DATABASE_URL: postgres.url,
    REDIS_URL: redis.url,
    SIGAP_REDIS_PREFIX: process.env.SIGAP_REDIS_PREFIX || 'sigap',
    PORT: String(settings.port),
    JWT_SECRET: secrets.jwtSecret,
    SIGAP_INGEST_KEY: secrets.ingestKey,
    SIGAP_ADMIN_EMAIL: secrets.adminEmail,
    SIGAP_ADMIN_PASSWORD: secrets.adminPassword,
    SIGAP_DASHBOARD_DIR: path.join(repoRoot, 'dist', 'dashboard'),
    LOG_LEVEL: process.env.LOG_LEVEL || 'info',
  };

  step('migrate', 'running database migrations');
  const migrate = startServerProcess('migrate', env, dataDir);
  const migrated = await migrate.exited;
  if (lifecycle.stopping) return;
  if (migrated.code !== 0) {
    throw new UserError(`The migrations failed (${describeExit(migrated)}). Last lines of ${displayPath(migrate.logFile)}:\n${tailFile(migrate.logFile, 30, migrate.logOffset)}`);
  }

  const worker = startServerProcess('worker', env, dataDir);
  watch(worker);
  const api = startServerProcess('api', env, dataDir);
  watch(api);
  step('api', 'waiting until it is ready');
  await waitForReady(settings.port, api);
  if (lifecycle.stopping) return;

  const onDefaults = !settings.databaseUrl && !settings.redisUrl;
  const runDemo = settings.demo === '1' || (settings.demo === '' && onDefaults);
  if (runDemo) {
    if (fs.existsSync(path.join(serverDist, ENTRIES.demo))) {
      // A fresh seed per start: a replayed seed would post the same external ids, all duplicates.
      const demoSeed = env.SIGAP_DEMO_SEED ?? `start-${Date.now().toString(36)}`;
      const demo = startServerProcess('demo', { ...env, SIGAP_API_URL: `http://127.0.0.1:${settings.port}`, SIGAP_DEMO_SEED: demoSeed }, dataDir);
      watch(demo, { exitZeroIsFine: true });
    } else {
      warn('The demo player was not built (apps/demo/src/main.ts is missing): no demo feed.');
    }
  }

  printBox(
    `Sigap is running (ready in ${formatDuration(Date.now() - startedAt)})`,
    [
      ['Open', `http://localhost:${settings.port}/`],
      ['Email', secrets.adminEmail],
      ['Password', secrets.adminPassword],
      ['Ingest key', secrets.ingestKey],
    ],
    `${runDemo ? 'Demo feed on. ' : ''}Logs in ${displayPath(path.join(dataDir, 'logs'))}. Ctrl-C stops.`,
  );
}

process.on('uncaughtException', (error) => {
  reportError(error);
  void lifecycle.shutdown().then(() => process.exit(1));
});

try {
  await main();
} catch (error) {
  reportError(error);
  await lifecycle.shutdown();
  process.exit(error instanceof UserError ? error.exitCode : 1);
}
