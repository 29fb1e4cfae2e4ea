// Small helpers shared by the repo scripts (start, test, build, bench).
// Plain Node ESM with no dependencies, so they run before `npm ci` and before any build.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** An error whose message is meant for the person at the terminal: printed without a stack trace. */
export class UserError extends Error {
  constructor(message, exitCode = 1) {
    super(message);
    this.name = 'UserError';
    this.exitCode = exitCode;
  }
}

const useColor = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR && process.env.TERM !== 'dumb';
const paint = (code) => (text) => (useColor ? `\x1b[${code}m${text}\x1b[0m` : String(text));
export const color = {
  bold: paint('1'),
  dim: paint('2'),
  red: paint('31'),
  green: paint('32'),
  yellow: paint('33'),
  cyan: paint('36'),
};

/** One progress line: `▸ label  detail`. */
export function step(label, detail = '') {
  console.log(`${color.cyan('▸')} ${label.padEnd(11)} ${detail}`);
}

export function warn(message) {
  console.warn(`${color.yellow('!')} ${message}`);
}

export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

export function formatDuration(ms) {
  if (ms < 1000) return `${ms}ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes}m${String(Math.round((ms % 60_000) / 1000)).padStart(2, '0')}s`;
}

/** Hide the password of a connection string before it is shown to anyone. */
export function redactUrl(url) {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}

/**
 * Run a command to completion and resolve with its exit code (a signal counts as failure).
 * stdin is never inherited, so nothing can wait for input when CI runs without a TTY.
 */
export function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd ?? repoRoot,
      env: options.env ?? process.env,
      stdio: options.stdio ?? ['ignore', 'inherit', 'inherit'],
    });
    child.once('error', (error) => {
      if (error.code === 'ENOENT') reject(new UserError(`Cannot run "${command}": not found.`));
      else reject(error);
    });
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 128 + (osSignalNumber(signal) ?? 1) : 1)));
  });
}

function osSignalNumber(signal) {
  return { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 }[signal];
}

/** Path of a tool installed in node_modules/.bin. */
export function bin(name) {
  return path.join(repoRoot, 'node_modules', '.bin', name);
}

/** The last `count` lines of a text file written after byte `from` ('' when there are none). */
export function tailFile(file, count = 40, from = 0) {
  let text;
  try {
    const size = fs.statSync(file).size;
    const start = Math.max(Math.min(from, size), size - 64 * 1024);
    const length = size - start;
    const fd = fs.openSync(file, 'r');
    try {
      const buffer = Buffer.alloc(length);
      fs.readSync(fd, buffer, 0, length, start);
      text = buffer.toString('utf8');
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return '';
  }
  return text.trimEnd().split('\n').slice(-count).join('\n');
}

/** mkdir -p that leaves every folder it creates at 0755, whatever the umask. */
export function makeTraversableDir(dir) {
  const missing = [];
  for (let current = path.resolve(dir); !fs.existsSync(current); current = path.dirname(current)) missing.push(current);
  fs.mkdirSync(dir, { recursive: true });
  for (const created of missing) fs.chmodSync(created, 0o755);
}

export function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/** Write JSON readable by its owner only (it holds passwords); atomic through a rename. */
export function writePrivateJson(file, value) {
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 });
  fs.chmodSync(temporary, 0o600);
  fs.renameSync(temporary, file);
}

export function isPortFree(port, host = '127.0.0.1') {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** `preferred` when it is free, else the next free port above it. */
export async function findFreePort(preferred, host = '127.0.0.1') {
  for (let port = preferred; port < Math.min(preferred + 200, 65536); port += 1) {
    if (await isPortFree(port, host)) return port;
  }
  throw new UserError(`No free TCP port found between ${preferred} and ${preferred + 199}.`);
}

/** A port the kernel says is free right now. */
export function ephemeralPort(host = '127.0.0.1') {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ port: 0, host }, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export function processAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** The command line of a running process (Linux /proc; '' elsewhere or when it is gone). */
export function processCommandLine(pid) {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
}

export async function waitUntil(predicate, { timeoutMs, intervalMs = 100 }) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await predicate()) return true;
    if (Date.now() >= deadline) return false;
    await sleep(intervalMs);
  }
}

/**
 * Stop a process (and its process group when it leads one): `signal`, then SIGKILL once
 * `timeoutMs` has passed. Resolves once it is gone.
 */
export async function terminate(pid, { signal = 'SIGTERM', timeoutMs = 10_000, group = false } = {}) {
  const send = (sig) => {
    try {
      process.kill(group ? -pid : pid, sig);
    } catch {
      // already gone
    }
  };
  if (!processAlive(pid)) return;
  send(signal);
  if (await waitUntil(() => !processAlive(pid), { timeoutMs })) return;
  send('SIGKILL');
  await waitUntil(() => !processAlive(pid), { timeoutMs: 5000 });
}

/** Directories whose mtime changes when files are added or removed are included on purpose. */
export function newestMtime(entries, { ignore = ['node_modules', 'dist', '.git', '.nx', 'coverage'] } = {}) {
  let newest = 0;
  const visit = (entry) => {
    let stat;
    try {
      stat = fs.statSync(entry);
    } catch {
      return;
    }
    newest = Math.max(newest, stat.mtimeMs);
    if (!stat.isDirectory()) return;
    for (const name of fs.readdirSync(entry)) {
      if (!ignore.includes(name)) visit(path.join(entry, name));
    }
  };
  for (const entry of entries) visit(path.resolve(repoRoot, entry));
  return newest;
}

/**
 * Whether node_modules matches package-lock.json. The rule is the hidden lockfile's age; when
 * package-lock.json is newer (a checkout, or the few ms npm takes between writing the two), the
 * locked versions are compared before deciding, so an unchanged lockfile does not cost an `npm ci`.
 */
export function dependenciesStale() {
  const lockFile = path.join(repoRoot, 'package-lock.json');
  const hiddenLock = path.join(repoRoot, 'node_modules', '.package-lock.json');
  if (!fs.existsSync(path.join(repoRoot, 'node_modules'))) return 'node_modules is missing';
  if (!fs.existsSync(hiddenLock)) return 'node_modules/.package-lock.json is missing';
  if (!fs.existsSync(lockFile)) return false;
  if (fs.statSync(lockFile).mtimeMs <= fs.statSync(hiddenLock).mtimeMs) return false;
  try {
    const wanted = JSON.parse(fs.readFileSync(lockFile, 'utf8')).packages ?? {};
    const installed = JSON.parse(fs.readFileSync(hiddenLock, 'utf8')).packages ?? {};
    for (const [key, entry] of Object.entries(wanted)) {
      if (!key.startsWith('node_modules/')) continue;
      const have = installed[key];
      if (!have) {
        if (entry.optional) continue; // another platform's binary
        return `${key.slice('node_modules/'.length)} is not installed`;
      }
      if (have.version !== entry.version) return `${key.slice('node_modules/'.length)} differs from package-lock.json`;
    }
    for (const key of Object.keys(installed)) {
      if (key.startsWith('node_modules/') && !wanted[key]) return `${key.slice('node_modules/'.length)} is no longer locked`;
    }
    return false;
  } catch {
    return 'package-lock.json is newer than node_modules';
  }
}

/** `npm ci` when node_modules is missing or out of date with package-lock.json. */
export async function ensureDependencies() {
  const reason = dependenciesStale();
  if (!reason) return false;
  step('deps', `${reason}: running npm ci`);
  const code = await run('npm', ['ci', '--no-audit', '--no-fund'], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (code !== 0) throw new UserError(`npm ci failed (exit ${code}).`);
  return true;
}

/** apt-get install (root only, noninteractive), running apt-get update first when the lists lack the packages. */
export async function aptInstall(packages) {
  if (!isRoot()) return { ok: false, reason: 'not running as root' };
  if (spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status !== 0) {
    return { ok: false, reason: 'apt-get is not available on this system' };
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const hasCandidate = () =>
    packages.every((name) => /Candidate: (?!\(none\))/.test(spawnSync('apt-cache', ['policy', name], { encoding: 'utf8', env }).stdout ?? ''));
  if (!hasCandidate()) {
    step('apt', 'apt-get update');
    await run('apt-get', ['update', '-q'], { env });
    if (!hasCandidate()) return { ok: false, reason: `apt has no candidate for ${packages.join(', ')}` };
  }
  step('apt', `apt-get install -y ${packages.join(' ')}`);
  const code = await run('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...packages], { env });
  return code === 0 ? { ok: true } : { ok: false, reason: `apt-get install exited with ${code}` };
}

/**
 * Ordered cleanup: things are stopped in the reverse order they were registered, once, whatever
 * ends the run (normal end, failure, Ctrl-C). `killSync` is the last resort when the process
 * exits without having run the async cleanup.
 */
export class Lifecycle {
  #items = [];
  #stopping = null;

  get stopping() {
    return this.#stopping !== null;
  }

  /** Returns a function that removes the entry (for things that stopped by themselves). */
  defer(name, stop, killSync) {
    const item = { name, stop, killSync };
    this.#items.push(item);
    return () => {
      this.#items = this.#items.filter((candidate) => candidate !== item);
    };
  }

  shutdown() {
    this.#stopping ??= (async () => {
      while (this.#items.length > 0) {
        const item = this.#items.pop();
        try {
          await item.stop();
        } catch (error) {
          warn(`Stopping ${item.name} failed: ${error?.message ?? error}`);
        }
      }
    })();
    return this.#stopping;
  }

  /** Best effort for a process that is exiting right now (no async work possible). */
  killAllSync() {
    for (const item of this.#items.reverse()) {
      try {
        item.killSync?.();
      } catch {
        // nothing more can be done while exiting
      }
    }
    this.#items = [];
  }

  /**
   * First SIGINT/SIGTERM starts `onSignal`; later ones are ignored (npm forwards the signal the
   * terminal already sent, so two arrive for one Ctrl-C) because every stop step has its own timeout.
   */
  handleSignals(onSignal) {
    let received = false;
    const handler = (signal) => {
      if (received) {
        console.log(color.dim('(still stopping, please wait)'));
        return;
      }
      received = true;
      onSignal(signal);
    };
    process.on('SIGINT', handler);
    process.on('SIGTERM', handler);
    process.on('SIGHUP', handler);
    process.on('exit', () => this.killAllSync());
  }
}

/** Print an error for a person: UserError without a stack, anything else with one. */
export function reportError(error) {
  if (error instanceof UserError) {
    console.error(`\n${color.red('✖')} ${error.message}`);
  } else {
    console.error(`\n${color.red('✖')} Unexpected error:`, error);
  }
}
