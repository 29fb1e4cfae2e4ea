// Jest for the server side. The dashboard (apps/dashboard, libs/dashboard) is tested by Vitest.
// Integration, e2e and browser suites must run in band: scripts/test.mjs passes --runInBand.
/* eslint-disable @typescript-eslint/no-require-imports -- Jest loads this file as CommonJS */
const fs = require('node:fs');
const path = require('node:path');

const tsconfig = JSON.parse(fs.readFileSync(path.join(__dirname, 'tsconfig.base.json'), 'utf8'));

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** `@sigap/x` → `<rootDir>/libs/x/src/index.ts`, from tsconfig.base.json's `paths`. */
const moduleNameMapper = Object.fromEntries(
  Object.entries(tsconfig.compilerOptions.paths ?? {}).map(([alias, [target]]) => [
    `^${escapeRegExp(alias).replace('\\*', '(.*)')}$`,
    `<rootDir>/${target.replace('*', '$1')}`,
  ]),
);

const swcTransform = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

const shared = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.[cm]?tsx?$': swcTransform },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
  moduleNameMapper,
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/dist/'],
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
};

/** Jest refuses a root folder that does not exist; a tier without its folder simply has no tests. */
const rootsIn = (...folders) => folders.filter((folder) => fs.existsSync(path.join(__dirname, folder))).map((folder) => `<rootDir>/${folder}`);

// testTimeout is a global-only option in Jest, so slow tiers set theirs in a setup file.
const slow = { slowTestThreshold: 30, setupFilesAfterEnv: ['<rootDir>/tests/support/slow-tier.setup.ts'] };

module.exports = {
  projects: [
    {
      ...shared,
      displayName: 'unit',
      roots: rootsIn('apps', 'libs'),
      testMatch: ['**/*.spec.ts'],
      testPathIgnorePatterns: [...shared.testPathIgnorePatterns, '<rootDir>/apps/dashboard/', '<rootDir>/libs/dashboard/'],
    },
    {
      ...shared,
      ...slow,
      displayName: 'integration',
      roots: rootsIn('tests/integration'),
      testMatch: ['**/*.int.test.ts'],
    },
    {
      ...shared,
      ...slow,
      displayName: 'e2e',
      roots: rootsIn('tests/e2e'),
      testMatch: ['**/*.e2e.test.ts'],
    },
    {
      ...shared,
      ...slow,
      displayName: 'browser',
      roots: rootsIn('tests/browser'),
      testMatch: ['**/*.browser.test.ts'],
    },
  ],
};
