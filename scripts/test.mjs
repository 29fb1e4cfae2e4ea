#!/usr/bin/env node
// `npm test`: every check CI runs, in order, stopping at the first failing stage:
//   lint → typecheck → unit → build → infra → integration+e2e → browser
// then a summary table and a last line `N passed, N failed` (tests counted from the runners' JSON
// reports), which CI reads. Databases and Redis keys made by this run are removed at the end,
// whatever happens, and anything started for it is stopped.
//
//   node scripts/test.mjs [--only=unit,build] [--skip=lint]
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  UserError,
  aptInstall,
  bin,
  color,
  ensureDependencies,
  formatDuration,
  isRoot,
  readJson,
  reportError,
  repoRoot,
  step,
  warn,
} from './lib/util.mjs';

Object.assign(process.env, { NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' });

const CHROMIUM = '/usr/bin/chromium';
const runId = `t${Date.now().toString(36)}${crypto.randomBytes(3).toString('hex')}`;
const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigap-test-reports-'));

let currentChild = null;
let interrupted = false;
let infra = null;
const testEnv = {};
const cleanups = [];

// ---------------------------------------------------------------------------------------------
// Running tools
// ---------------------------------------------------------------------------------------------

/** Run a tool with the terminal's output; resolves with its exit code. */
function exec(command, args, env = {}, { quiet = false } = {}) {
  if (interrupted) return Promise.resolve(130);
  console.log(color.dim(`$ ${[path.relative(repoRoot, command) || command, ...args].join(' ')}`));
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: repoRoot,
      env: { ...process.env, ...env },
      stdio: ['ignore', quiet ? 'ignore' : 'inherit', 'inherit'],
    });
    currentChild = child;
    child.once('error', (error) => {
      currentChild = null;
      reject(error.code === 'ENOENT' ? new UserError(`${command} is not installed (run npm ci).`) : error);
    });
    child.once('exit', (code, signal) => {
      currentChild = null;
      resolve(code ?? (signal ? 130 : 1));
    });
  });
}

/**
 * Counts from a Jest `--json` report or Vitest's json reporter (same shape). A test file that
 * failed before running any test (a syntax error, a failing import) counts as one failure.
 */
function countsFrom(file) {
  const report = readJson(file);
  if (!report) return null;
  const brokenFiles = (report.testResults ?? []).filter((suite) => suite.status === 'failed' && (suite.assertionResults ?? []).length === 0).length;
  return {
    passed: report.numPassedTests ?? 0,
    failed: (report.numFailedTests ?? 0) + brokenFiles,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  };
}

function addCounts(total, counts) {
  if (!counts) return total;
  return {
    passed: (total?.passed ?? 0) + counts.passed,
    failed: (total?.failed ?? 0) + counts.failed,
    skipped: (total?.skipped ?? 0) + counts.skipped,
  };
}

/** `N passed, N failed[, N skipped]`: the form CI reads. */
function formatCounts({ passed, failed, skipped }) {
  return `${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`;
}

async function jest(projects, { inBand = false, env = {} } = {}) {
  const report = path.join(reportDir, `jest-${projects.join('-')}.json`);
  const args = ['--selectProjects', ...projects, '--passWithNoTests', '--json', `--outputFile=${report}`];
  if (inBand) args.push('--runInBand', '--forceExit');
  if (process.env.CI) args.push('--ci');
  const code = await exec(bin('jest'), args, env);
  return { code, counts: countsFrom(report) };
}

async function vitest() {
  const report = path.join(reportDir, 'vitest.json');
  const code = await exec(bin('vitest'), [
    'run',
    '--config',
    'apps/dashboard/vite.config.mts',
    '--passWithNoTests',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ]);
  return { code, counts: countsFrom(report) };
}

// ---------------------------------------------------------------------------------------------
// Stages: each resolves with { ok, counts?, note?, skipped? }
// ---------------------------------------------------------------------------------------------

function hasFiles(folder, suffix) {
  const root = path.join(repoRoot, folder);
  if (!fs.existsSync(root)) return false;
  return fs.readdirSync(root, { recursive: true }).some((name) => String(name).endsWith(suffix));
}

const STAGES = [
  {
    name: 'lint',
    run: async () => {
      // @nx/enforce-module-boundaries reads Nx's cached project graph and skips itself without one.
      if ((await exec(bin('nx'), ['show', 'projects'], {}, { quiet: true })) !== 0) return { ok: false, note: 'nx project graph' };
      return { ok: (await exec(bin('eslint'), ['.', '--max-warnings', '0'])) === 0 };
    },
  },
  {
    name: 'typecheck',
    run: async () => {
      const server = await exec(bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']);
      if (server !== 0) return { ok: false, note: 'server' };
      const dashboard = await exec(bin('tsc'), ['-p', 'apps/dashboard/tsconfig.json', '--noEmit']);
      return { ok: dashboard === 0, note: dashboard === 0 ? '' : 'dashboard' };
    },
  },
  {
    name: 'unit',
    run: async () => {
      const server = await jest(['unit']);
      if (server.code !== 0) return { ok: false, counts: server.counts, note: 'jest' };
      const dashboard = await vitest();
      return { ok: dashboard.code === 0, counts: addCounts(server.counts, dashboard.counts), note: dashboard.code === 0 ? '' : 'vitest' };
    },
  },
  {
    name: 'build',
    run: async () => {
      const { build } = await import('./build.mjs');
      await build();
      return { ok: true };
    },
  },
  {
    name: 'infra',
    run: async () => {
      infra = await import('./lib/infra.mjs');
      const postgres = await infra.obtainTestPostgres();
      cleanups.push({ name: 'PostgreSQL', stop: () => postgres.stop(), killSync: () => postgres.killSync() });
      cleanups.push({
        name: 'test databases',
        stop: async () => {
          const dropped = await infra.dropDatabasesWithPrefix(postgres.adminUrl, `sigap_${runId}`);
          if (dropped > 0) step('cleanup', `dropped ${dropped} test database(s) sigap_${runId}*`);
        },
      });
      const redis = await infra.obtainRedis({ url: process.env.SIGAP_TEST_REDIS_URL || process.env.REDIS_URL, variable: 'SIGAP_TEST_REDIS_URL', allowInstall: true });
      cleanups.push({ name: 'Redis', stop: () => redis.stop(), killSync: () => redis.killSync() });
      cleanups.push({
        name: 'test Redis keys',
        stop: async () => {
          const deleted = await infra.deleteRedisKeys(redis.url, `${infra.globEscape(`sigap-${runId}`)}*`);
          if (deleted > 0) step('cleanup', `deleted ${deleted} Redis key(s) sigap-${runId}*`);
        },
      });
      Object.assign(testEnv, { SIGAP_TEST_PG_URL: postgres.adminUrl, SIGAP_TEST_REDIS_URL: redis.url, SIGAP_TEST_RUN_ID: runId });
      step('postgres', postgres.source);
      step('redis', redis.source);
      step('run id', runId);
      return { ok: true };
    },
  },
  {
    name: 'integration+e2e',
    run: async () => {
      const result = await jest(['integration', 'e2e'], { inBand: true, env: testEnv });
      return { ok: result.code === 0, counts: result.counts };
    },
  },
  {
    name: 'browser',
    run: async () => {
      if (!hasFiles('tests/browser', '.browser.test.ts')) return { ok: true, skipped: true, note: 'no browser tests yet' };
      if (!fs.existsSync(CHROMIUM)) {
        const installed = isRoot()
          ? await aptInstall(['chromium'])
          : { ok: false, reason: `${CHROMIUM} is missing and installing it needs root (sudo apt-get install -y chromium)` };
        if (!fs.existsSync(CHROMIUM)) {
          const reason = installed.ok ? `${CHROMIUM} is still missing after apt-get install` : installed.reason;
          loudBanner(['BROWSER TESTS WERE SKIPPED', `Chromium is not available: ${reason}.`, 'Nothing in tests/browser ran.']);
          return { ok: true, skipped: true, note: `SKIPPED: ${reason}` };
        }
      }
      const result = await jest(['browser'], { inBand: true, env: { ...testEnv, SIGAP_TEST_CHROMIUM: CHROMIUM } });
      return { ok: result.code === 0, counts: result.counts };
    },
  },
];

// ---------------------------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------------------------

function header(index, total, name) {
  const title = ` [${index}/${total}] ${name} `;
  console.log(`\n${color.bold(color.cyan(`━━━${title}${'━'.repeat(Math.max(3, 60 - title.length))}`))}`);
}

function loudBanner(lines) {
  const width = Math.max(...lines.map((line) => line.length)) + 4;
  const bar = '!'.repeat(width + 4);
  console.log(`\n${color.yellow(bar)}`);
  for (const line of lines) console.log(color.yellow(`!! ${line.padEnd(width - 2)} !!`));
  console.log(`${color.yellow(bar)}\n`);
}

function printSummary(results) {
  const rows = results.map((result) => [
    result.name,
    result.status,
    result.ms === undefined ? '' : formatDuration(result.ms),
    [result.counts ? formatCounts(result.counts) : '', result.note ?? ''].filter(Boolean).join(' · '),
  ]);
  const widths = [0, 1, 2].map((column) => Math.max(...[['Stage', 'Result', 'Time'][column], ...rows.map((row) => row[column])].map((cell) => cell.length)));
  const paintStatus = (status, text) =>
    ({ passed: color.green, failed: color.red, interrupted: color.red, skipped: color.yellow })[status]?.(text) ?? color.dim(text);
  console.log(`\n${color.bold('Summary')}`);
  console.log(color.dim(`${'Stage'.padEnd(widths[0])}  ${'Result'.padEnd(widths[1])}  ${'Time'.padStart(widths[2])}  Tests / notes`));
  for (const [name, status, time, detail] of rows) {
    console.log(`${name.padEnd(widths[0])}  ${paintStatus(status, status.padEnd(widths[1]))}  ${time.padStart(widths[2])}  ${detail}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

function selectedStages() {
  const list = (flag) =>
    process.argv
      .slice(2)
      .filter((arg) => arg.startsWith(`--${flag}=`))
      .flatMap((arg) => arg.slice(flag.length + 3).split(','))
      .filter(Boolean);
  const only = list('only');
  const skip = list('skip');
  for (const name of [...only, ...skip]) {
    if (!STAGES.some((stage) => stage.name === name)) {
      throw new UserError(`Unknown stage "${name}" (stages: ${STAGES.map((stage) => stage.name).join(', ')}).`);
    }
  }
  const chosen = STAGES.filter((stage) => (only.length === 0 || only.includes(stage.name)) && !skip.includes(stage.name));
  // The test tiers need the infra stage's environment.
  if (chosen.some((stage) => ['integration+e2e', 'browser'].includes(stage.name)) && !chosen.some((stage) => stage.name === 'infra')) {
    chosen.splice(chosen.findIndex((stage) => ['integration+e2e', 'browser'].includes(stage.name)), 0, STAGES.find((stage) => stage.name === 'infra'));
  }
  return chosen;
}

async function cleanup() {
  while (cleanups.length > 0) {
    const item = cleanups.pop();
    try {
      await item.stop();
    } catch (error) {
      warn(`Cleaning up ${item.name} failed: ${error?.message ?? error}`);
    }
  }
  fs.rmSync(reportDir, { recursive: true, force: true });
}

async function main() {
  const startedAt = Date.now();
  const stages = selectedStages();
  const onSignal = (signal) => {
    if (interrupted) return;
    interrupted = true;
    console.log(`\n${color.bold(`Interrupted (${signal}): stopping the current stage and cleaning up…`)}`);
    try {
      currentChild?.kill(signal === 'SIGINT' ? 'SIGINT' : 'SIGTERM');
    } catch {
      // already gone
    }
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal);
  process.on('exit', () => {
    for (const item of cleanups) item.killSync?.();
  });

  await ensureDependencies();

  const results = stages.map((stage) => ({ name: stage.name, status: 'not run' }));
  let failed = false;
  try {
    for (const [index, stage] of stages.entries()) {
      if (interrupted) break;
      header(index + 1, stages.length, stage.name);
      const stageStart = Date.now();
      const result = results[index];
      try {
        const outcome = await stage.run();
        Object.assign(result, { counts: outcome.counts, note: outcome.note });
        if (interrupted) result.status = 'interrupted';
        else if (outcome.skipped) result.status = 'skipped';
        else result.status = outcome.ok ? 'passed' : 'failed';
      } catch (error) {
        reportError(error);
        result.status = interrupted ? 'interrupted' : 'failed';
        result.note = error instanceof UserError ? error.message.split('\n')[0] : 'unexpected error';
      }
      result.ms = Date.now() - stageStart;
      const verdict = { passed: color.green, skipped: color.yellow }[result.status] ?? color.red;
      console.log(verdict(`${result.status === 'passed' ? '✔' : result.status === 'skipped' ? '–' : '✖'} ${stage.name} ${result.status} in ${formatDuration(result.ms)}`));
      if (result.status === 'failed' || result.status === 'interrupted') {
        failed = true;
        break;
      }
    }
  } finally {
    if (cleanups.length > 0) console.log(`\n${color.dim('Cleaning up…')}`);
    await cleanup();
  }

  printSummary(results);
  const total = results.reduce((sum, result) => addCounts(sum, result.counts), { passed: 0, failed: 0, skipped: 0 });
  const verdict = interrupted ? 'INTERRUPTED' : failed ? 'FAILED' : 'PASSED';
  console.log(`\n${(failed || interrupted ? color.red : color.green)(color.bold(verdict))} in ${formatDuration(Date.now() - startedAt)}`);
  console.log(formatCounts(total));
  return interrupted ? 130 : failed ? 1 : 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  reportError(error);
  await cleanup();
  process.exitCode = 1;
}
