// Preloaded into every server process (`node -r scripts/register-paths.cjs <entry>`): compiled JS
// keeps the `@sigap/...` imports, so they are resolved here from tsconfig.base.json's `paths`,
// pointed at the compiled tree under dist/server.
const path = require('node:path');
const { loadConfig, register } = require('tsconfig-paths');

const repoRoot = path.resolve(__dirname, '..');
const baseUrl = path.join(repoRoot, 'dist', 'server');

const config = loadConfig(path.join(repoRoot, 'tsconfig.base.json'));
if (config.resultType !== 'success') {
  throw new Error(`register-paths: cannot read tsconfig.base.json: ${config.message}`);
}

const paths = Object.fromEntries(
  Object.entries(config.paths).map(([alias, targets]) => [alias, targets.map((target) => target.replace(/\.tsx?$/, '.js'))]),
);

register({ baseUrl, paths, addMatchAll: false });
