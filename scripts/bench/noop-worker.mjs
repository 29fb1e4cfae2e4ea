// Child process of `npm run bench` (stage 1): one BullMQ Worker whose processor does nothing.
// It runs apart from the producer, as Sigap's worker runs apart from its API.
//
// parent → { type: 'start', redisUrl, prefix, queue, concurrency, expected }
// child  → { type: 'ready' }, then { type: 'done', at, completed, failed } after `expected` completions
// parent → { type: 'close' }   (the child closes the worker and exits)
import { Worker } from 'bullmq';
import { now } from './stats.mjs';

let worker = null;

function connection(url) {
  const parsed = new URL(url);
  return {
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : 6379,
    username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db: parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : 0,
    maxRetriesPerRequest: null,
  };
}

async function start({ redisUrl, prefix, queue, concurrency, expected }) {
  let completed = 0;
  let failed = 0;
  const report = () => process.send({ type: 'done', at: now(), completed, failed });
  worker = new Worker(queue, async () => undefined, { connection: connection(redisUrl), prefix, concurrency, autorun: false });
  worker.on('completed', () => {
    completed += 1;
    if (completed + failed === expected) report();
  });
  worker.on('failed', () => {
    failed += 1;
    if (completed + failed === expected) report();
  });
  worker.on('error', (error) => process.send({ type: 'error', message: error.message }));
  void worker.run();
  await worker.waitUntilReady();
  process.send({ type: 'ready' });
}

process.on('message', (message) => {
  if (message?.type === 'start') {
    start(message).catch((error) => {
      process.send({ type: 'error', message: error.message });
      process.exit(1);
    });
  } else if (message?.type === 'close') {
    void (worker ? worker.close() : Promise.resolve()).finally(() => process.exit(0));
  }
});
process.on('disconnect', () => process.exit(0));
