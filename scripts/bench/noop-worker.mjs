// Child process of `npm run bench` (stage 1): one BullMQ Worker whose processor does nothing.
// It runs apart from the producer, as Sigap's worker runs apart from its API.
//
// parent → { type: 'start', redisUrl, prefix, queue, concurrency }    child → { type: 'ready' }
// parent → { type: 'expect', count }   child → { type: 'expecting' }, then, after `count` more
//          jobs finished, { type: 'done', at, completed, failed }
// parent → { type: 'close' }   (the child closes the worker and exits)
import { Worker } from 'bullmq';
import { now } from './stats.mjs';

let worker = null;
let round = null;

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

function finished(ok) {
  if (!round) return;
  if (ok) round.completed += 1;
  else round.failed += 1;
  if (round.completed + round.failed === round.count) {
    process.send({ type: 'done', at: now(), completed: round.completed, failed: round.failed });
    round = null;
  }
}

async function start({ redisUrl, prefix, queue, concurrency }) {
  worker = new Worker(queue, async () => undefined, { connection: connection(redisUrl), prefix, concurrency, autorun: false });
  worker.on('completed', () => finished(true));
  worker.on('failed', () => finished(false));
  worker.on('error', (error) => process.send({ type: 'error', message: error.message }));
  void worker.run();
  await worker.waitUntilReady();
  process.send({ type: 'ready' });
}

process.on('message', (message) => {
  switch (message?.type) {
    case 'start':
      start(message).catch((error) => {
        process.send({ type: 'error', message: error.message });
        process.exit(1);
      });
      break;
    case 'expect':
      round = { count: message.count, completed: 0, failed: 0 };
      process.send({ type: 'expecting' });
      break;
    case 'close':
      void (worker ? worker.close() : Promise.resolve()).finally(() => process.exit(0));
      break;
    default:
      break;
  }
});
process.on('disconnect', () => process.exit(0));
