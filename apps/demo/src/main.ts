import { DemoConfigError, loadDemoConfig, type DemoConfig } from './demo.config';
import { IngestClient } from './ingest.client';
import { ScenarioPlayer } from './scenario-player';

const log = (line: Record<string, unknown>): void => {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), ...line })}\n`);
};

function readConfig(): DemoConfig {
  try {
    return loadDemoConfig();
  } catch (error) {
    if (!(error instanceof DemoConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
}

function main(): void {
  const config = readConfig();

  const player = new ScenarioPlayer({ config, client: new IngestClient(config), log });
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    log({ event: 'signal', signal });
    player.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));

  player.start();
  // A wrong key or URL never gets better: say so and stop rather than log the same error forever.
  const watchdog = setInterval(() => {
    if (!player.failure) return;
    clearInterval(watchdog);
    process.stderr.write(`${player.failure.message}\n`);
    void player.stop().finally(() => process.exit(1));
  }, 1_000);
}

main();
