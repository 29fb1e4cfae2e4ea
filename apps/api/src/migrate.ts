import { loadConfigOrExit } from '@sigap/server/core';
import { runMigrations } from '@sigap/server/database';

/** `node migrate.js`: applies pending migrations (schema and reference data), then exits. */
async function main(): Promise<void> {
  const config = loadConfigOrExit('worker');
  const applied = await runMigrations(config.databaseUrl);
  process.stdout.write(
    JSON.stringify({ level: 'info', msg: applied.length ? 'migrations applied' : 'schema up to date', applied }) + '\n',
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`sigap-migrate: ${(error as Error).message}\n`);
  process.exit(1);
});
