#!/usr/bin/env node
// `npm run bench`: how fast Sigap moves mentions on this machine, next to what its building
// blocks can do alone. One run, four stages, about 1-2 minutes on 2 cores:
//
//   1. BullMQ ceiling: addBulk (chunks of 100) alone, then with one no-op Worker in a child process
//   2. PostgreSQL ceiling: multi-row INSERT (1,000 rows per statement) of mention-shaped rows
//   3. Sigap sustained ingest → stored → published: HTTP batches in, one socket client out
//   4. Sigap latency at a steady 200 mentions/s (one request each) with 20 socket clients
//
// It uses a fresh database sigap_bench_<id> and Redis prefix sigap-bench-<id> on the same
// PostgreSQL and Redis as `npm test`, removes both at the end (also on failure or Ctrl-C) and
// stops everything it started. It reports; it exits 1 only when something broke (a process died,
// a request failed, a mention never arrived), never because a target was missed.
// The last line printed is the whole result as JSON. Process logs: tmp/bench-logs/.
//
//   node scripts/bench.mjs [--queue-jobs=20000] [--queue-concurrency=50] [--pg-rows=50000] [--repeats=3]
//                          [--ingest=20000] [--batch=200] [--in-flight=4]
//                          [--rate=200] [--seconds=30] [--clients=20] [--log-level=info] [--no-build]
import { color, step, warn } from './lib/util.mjs';
import { NOISE_CORES, cpuNote, header, int, ms, noiseReasons, prepareIsolation, runBench, sec, stackVersions, table } from './bench/harness.mjs';

const DEFAULTS = {
  'queue-jobs': 20_000,
  'queue-chunk': 100,
  'queue-concurrency': 50,
  'pg-rows': 50_000,
  'pg-per-statement': 1000,
  repeats: 3,
  ingest: 20_000,
  batch: 200,
  'in-flight': 4,
  warmup: 1000,
  rate: 200,
  seconds: 30,
  clients: 20,
  'log-level': 'info',
  build: true,
};
const TARGETS = { ratio: 0.4, p99Ms: 250 };

// ---------------------------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------------------------

function printReport(report) {
  const { bullmq, postgres, ingest, latency, ratios } = report.results;
  header('Results');
  const rows = [];
  if (bullmq) {
    rows.push([`1  BullMQ addBulk only (${bullmq.chunk}/chunk)`, `${int(bullmq.addBulkOnly.jobsPerSecond)} jobs/s`, `${int(bullmq.jobs)} jobs in ${sec(bullmq.addBulkOnly.seconds)}; best of ${bullmq.addBulkOnly.runs.map(int).join(' / ')}`]);
    rows.push([
      `1  BullMQ addBulk + no-op Worker (c=${bullmq.concurrency})`,
      `${int(bullmq.withWorker.jobsPerSecond)} jobs/s`,
      `first add → last completion ${sec(bullmq.withWorker.seconds)}; best of ${bullmq.withWorker.runs.map(int).join(' / ')}; worker in a child process; addBulk meanwhile ${int(bullmq.withWorker.addBulkJobsPerSecondWhileConsuming)}/s`,
    ]);
  }
  if (postgres) {
    rows.push([`2  PostgreSQL INSERT (${postgres.perStatement} rows/statement)`, `${int(postgres.rowsPerSecond)} rows/s`, `${int(postgres.rows)} rows in ${sec(postgres.seconds)}, one connection; best of ${postgres.runs.map(int).join(' / ')}`]);
  }
  if (ingest) {
    rows.push([
      `3  Sigap ingest → stored → socket`,
      `${int(ingest.mentionsPerSecond)} mentions/s`,
      `${int(ingest.count)} in ${sec(ingest.seconds)} (${ingest.requests} POSTs × ${ingest.batch}, ${ingest.inFlight} in flight); all 202s after ${sec(ingest.httpSeconds)} (${int(ingest.httpMentionsPerSecond)}/s)`,
    ]);
    rows.push(['   received / stored', `${int(ingest.received)} / ${int(ingest.stored)}`, `missed ${ingest.missed}, duplicates ${ingest.duplicates}, out of order ${ingest.outOfOrder}; last row stored after ${sec(ingest.lastStoredSeconds)}`]);
  }
  if (latency) {
    const l = latency.latency;
    rows.push([
      `4  Latency 202 → socket @ ${latency.rate}/s × ${latency.clients} clients`,
      `p99 ${ms(l.p99)}`,
      `p50 ${ms(l.p50)}  p90 ${ms(l.p90)}  max ${ms(l.max)}  (min ${ms(l.min)}, ${latency.negativeLatencies} before the 202)`,
    ]);
    rows.push(['   deliveries / missed', `${int(latency.deliveries)} / ${int(latency.missed)}`, `${int(latency.mentions)} mentions × ${latency.clients} clients; sent at ${latency.achievedRate.toFixed(1)}/s; duplicates ${latency.duplicates}, out of order ${latency.outOfOrder}`]);
    rows.push(['   HTTP 202 time (send → 202)', `p99 ${ms(latency.http.p99)}`, `p50 ${ms(latency.http.p50)}  max ${ms(latency.http.max)}; sender lag behind schedule p99 ${ms(latency.sendLag.p99)}`]);
    rows.push(['   send → socket (incl. HTTP)', `p99 ${ms(latency.fromSend.p99)}`, `p50 ${ms(latency.fromSend.p50)}  max ${ms(latency.fromSend.max)}`]);
  }
  table(rows);

  header('Against the targets');
  const verdict = (pass) => (pass === null ? color.yellow('n/a') : pass ? color.green('PASS') : color.red('MISS'));
  if (ratios.ingestOverQueue !== null) {
    console.log(`(3) / (1)   ${ratios.ingestOverQueue.toFixed(2)}   target ≥ ${TARGETS.ratio.toFixed(2)}   ${verdict(ratios.ingestOverQueuePass)}   (${int(ingest.mentionsPerSecond)} mentions/s ÷ ${int(bullmq.withWorker.jobsPerSecond)} no-op jobs/s)`);
    if (!ratios.ingestOverQueueTrustworthy) {
      warn(`Other processes took CPU during stage 1 and/or 3 (${bullmq.withWorker.cpu?.otherCores ?? '?'} / ${ingest.cpu?.otherCores ?? '?'} cores): the ratio compares two differently disturbed runs.`);
    }
  }
  if (ratios.p99Ms !== null) {
    console.log(`p99         ${ms(ratios.p99Ms)}   target ≤ ${TARGETS.p99Ms} ms   ${verdict(ratios.p99Pass)}   (missed ${latency.missed}, must be 0)`);
  }

  header('CPU (cores busy, of ' + report.machine.nproc + ')');
  const cpuRows = [['before start (bench idle)', `${report.noise.idleBefore?.busyCores ?? 'n/a'}`, 'what others used while the bench did nothing']];
  if (bullmq) cpuRows.push(['1  addBulk + no-op worker', `${bullmq.withWorker.cpu?.busyCores ?? 'n/a'}`, cpuNote(bullmq.withWorker.cpu)]);
  if (postgres) cpuRows.push(['2  PostgreSQL INSERT', `${postgres.cpu?.busyCores ?? 'n/a'}`, cpuNote(postgres.cpu)]);
  if (ingest) cpuRows.push(['3  Sigap sustained', `${ingest.cpu?.busyCores ?? 'n/a'}`, cpuNote(ingest.cpu)]);
  if (latency) cpuRows.push(['4  Sigap latency', `${latency.cpu?.busyCores ?? 'n/a'}`, cpuNote(latency.cpu)]);
  cpuRows.push(['after the run (bench idle)', `${report.noise.idleAfter?.busyCores ?? 'n/a'}`, `load average ${report.machine.loadavg.join(' ')} → ${report.noise.loadavgAfter.join(' ')}`]);
  table(cpuRows);
  if (report.noise.noisy) warn(`This run looked noisy: ${report.noise.reason}. Treat the figures as lower bounds.`);
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

async function main(options, ctx) {
  const startedAt = Date.now();
  const { idleLoad, machineInfo } = await import('./bench/stats.mjs');
  const machine = machineInfo();
  header('Sigap benchmark');
  step('machine', `${machine.nproc} cores (${machine.cpuModel}), ${machine.memoryGiB} GiB, Node ${machine.node}, load ${machine.loadavg.join(' ')}`);
  const idleBefore = await idleLoad();
  step('idle load', `${idleBefore?.busyCores ?? 'n/a'} cores busy before the bench starts anything (others: ${idleBefore?.otherCores ?? 'n/a'})`);

  if (options.build) {
    const { build } = await import('./build.mjs');
    await build({ names: ['server'] });
  }
  ctx.checkAborted();

  const { postgres, redis } = await prepareIsolation(ctx, 'bench');
  const stack = await stackVersions(ctx);
  step('versions', `PostgreSQL ${stack.postgres.version} (fsync ${stack.postgres.fsync}, synchronous_commit ${stack.postgres.synchronous_commit}), Redis ${stack.redis.version} (AOF ${stack.redis.appendonly}), BullMQ ${stack.bullmq}`);

  const { bullmqCeiling, postgresCeiling } = await import('./bench/ceilings.mjs');
  const sigap = await import('./bench/sigap.mjs');
  const results = {};
  const broken = [];

  header(`1/4 BullMQ: ${int(options['queue-jobs'])} no-op jobs`);
  results.bullmq = await bullmqCeiling(ctx, {
    jobs: options['queue-jobs'],
    chunk: options['queue-chunk'],
    concurrency: options['queue-concurrency'],
    repeats: options.repeats,
  });
  step('addBulk', `${int(results.bullmq.addBulkOnly.jobsPerSecond)} jobs/s alone (best of ${results.bullmq.addBulkOnly.runs.map(int).join(', ')})`);
  step('no-op', `${int(results.bullmq.withWorker.jobsPerSecond)} jobs/s first add → last completion (best of ${results.bullmq.withWorker.runs.map(int).join(', ')})`);

  header(`2/4 PostgreSQL: ${int(options['pg-rows'])} rows`);
  results.postgres = await postgresCeiling(ctx, { rows: options['pg-rows'], perStatement: options['pg-per-statement'], repeats: options.repeats });
  step('insert', `${int(results.postgres.rowsPerSecond)} rows/s (best of ${results.postgres.runs.map(int).join(', ')})`);

  header(`3/4 Sigap sustained: ${int(options.ingest)} mentions`);
  const app = await sigap.startSigap(ctx, { logLevel: options['log-level'] });
  step('stack', `api + 1 worker on ${app.baseUrl} (logs in tmp/bench-logs/)`);
  const one = sigap.liveClients(ctx, 'bench-live-1');
  await sigap.connectClients(ctx, one, app, 1);
  await sigap.warmUp(ctx, app, one, options.warmup);
  step('warm-up', `${int(options.warmup)} mentions through the whole path (untimed)`);
  results.ingest = await sigap.sustainedIngest(ctx, app, one, {
    count: options.ingest,
    batch: options.batch,
    inFlight: options['in-flight'],
    drainTimeoutMs: 60_000,
  });
  await one.close();
  step('sustained', `${int(results.ingest.mentionsPerSecond)} mentions/s; received ${int(results.ingest.received)}, stored ${int(results.ingest.stored)}`);
  if (results.ingest.missed > 0) broken.push(`stage 3: ${results.ingest.missed} mention(s) never reached the socket client`);
  if (results.ingest.stored !== options.ingest) broken.push(`stage 3: ${results.ingest.stored} rows stored instead of ${options.ingest}`);
  if (results.ingest.duplicates > 0 || results.ingest.outOfOrder > 0) broken.push(`stage 3: ${results.ingest.duplicates} duplicate and ${results.ingest.outOfOrder} out-of-order deliveries`);

  header(`4/4 Sigap latency: ${options.rate}/s for ${options.seconds} s, ${options.clients} clients`);
  const many = sigap.liveClients(ctx, 'bench-live-n');
  await sigap.connectClients(ctx, many, app, options.clients);
  step('clients', `${options.clients} connected`);
  results.latency = await sigap.latencyAtRate(ctx, app, many, {
    rate: options.rate,
    seconds: options.seconds,
    clientCount: options.clients,
    drainTimeoutMs: 20_000,
  });
  await many.close();
  step('latency', `p50 ${ms(results.latency.latency.p50)}, p99 ${ms(results.latency.latency.p99)}, missed ${results.latency.missed}`);
  if (results.latency.missed > 0) broken.push(`stage 4: ${results.latency.missed} (mention, client) deliveries never arrived`);
  if (results.latency.duplicates > 0 || results.latency.outOfOrder > 0) broken.push(`stage 4: ${results.latency.duplicates} duplicate and ${results.latency.outOfOrder} out-of-order deliveries`);
  if (results.latency.disconnects > 0) broken.push(`stage 4: ${results.latency.disconnects} socket disconnect(s)`);

  const ratio = results.ingest.mentionsPerSecond / results.bullmq.withWorker.jobsPerSecond;
  const p99 = results.latency.latency.p99;
  results.ratios = {
    ingestOverQueue: Number.isFinite(ratio) ? Number(ratio.toFixed(3)) : null,
    ingestOverQueueTarget: TARGETS.ratio,
    ingestOverQueuePass: Number.isFinite(ratio) ? ratio >= TARGETS.ratio : null,
    // Noise moves the numerator and the denominator independently: only a quiet pair compares.
    ingestOverQueueTrustworthy: [results.bullmq.withWorker.cpu, results.ingest.cpu].every((cpu) => cpu && cpu.otherCores <= NOISE_CORES),
    p99Ms: Number.isFinite(p99) ? Number(p99.toFixed(1)) : null,
    p99TargetMs: TARGETS.p99Ms,
    p99Pass: Number.isFinite(p99) ? p99 <= TARGETS.p99Ms && results.latency.missed === 0 : null,
  };

  const idleAfter = await idleLoad();
  const os = await import('node:os');
  const reasons = noiseReasons(idleBefore, idleAfter, [results.bullmq.withWorker.cpu, results.postgres.cpu, results.ingest.cpu, results.latency.cpu]);
  const report = {
    bench: 'sigap',
    at: new Date(startedAt).toISOString(),
    durationSeconds: Math.round((Date.now() - startedAt) / 1000),
    machine,
    versions: stack,
    isolation: { database: ctx.dbName, redisPrefix: ctx.prefix, postgres: postgres.source, redis: redis.source },
    options,
    results,
    noise: {
      idleBefore,
      idleAfter,
      loadavgAfter: os.loadavg().map((value) => Number(value.toFixed(2))),
      noisy: reasons.length > 0,
      reason: reasons.join('; '),
    },
    ok: broken.length === 0,
    problems: broken,
  };
  return report;
}

await runBench({ defaults: DEFAULTS, main, printReport });
