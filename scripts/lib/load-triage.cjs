// Loads the triage engine (libs/triage, TypeScript) into a plain Node process, for the scripts
// that use it without a database: `npm run classify`, scripts/bench-triage.mjs.
//
// With the dev dependencies installed (any `npm ci`), the sources are compiled in memory by SWC as
// they are required, so the engine is always the one in the working tree and nothing is built or
// printed. Without them (a production install), the compiled server tree is used instead.
const fs = require('node:fs');
const path = require('node:path');

const repoRoot = path.resolve(__dirname, '..', '..');
const SOURCE_ENTRY = path.join(repoRoot, 'libs', 'triage', 'src', 'index.ts');
const COMPILED_ENTRY = path.join(repoRoot, 'dist', 'server', 'libs', 'triage', 'src', 'index.js');

let registered = false;

/** Compiles the workspace's .ts files on require and resolves `@sigap/*` to their sources. */
function registerSources(swc) {
  if (registered) return;
  registered = true;
  const { loadConfig, register } = require('tsconfig-paths');
  const config = loadConfig(path.join(repoRoot, 'tsconfig.base.json'));
  if (config.resultType !== 'success') throw new Error(`load-triage: cannot read tsconfig.base.json: ${config.message}`);
  register({ baseUrl: repoRoot, paths: config.paths, addMatchAll: false });

  const options = {
    swcrc: false,
    configFile: false,
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022', keepClassNames: true },
    module: { type: 'commonjs' },
  };
  require.extensions['.ts'] = (module, filename) => {
    const { code } = swc.transformSync(fs.readFileSync(filename, 'utf8'), { ...options, filename });
    module._compile(code, filename);
  };
}

/** The exports of `@sigap/triage`. Throws with a hint when neither way to load it is available. */
function loadTriage() {
  let swc = null;
  try {
    swc = require('@swc/core');
  } catch {
    swc = null;
  }
  if (swc) {
    registerSources(swc);
    return require(SOURCE_ENTRY);
  }
  if (fs.existsSync(COMPILED_ENTRY)) {
    require(path.join(repoRoot, 'scripts', 'register-paths.cjs'));
    return require(COMPILED_ENTRY);
  }
  throw new Error('cannot load the triage engine: install the dev dependencies (npm ci) or build the server (npm run build)');
}

module.exports = { loadTriage };
