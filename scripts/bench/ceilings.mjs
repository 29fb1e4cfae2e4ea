// Stages 1 and 2 of `npm run bench`: what BullMQ and PostgreSQL alone can do on this machine,
// the ceilings Sigap's own throughput is compared with.
import crypto from 'node:crypto';
import { Queue } from 'bullmq';
import pg from 'pg';
import { forkHelper } from './processes.mjs';
import { mentionFactory } from './mentions.mjs';
import { cpuMeter, now } from './stats.mjs';

/** Sigap's own queue defaults (libs/server/pipeline/src/lib/pipeline-queue.module.ts), so jobs cost the same. */
const SIGAP_JOB_OPTIONS = {
  attempts: 6,
  backoff: { type: 'exponential', delay: 500 },
  removeOnComplete: { age: 3600, count: 10_000 },
  removeOnFail: { age: 14 * 24 * 3600 },
};

export function redisConnection(url) {
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

function chunksOf(jobs, chunk, tag) {
  const chunks = [];
  for (let start = 0; start < jobs; start += chunk) {
    chunks.push(
      Array.from({ length: Math.min(chunk, jobs - start) }, (_, k) => ({ name: 'noop', data: { i: start + k, tag } })),
    );
  }
  return chunks;
}

async function addAll(ctx, queue, chunks) {
  for (const chunk of chunks) {
    ctx.checkAborted();
    await queue.addBulk(chunk);
  }
}

const best = (runs, key) => runs.reduce((top, run) => (run[key] > top[key] ? run : top));

/**
 * 1. `Queue.addBulk` in chunks of `chunk` with nobody consuming (producer ceiling), then the same
 * with one no-op Worker (concurrency `concurrency`) in a child process: jobs/s from the first
 * add until the worker reports the last completion. Each is run `repeats` times; being ceilings,
 * the best run counts (all are reported).
 */
export async function bullmqCeiling(ctx, { jobs, chunk, concurrency, repeats }) {
  const connection = redisConnection(ctx.redisUrl);
  const prefix = `${ctx.prefix}:bull`;
  const result = { jobs, chunk, concurrency, repeats, workerIn: 'child process (scripts/bench/noop-worker.mjs)', jobOptions: 'Sigap defaults' };

  // (a) addBulk alone. One untimed chunk first loads BullMQ's Lua scripts into Redis.
  const producerOnly = new Queue('bench-addbulk', { connection, prefix, defaultJobOptions: SIGAP_JOB_OPTIONS });
  try {
    await producerOnly.waitUntilReady();
    await producerOnly.addBulk(chunksOf(chunk, chunk, 'warmup')[0]);
    const runs = [];
    for (let round = 0; round < repeats; round++) {
      const chunks = chunksOf(jobs, chunk, `add-only-${round}`);
      const meter = cpuMeter(ctx.ownPids);
      const t0 = now();
      await addAll(ctx, producerOnly, chunks);
      const seconds = (now() - t0) / 1000;
      runs.push({ seconds, jobsPerSecond: jobs / seconds, cpu: meter.stop() });
      await producerOnly.obliterate({ force: true });
    }
    result.addBulkOnly = { ...best(runs, 'jobsPerSecond'), runs: runs.map((run) => Math.round(run.jobsPerSecond)) };
  } finally {
    await producerOnly.close();
  }

  // (b) producer here, no-op worker in a child process.
  const worker = forkHelper(ctx, 'bench-noop-worker', 'noop-worker.mjs', { onUnexpectedExit: ctx.fail });
  const queue = new Queue('bench-noop', { connection, prefix, defaultJobOptions: SIGAP_JOB_OPTIONS });
  try {
    await queue.waitUntilReady();
    worker.send({ type: 'start', redisUrl: ctx.redisUrl, prefix, queue: 'bench-noop', concurrency });
    await ctx.guard(worker.next('ready', 30_000));
    const runs = [];
    for (let round = 0; round < repeats; round++) {
      worker.send({ type: 'expect', count: jobs });
      await ctx.guard(worker.next('expecting', 10_000));
      await new Promise((resolve) => setTimeout(resolve, 300)); // the worker is idle, blocked on its fetch
      const chunks = chunksOf(jobs, chunk, `noop-${round}`);
      const meter = cpuMeter(ctx.ownPids);
      const t0 = now();
      await addAll(ctx, queue, chunks);
      const added = now();
      const done = await ctx.guard(worker.next('done', 120_000));
      const cpu = meter.stop();
      if (done.failed > 0) throw new Error(`${done.failed} no-op job(s) failed`);
      const seconds = (done.at - t0) / 1000;
      runs.push({
        seconds,
        jobsPerSecond: jobs / seconds,
        addBulkSecondsWhileConsuming: (added - t0) / 1000,
        addBulkJobsPerSecondWhileConsuming: jobs / ((added - t0) / 1000),
        completed: done.completed,
        cpu,
      });
    }
    result.withWorker = { ...best(runs, 'jobsPerSecond'), runs: runs.map((run) => Math.round(run.jobsPerSecond)) };
  } finally {
    await worker.close();
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
  }
  return result;
}

/**
 * 2. Multi-row INSERT of `rows` mention-shaped rows, `perStatement` rows per statement, one
 * connection, statements back to back, into a scratch table of the bench database; `repeats`
 * times (emptied in between, untimed), the best run counts.
 */
export async function postgresCeiling(ctx, { rows, perStatement, repeats }) {
  const client = new pg.Client({ connectionString: ctx.databaseUrl });
  client.on('error', () => undefined);
  await client.connect();
  try {
    await client.query(`
      CREATE TABLE bench_scratch (
        id uuid PRIMARY KEY,
        seq bigint GENERATED ALWAYS AS IDENTITY,
        channel text NOT NULL,
        external_id text NOT NULL,
        author_handle text NOT NULL,
        text text NOT NULL,
        posted_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        urgency text NOT NULL,
        score smallint NOT NULL,
        opd_codes text[] NOT NULL DEFAULT '{}',
        tags jsonb NOT NULL,
        CONSTRAINT uq_bench_scratch UNIQUE (channel, external_id)
      )`);
    const COLUMNS = ['id', 'channel', 'external_id', 'author_handle', 'text', 'posted_at', 'urgency', 'score', 'opd_codes', 'tags'];
    const statementFor = (count) => {
      const tuples = [];
      for (let r = 0; r < count; r++) {
        const base = r * COLUMNS.length;
        tuples.push(`(${COLUMNS.map((_, c) => `$${base + c + 1}`).join(', ')})`);
      }
      return `INSERT INTO bench_scratch (${COLUMNS.join(', ')}) VALUES ${tuples.join(', ')}`;
    };

    // Everything is built before the clock starts: only the statements are timed.
    const make = mentionFactory(`pg-${ctx.runId}`);
    const URGENCY = ['critical', 'high', 'normal', 'low'];
    const OPDS = ['DPUPR', 'DLH', 'DISHUB', 'DISKARPB', 'DISDUKCAPIL', 'SATPOLPP', 'DPKP'];
    const batches = [];
    for (let start = 0; start < rows; start += perStatement) {
      const count = Math.min(perStatement, rows - start);
      const values = [];
      for (let k = 0; k < count; k++) {
        const m = make(start + k);
        const text = m.text.length >= 200 ? m.text.slice(0, 220) : `${m.text} ${'#bandung #warga '.repeat(12)}`.slice(0, 200);
        const urgency = URGENCY[(start + k) % 4];
        const opd = [OPDS[(start + k) % OPDS.length]];
        values.push(
          crypto.randomUUID(), m.channel, m.externalId, m.author.handle, text, m.postedAt, urgency, 40 + ((start + k) % 60), opd,
          JSON.stringify({
            urgency, score: 40 + ((start + k) % 60), opd: opd.map((code) => ({ code, confidence: 0.8 })),
            kecamatan: 'KEC-3273101', kelurahan: null, topic: 'banjir', reasons: ['banjir', 'selutut'], ruleSetVersion: 'bench',
          }),
        );
      }
      batches.push({ text: statementFor(count), values });
    }
    const runs = [];
    for (let round = 0; round < repeats; round++) {
      if (round > 0) await client.query('TRUNCATE bench_scratch');
      const meter = cpuMeter(ctx.ownPids);
      const t0 = now();
      for (const batch of batches) {
        ctx.checkAborted();
        await client.query(batch.text, batch.values);
      }
      const seconds = (now() - t0) / 1000;
      const cpu = meter.stop();
      const { rows: counted } = await client.query('SELECT count(*)::int AS n FROM bench_scratch');
      if (counted[0].n !== rows) throw new Error(`PostgreSQL stage stored ${counted[0].n} rows instead of ${rows}`);
      runs.push({ seconds, rowsPerSecond: rows / seconds, cpu });
    }
    await client.query('DROP TABLE bench_scratch');
    return { rows, perStatement, repeats, ...best(runs, 'rowsPerSecond'), runs: runs.map((run) => Math.round(run.rowsPerSecond)) };
  } finally {
    await client.end().catch(() => undefined);
  }
}
