import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

const fromHere = (relative: string): string => decodeURIComponent(new URL(relative, import.meta.url).pathname);

const appRoot = fromHere('./');
const repoRoot = fromHere('../../');
const apiTarget = 'http://127.0.0.1:3000';

/** Keep in step with the `@sigap/*` paths in tsconfig.base.json that the dashboard uses. */
const workspaceAliases: Record<string, string> = {
  '@sigap/contracts': 'libs/shared/contracts/src/index.ts',
  '@sigap/dashboard/data-access': 'libs/dashboard/data-access/src/index.ts',
  '@sigap/dashboard/ui': 'libs/dashboard/ui/src/index.ts',
  '@sigap/dashboard/ui/testing': 'libs/dashboard/ui/src/testing/index.ts',
  '@sigap/dashboard/feature-inbox': 'libs/dashboard/feature-inbox/src/index.ts',
  '@sigap/dashboard/feature-auth': 'libs/dashboard/feature-auth/src/index.ts',
  '@sigap/dashboard/feature-admin': 'libs/dashboard/feature-admin/src/index.ts',
  '@sigap/dashboard/feature-replies': 'libs/dashboard/feature-replies/src/index.ts',
  '@sigap/dashboard/feature-desk': 'libs/dashboard/feature-desk/src/index.ts',
  '@sigap/dashboard/feature-collab': 'libs/dashboard/feature-collab/src/index.ts',
  '@sigap/dashboard/feature-dispatch': 'libs/dashboard/feature-dispatch/src/index.ts',
};

const escapeRegExp = (value: string): string => value.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

const proxy = {
  '/api': { target: apiTarget },
  '/socket.io': { target: apiTarget, ws: true },
};

/**
 * A second line of defence behind React's escaping: the built page may run only its own scripts,
 * so markup smuggled in through public text could not execute even if it ever reached the DOM.
 * Dev mode is left alone because Vite's dev client relies on inline scripts.
 */
const contentSecurityPolicy = (): Plugin => ({
  name: 'sigap-content-security-policy',
  apply: 'build',
  transformIndexHtml: () => [
    {
      tag: 'meta',
      attrs: {
        'http-equiv': 'Content-Security-Policy',
        content: [
          "default-src 'self'",
          "script-src 'self'",
          "style-src 'self' 'unsafe-inline'",
          "img-src 'self' data:",
          "connect-src 'self'",
          "object-src 'none'",
          "base-uri 'self'",
          "form-action 'self'",
        ].join('; '),
      },
      injectTo: 'head-prepend',
    },
  ],
});

export default defineConfig({
  root: appRoot,
  base: '/',
  plugins: [react(), contentSecurityPolicy()],
  resolve: {
    alias: Object.entries(workspaceAliases).map(([find, path]) => ({
      find: new RegExp(`^${escapeRegExp(find)}$`),
      replacement: repoRoot + path,
    })),
  },
  server: {
    host: '127.0.0.1',
    port: 4200,
    proxy,
    fs: { allow: [repoRoot] },
  },
  preview: {
    host: '127.0.0.1',
    port: 4300,
    proxy,
  },
  build: {
    outDir: repoRoot + 'dist/dashboard',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1000,
  },
  test: {
    environment: 'jsdom',
    // The app and every dashboard lib; an Nx test target narrows this with a path filter.
    dir: repoRoot,
    include: ['apps/dashboard/src/**/*.test.{ts,tsx}', 'libs/dashboard/*/src/**/*.test.{ts,tsx}'],
    setupFiles: [appRoot + 'src/test-setup.ts'],
    restoreMocks: true,
  },
});
