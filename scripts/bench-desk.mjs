#!/usr/bin/env node
// The desk under load, on the built API and one worker (part of `npm run bench`). One run, after
// ingesting `--mentions` realistic mentions through the real API (untimed setup, time reported):
//
//   1. Claim visibility: `--admins` admins of the busiest OPD on `/live`; one claims a mention
//      after another at `--claim-rate`/s for `--claim-seconds`: claim HTTP time, and the delay
//      until every other admin's socket has the `mentionUpdated` naming the holder
//   2. Contended claim: `--contenders` admins claim one mention at once, `--rounds` times: time
//      until the last answer, and exactly one winner each round (row and audit log agree)
//   3. Bulk: `POST /mentions/bulk` with `--bulk-size` ids as a supervisor, status baru → selesai
//      and tag, `--bulk-repeats` times each (fresh ids per repeat): wall time per call
//   4. Board: `GET /desk/board` as a supervisor, `--board-calls` calls one at a time
//
// Like scripts/bench.mjs it uses a fresh database sigap_bench_desk_<id> and Redis prefix
// sigap-bench-desk-<id> on the servers `npm test` uses, removes both at the end (also on failure
// or Ctrl-C) and stops everything it started. It reports; it exits 1 only when something broke
// (a process died, a request failed, an update never arrived, a contended round did not have
// exactly one winner), never because a figure is slow. The last line printed is the whole result
// as JSON. Process logs: tmp/bench-logs/.
//
//   node scripts/bench-desk.mjs [--mentions=20000] [--admins=10] [--claim-rate=20] [--claim-seconds=15]
//                               [--contenders=50] [--rounds=20] [--bulk-size=500] [--bulk-repeats=3]
//                               [--board-calls=50] [--log-level=info] [--no-build]
import { step, warn } from './lib/util.mjs';
import { cpuNote, header, int, ms, noiseReasons, prepareIsolation, runBench, sec, stackVersions, table } from './bench/harness.mjs';

const DEFAULTS = {
  mentions: 20_000,
  batch: 200,
  'in-flight': 4,
  admins: 10,
  'claim-rate': 20,
  'claim-seconds': 15,
  contenders: 50,
  rounds: 20,
  'bulk-size': 500,
  'bulk-repeats': 3,
  'board-calls': 50,
  'log-level': 'info',
  build: true,
};

// ---------------------------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------------------------

const percentiles = (s) => `p50 ${ms(s.p50)}  p90 ${ms(s.p90)}  max ${ms(s.max)}`;

function printReport(report) {
  const { setup, claims, contended, bulk, board } = report.results;
  header('Results');
  const rows = [];
  if (setup) {
    rows.push(['   setup: ingest via the API', `${int(setup.ingest.mentionsPerSecond)} mentions/s`, `${int(setup.ingest.count)} stored in ${sec(setup.ingest.seconds)} (all 202s after ${sec(setup.ingest.httpSeconds)}); OPD ${setup.opd.code} has ${int(setup.opd.mentions)}`]);
  }
  if (claims) {
    rows.push([`1  claim HTTP (send → 200) @ ${claims.rate}/s`, `p99 ${ms(claims.http.p99)}`, `${percentiles(claims.http)}; ${claims.claims} claims at ${claims.achievedRate.toFixed(1)}/s, ${claims.failed} failed`]);
    rows.push([`1  claim seen by the other ${claims.watchers} (send → socket)`, `p99 ${ms(claims.visibleFromSend.p99)}`, `${percentiles(claims.visibleFromSend)}  per (claim, admin)`]);
    rows.push(['   … by every one of them', `p99 ${ms(claims.everyoneFromSend.p99)}`, `${percentiles(claims.everyoneFromSend)}  per claim, the last admin to hear`]);
    rows.push(['   … counted from the 200', `p99 ${ms(claims.visibleFrom200.p99)}`, `${percentiles(claims.visibleFrom200)}  (min ${ms(claims.visibleFrom200.min)}: negative = before the 200)`]);
    rows.push(['   deliveries / missed', `${int(claims.deliveries)} / ${int(claims.missed)}`, `of ${int(claims.expectedDeliveries)}; repeated ${claims.repeats}, disconnects ${claims.disconnects}`]);
  }
  if (contended) {
    rows.push([`2  ${contended.contenders} claims of one mention at once`, `p99 ${ms(contended.settle.p99)}`, `${percentiles(contended.settle)}  first send → last answer, ${contended.rounds} rounds`]);
    rows.push(['   exactly one winner', `${contended.exactlyOneWinner} / ${contended.rounds}`, `rounds where row, 409s and audit log all agree: ${contended.consistentRounds} / ${contended.rounds}`]);
  }
  if (bulk) {
    for (const name of ['status', 'tag']) {
      const s = bulk[name];
      const label = name === 'status' ? `3  bulk status baru → selesai × ${bulk.items}` : `3  bulk tag × ${bulk.items}`;
      rows.push([label, `${sec(s.p50 / 1000)}`, `p50 of ${s.runs.length} calls: ${s.runs.map((run) => sec(run.seconds)).join(' / ')}; ${s.runs.map((run) => `${run.succeeded} ok, ${run.failed} failed`).join(' / ')}`]);
    }
  }
  if (board) {
    rows.push([`4  GET /desk/board, ${int(board.mentionsInDatabase)} mentions`, `p99 ${ms(board.latency.p99)}`, `${percentiles(board.latency)}; ${board.calls} calls, ${int(board.responseBytes)} bytes, ${int(board.unclaimedBaru)} unclaimed baru`]);
  }
  table(rows);

  header('CPU (cores busy, of ' + report.machine.nproc + ')');
  const cpuRows = [['before start (bench idle)', `${report.noise.idleBefore?.busyCores ?? 'n/a'}`, 'what others used while the bench did nothing']];
  if (claims) cpuRows.push(['1  claim visibility', `${claims.cpu?.busyCores ?? 'n/a'}`, cpuNote(claims.cpu)]);
  if (contended) cpuRows.push(['2  contended claim', `${contended.cpu?.busyCores ?? 'n/a'}`, cpuNote(contended.cpu)]);
  if (bulk) cpuRows.push(['3  bulk', `${bulk.cpu?.busyCores ?? 'n/a'}`, cpuNote(bulk.cpu)]);
  if (board) cpuRows.push(['4  board', `${board.cpu?.busyCores ?? 'n/a'}`, cpuNote(board.cpu)]);
  cpuRows.push(['after the run (bench idle)', `${report.noise.idleAfter?.busyCores ?? 'n/a'}`, `load average ${report.machine.loadavg.join(' ')} → ${report.noise.loadavgAfter.join(' ')}`]);
  table(cpuRows);
  if (report.noise.noisy) warn(`This run looked noisy: ${report.noise.reason}. Treat the figures as upper bounds of the times.`);
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

async function main(options, ctx) {
  const startedAt = Date.now();
  const { idleLoad, machineInfo } = await import('./bench/stats.mjs');
  const machine = machineInfo();
  header('Sigap desk benchmark');
  step('machine', `${machine.nproc} cores (${machine.cpuModel}), ${machine.memoryGiB} GiB, Node ${machine.node}, load ${machine.loadavg.join(' ')}`);
  const idleBefore = await idleLoad();
  step('idle load', `${idleBefore?.busyCores ?? 'n/a'} cores busy before the bench starts anything (others: ${idleBefore?.otherCores ?? 'n/a'})`);

  if (options.build) {
    const { build } = await import('./build.mjs');
    await build({ names: ['server'] });
  }
  ctx.checkAborted();

  const { postgres, redis } = await prepareIsolation(ctx, 'bench-desk');
  const stack = await stackVersions(ctx);
  step('versions', `PostgreSQL ${stack.postgres.version} (fsync ${stack.postgres.fsync}, synchronous_commit ${stack.postgres.synchronous_commit}), Redis ${stack.redis.version} (AOF ${stack.redis.appendonly})`);

  const sigap = await import('./bench/sigap.mjs');
  const desk = await import('./bench/desk.mjs');
  const results = {};
  const broken = [];
  const claimCount = Math.max(1, Math.round(options['claim-rate'] * options['claim-seconds']));
  const adminCount = Math.max(options.admins, options.contenders);
  if (options.admins < 2) throw new Error('--admins must be at least 2: one claims, the others watch');

  header(`Setup: ${int(options.mentions)} mentions through the API, ${adminCount} admins + 1 supervisor`);
  const app = await sigap.startSigap(ctx, { logLevel: options['log-level'] });
  step('stack', `api + 1 worker on ${app.baseUrl} (logs in tmp/bench-logs/)`);
  const ingested = await desk.ingest(ctx, app, { count: options.mentions, batch: options.batch, inFlight: options['in-flight'] });
  step('ingest', `${int(ingested.stored)} stored in ${sec(ingested.seconds)} (${int(ingested.mentionsPerSecond)}/s, batches of ${options.batch}, ${options['in-flight']} in flight)`);
  const opd = await desk.busiestOpd(ctx);
  const users = await desk.createDeskUsers(ctx, app, { opd: opd.code, admins: adminCount });
  step('users', `${adminCount} admins of ${opd.code} (${int(opd.mentions)} of the mentions are routed there) and a supervisor, signed in`);
  const claimable = await desk.claimableIds(ctx, opd.code, claimCount + options.rounds);
  if (claimable.length < claimCount + options.rounds) {
    throw new Error(`only ${claimable.length} unclaimed mentions are visible to ${opd.code}'s admins, ${claimCount + options.rounds} needed: raise --mentions or lower --claim-rate/--claim-seconds/--rounds`);
  }
  results.setup = { ingest: ingested, opd, admins: adminCount };

  header(`1/4 Claim visibility: ${options['claim-rate']}/s for ${options['claim-seconds']} s, ${options.admins} admins on /live`);
  const live = await desk.connectDeskClients(ctx, app, users.admins.slice(0, options.admins).map((admin) => admin.token));
  step('clients', `${options.admins} connected (admin 0 claims, the other ${options.admins - 1} watch)`);
  results.claims = await desk.claimVisibility(ctx, app, live, {
    claimer: users.admins[0],
    ids: claimable.slice(0, claimCount),
    rate: options['claim-rate'],
    drainTimeoutMs: 10_000,
  });
  step('visible', `p50 ${ms(results.claims.visibleFromSend.p50)}, p99 ${ms(results.claims.visibleFromSend.p99)} from the click; missed ${results.claims.missed}`);
  if (results.claims.failed > 0) broken.push(`stage 1: ${results.claims.failed} claim(s) failed, first: ${results.claims.failures[0]}`);
  if (results.claims.missed > 0) broken.push(`stage 1: ${results.claims.missed} (claim, admin) updates never arrived`);
  if (results.claims.disconnects > 0) broken.push(`stage 1: ${results.claims.disconnects} socket disconnect(s)`);

  header(`2/4 Contended claim: ${options.contenders} at once, ${options.rounds} rounds`);
  results.contended = await desk.contendedClaims(ctx, app, {
    contenders: users.admins.slice(0, options.contenders),
    ids: claimable.slice(claimCount, claimCount + options.rounds),
  });
  await live.close();
  step('contended', `settled p50 ${ms(results.contended.settle.p50)}, p99 ${ms(results.contended.settle.p99)}; one winner in ${results.contended.exactlyOneWinner}/${results.contended.rounds}`);
  for (const round of results.contended.badRounds.slice(0, 5)) {
    broken.push(`stage 2 round ${round.round}: ${round.winners} winner(s), ${round.refused} refused, ${round.other} other (${round.otherStatuses.join(', ')}); ${round.refusalsNamingSomeoneElse} refusals named someone else; row holder is winner: ${round.rowHolderIsWinner}; claim audit rows: ${round.claimAuditRows}`);
  }

  header(`3/4 Bulk: ${options['bulk-size']} ids × ${options['bulk-repeats']} repeats, status and tag`);
  const fresh = await desk.newIds(ctx, options['bulk-size'] * options['bulk-repeats']);
  if (fresh.length < options['bulk-size'] * options['bulk-repeats']) {
    throw new Error(`only ${fresh.length} unclaimed baru mentions left, ${options['bulk-size'] * options['bulk-repeats']} needed: raise --mentions or lower --bulk-size/--bulk-repeats`);
  }
  const idSets = Array.from({ length: options['bulk-repeats'] }, (_, r) => fresh.slice(r * options['bulk-size'], (r + 1) * options['bulk-size']));
  results.bulk = await desk.bulkActions(ctx, app, { supervisor: users.supervisor, idSets });
  step('bulk', `status p50 ${sec(results.bulk.status.p50 / 1000)}, tag p50 ${sec(results.bulk.tag.p50 / 1000)} per call`);
  broken.push(...results.bulk.problems.map((problem) => `stage 3: ${problem}`));

  header(`4/4 Board: ${options['board-calls']} calls`);
  results.board = await desk.boardLatency(ctx, app, { supervisor: users.supervisor, calls: options['board-calls'] });
  step('board', `p50 ${ms(results.board.latency.p50)}, p99 ${ms(results.board.latency.p99)}`);
  broken.push(...results.board.problems.map((problem) => `stage 4: ${problem}`));

  const idleAfter = await idleLoad();
  const os = await import('node:os');
  const reasons = noiseReasons(idleBefore, idleAfter, [results.claims.cpu, results.contended.cpu, results.bulk.cpu, results.board.cpu]);
  return {
    bench: 'sigap-desk',
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
}

await runBench({ defaults: DEFAULTS, main, printReport });
