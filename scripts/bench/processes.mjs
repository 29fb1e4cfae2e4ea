// Processes the benchmark starts: Sigap's built entry points and its own helper children.
// Each gets its own process group (a Ctrl-C at the terminal reaches only the bench, which stops
// them in order), its output in tmp/bench-logs/, and an entry in the bench's Lifecycle.
import { fork, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { UserError, processAlive, repoRoot, tailFile, terminate } from '../lib/util.mjs';

export const logDir = path.join(repoRoot, 'tmp', 'bench-logs');
const registerPaths = path.join(repoRoot, 'scripts', 'register-paths.cjs');
const serverDist = path.join(repoRoot, 'dist', 'server');
export const ENTRIES = {
  migrate: 'apps/api/src/migrate.js',
  api: 'apps/api/src/main.js',
  worker: 'apps/worker/src/main.js',
};

function openLog(name) {
  fs.mkdirSync(logDir, { recursive: true });
  const file = path.join(logDir, `${name}.log`);
  fs.writeFileSync(file, '');
  return { file, fd: fs.openSync(file, 'a') };
}

/**
 * Tracks a child: `exited` settles when it ends; `onUnexpectedExit` fires when it ends before
 * `stop()` was called. Registers itself with `ctx.lifecycle` and `ctx.pids` until it is gone.
 */
function track(ctx, name, child, logFile, { onUnexpectedExit } = {}) {
  const service = { name, child, logFile, stopping: false };
  service.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  child.once('error', (error) => onUnexpectedExit?.(new Error(`${name}: ${error.message}`)));
  ctx.pids.set(child.pid, name);
  service.stop = async (timeoutMs = 10_000) => {
    service.stopping = true;
    await terminate(child.pid, { group: true, timeoutMs });
  };
  const forget = ctx.lifecycle.defer(name, () => service.stop(), () => {
    if (processAlive(child.pid)) process.kill(-child.pid, 'SIGKILL');
  });
  void service.exited.then((outcome) => {
    forget();
    ctx.pids.delete(child.pid);
    if (!service.stopping && !ctx.lifecycle.stopping) {
      const how = outcome.signal ? `signal ${outcome.signal}` : `exit code ${outcome.code}`;
      const tail = tailFile(logFile, 15);
      onUnexpectedExit?.(new UserError(`The ${name} process stopped unexpectedly (${how}).${tail ? ` Last lines of ${path.relative(repoRoot, logFile)}:\n${tail}` : ''}`));
    }
  });
  return service;
}

/** `node -r scripts/register-paths.cjs dist/server/<entry>` with `env`. */
export function startServer(ctx, name, env, options = {}) {
  const entry = path.join(serverDist, ENTRIES[name]);
  if (!fs.existsSync(entry)) throw new Error(`${path.relative(repoRoot, entry)} is missing: the server build did not produce it.`);
  const log = openLog(name);
  let child;
  try {
    child = spawn(process.execPath, ['-r', registerPaths, entry], { cwd: repoRoot, env, stdio: ['ignore', log.fd, log.fd], detached: true });
  } finally {
    fs.closeSync(log.fd);
  }
  return track(ctx, name, child, log.file, options);
}

/**
 * One of the bench's own children (scripts/bench/*.mjs), spoken to over IPC. `next(type)` resolves
 * with the next message of that type; an `error` message, an exit or the timeout rejects it.
 */
export function forkHelper(ctx, name, script, options = {}) {
  const log = openLog(name);
  let child;
  try {
    child = fork(path.join(repoRoot, 'scripts', 'bench', script), [], {
      cwd: repoRoot,
      stdio: ['ignore', log.fd, log.fd, 'ipc'],
      detached: true,
      serialization: 'advanced',
    });
  } finally {
    fs.closeSync(log.fd);
  }
  const service = track(ctx, name, child, log.file, options);
  const waiting = [];
  const backlog = [];
  const settle = (message) => {
    if (message?.type === 'error') {
      for (const waiter of waiting.splice(0)) waiter.reject(new Error(`${name}: ${message.message}`));
      options.onUnexpectedExit?.(new Error(`${name}: ${message.message}`));
      return;
    }
    const index = waiting.findIndex((waiter) => waiter.type === message?.type);
    if (index >= 0) waiting.splice(index, 1)[0].resolve(message);
    else backlog.push(message);
  };
  child.on('message', settle);
  void service.exited.then(() => {
    for (const waiter of waiting.splice(0)) waiter.reject(new Error(`${name} exited while the bench waited for "${waiter.type}"`));
  });
  service.send = (message) => child.send(message);
  service.next = (type, timeoutMs = 60_000) => {
    const queued = backlog.findIndex((message) => message?.type === type);
    if (queued >= 0) return Promise.resolve(backlog.splice(queued, 1)[0]);
    return new Promise((resolve, reject) => {
      const waiter = { type, resolve, reject };
      // timeoutMs 0: no deadline (the waiter is still rejected when the child exits).
      const timer =
        timeoutMs > 0
          ? setTimeout(() => {
              const at = waiting.indexOf(waiter);
              if (at >= 0) waiting.splice(at, 1);
              reject(new Error(`${name}: no "${type}" within ${Math.round(timeoutMs / 1000)} s`));
            }, timeoutMs)
          : null;
      waiter.resolve = (value) => {
        clearTimeout(timer);
        resolve(value);
      };
      waiter.reject = (error) => {
        clearTimeout(timer);
        reject(error);
      };
      waiting.push(waiter);
    });
  };
  /** Ask the child to close itself; kill it if it does not within `timeoutMs`. */
  service.close = async (timeoutMs = 5000) => {
    service.stopping = true;
    if (child.connected) child.send({ type: 'close' });
    const timer = setTimeout(() => terminate(child.pid, { group: true, timeoutMs: 2000 }), timeoutMs);
    await service.exited;
    clearTimeout(timer);
  };
  return service;
}
