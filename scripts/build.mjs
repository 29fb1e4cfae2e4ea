#!/usr/bin/env node
// `npm run build`: the server (tsc → dist/server) and the dashboard (vite → dist/dashboard).
// A build whose inputs are all older than its stamp is skipped, so a second `npm start` is quick.
//
//   node scripts/build.mjs [server] [dashboard] [--force]
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { UserError, bin, color, formatDuration, newestMtime, reportError, repoRoot, run, step } from './lib/util.mjs';

const stampDir = path.join(repoRoot, 'dist', '.stamps');

/** Top folders of tsconfig.server.json's `include` globs, so the list cannot drift from it. */
function serverInputs() {
  const config = JSON.parse(fs.readFileSync(path.join(repoRoot, 'tsconfig.server.json'), 'utf8'));
  const folders = new Set();
  for (const pattern of config.include ?? []) {
    const literal = pattern.split('/').filter((part) => !/[*?{[]/.test(part));
    const folder = literal.join('/');
    if (folder && folder !== 'tests') folders.add(folder);
  }
  return [...folders, 'tsconfig.base.json', 'tsconfig.server.json', 'package-lock.json'];
}

const TARGETS = {
  server: {
    label: 'server',
    inputs: serverInputs,
    // Entry points whose source exists must have been emitted, or the incremental state is stale.
    outputsPresent: () =>
      ['apps/api/src/main', 'apps/api/src/migrate', 'apps/worker/src/main', 'apps/demo/src/main'].every(
        (entry) => !fs.existsSync(path.join(repoRoot, `${entry}.ts`)) || fs.existsSync(path.join(repoRoot, 'dist/server', `${entry}.js`)),
      ),
    async build() {
      if (!TARGETS.server.outputsPresent()) fs.rmSync(path.join(repoRoot, 'dist/server/.tsbuildinfo'), { force: true });
      return run(bin('tsc'), ['-p', 'tsconfig.server.json']);
    },
  },
  dashboard: {
    label: 'dashboard',
    inputs: () => ['apps/dashboard', 'libs/dashboard', 'libs/shared', 'tsconfig.base.json', 'package-lock.json'],
    outputsPresent: () => fs.existsSync(path.join(repoRoot, 'dist/dashboard/index.html')),
    async build() {
      const config = 'apps/dashboard/vite.config.mts';
      if (!fs.existsSync(path.join(repoRoot, config))) throw new UserError(`Cannot build the dashboard: ${config} does not exist.`);
      return run(bin('vite'), ['build', '--config', config, '--logLevel', 'warn']);
    },
  },
};

function stampFile(name) {
  return path.join(stampDir, `${name}.stamp`);
}

function upToDate(name) {
  const target = TARGETS[name];
  let stamp;
  try {
    stamp = fs.statSync(stampFile(name)).mtimeMs;
  } catch {
    return false;
  }
  return target.outputsPresent() && newestMtime(target.inputs()) <= stamp;
}

/**
 * Build `names` (default: both), skipping those that are up to date unless `force`.
 * Throws a UserError when a build fails.
 */
export async function build({ names = Object.keys(TARGETS), force = false } = {}) {
  for (const name of names) {
    const target = TARGETS[name];
    if (!target) throw new UserError(`Unknown build target "${name}" (known: ${Object.keys(TARGETS).join(', ')}).`);
    if (!force && upToDate(name)) {
      step('build', `${target.label}: up to date`);
      continue;
    }
    step('build', `${target.label}…`);
    // The stamp takes the time the build started, so an edit made during the build triggers the next one.
    const startedAt = new Date();
    const code = await target.build();
    if (code !== 0) throw new UserError(`The ${target.label} build failed (exit ${code}).`);
    fs.mkdirSync(stampDir, { recursive: true });
    fs.writeFileSync(stampFile(name), `${startedAt.toISOString()}\n`);
    fs.utimesSync(stampFile(name), startedAt, startedAt);
    step('build', `${target.label}: done in ${formatDuration(Date.now() - startedAt.getTime())}`);
  }
}

async function main() {
  const args = process.argv.slice(2);
  const force = args.includes('--force');
  const names = args.filter((arg) => !arg.startsWith('--'));
  try {
    await build({ names: names.length > 0 ? names : undefined, force });
  } catch (error) {
    reportError(error);
    process.exitCode = 1;
    return;
  }
  console.log(color.green('Build complete.'));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
