// Stages of the desk bench (scripts/bench-desk.mjs): claims seen live by the other admins of an
// OPD, many admins claiming one mention at once, bulk actions, and the supervisor's board, all
// on the built API and worker (started by sigap.mjs) with users made directly in the database.
import argon2 from 'argon2';
import crypto from 'node:crypto';
import pg from 'pg';
import { sleep } from '../lib/util.mjs';
import { forkHelper } from './processes.mjs';
import { buildBatches, countStored, postInBatches } from './sigap.mjs';
import { cpuMeter, now, summarize } from './stats.mjs';

async function withDb(ctx, work) {
  const client = new pg.Client({ connectionString: ctx.databaseUrl });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function call(sigap, method, path, token, body) {
  const response = await fetch(`${sigap.baseUrl}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = { raw: text.slice(0, 300) };
  }
  return { status: response.status, body: parsed, bytes: text.length };
}

/**
 * Realistic mentions through the real ingest API (batches like `npm run bench` stage 3), then
 * waits until every one is stored; untimed setup, but the time is reported.
 */
export async function ingest(ctx, sigap, { count, batch, inFlight }) {
  const idPrefix = `desk-${ctx.runId}`;
  const bodies = buildBatches(idPrefix, count, batch);
  const t0 = now();
  const lastAck = await postInBatches(ctx, sigap, bodies, inFlight);
  const deadline = Date.now() + 120_000 + count * 10;
  let stored = 0;
  for (;;) {
    ctx.checkAborted();
    stored = (await countStored(ctx, idPrefix)).count;
    if (stored >= count) break;
    if (Date.now() > deadline) throw new Error(`only ${stored} of ${count} ingested mentions were stored in time; see tmp/bench-logs/worker.log`);
    await sleep(250);
  }
  const seconds = (now() - t0) / 1000;
  return { count, stored, seconds, mentionsPerSecond: count / seconds, httpSeconds: (lastAck - t0) / 1000 };
}

/** The OPD most of the ingested mentions are routed to: its admins have the most to share. */
export function busiestOpd(ctx) {
  return withDb(ctx, async (db) => {
    const { rows } = await db.query(
      `SELECT code, count(*)::int AS n FROM mentions, unnest(opd_codes) AS code
        WHERE code IN (SELECT code FROM opds) GROUP BY code ORDER BY n DESC, code LIMIT 1`,
    );
    if (!rows[0]) throw new Error('no ingested mention was routed to an OPD');
    return { code: rows[0].code, mentions: rows[0].n };
  });
}

/**
 * `admins` admins of `opd` and one supervisor, inserted like tests/support/stack.ts `createUser`
 * (argon2 hash; one hash shared by all, the password is the same), then signed in over the API.
 */
export async function createDeskUsers(ctx, sigap, { opd, admins }) {
  const password = `pw-${crypto.randomBytes(12).toString('hex')}`;
  const hash = await argon2.hash(password);
  const people = [
    ...Array.from({ length: admins }, (_, i) => ({ email: `admin${i}-${ctx.runId}@bench.sigap.test`, name: `Admin ${opd} ${i}`, role: 'admin', opds: [opd] })),
    { email: `supervisor-${ctx.runId}@bench.sigap.test`, name: 'Supervisor', role: 'supervisor', opds: [] },
  ];
  await withDb(ctx, async (db) => {
    for (const person of people) {
      const { rows } = await db.query(`INSERT INTO users (email, name, password_hash, role) VALUES ($1, $2, $3, $4) RETURNING id`, [
        person.email,
        person.name,
        hash,
        person.role,
      ]);
      person.id = rows[0].id;
      for (const code of person.opds) await db.query(`INSERT INTO user_opds (user_id, opd_code) VALUES ($1, $2)`, [person.id, code]);
    }
  });
  let next = 0;
  const lane = async () => {
    while (next < people.length) {
      ctx.checkAborted();
      const person = people[next++];
      const response = await fetch(`${sigap.baseUrl}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: person.email, password }),
      });
      if (!response.ok) throw new Error(`login of ${person.email} failed: ${response.status} ${await response.text()}`);
      person.token = (await response.json()).accessToken;
    }
  };
  await Promise.all(Array.from({ length: 4 }, lane));
  return { admins: people.slice(0, admins), supervisor: people[admins] };
}

/** Unclaimed `baru` mentions the OPD's admins may act on (routed to it, or to nobody), oldest first. */
export function claimableIds(ctx, opd, limit) {
  return withDb(ctx, async (db) => {
    const { rows } = await db.query(
      `SELECT id FROM mentions WHERE status = 'baru' AND claimed_by IS NULL AND (opd_codes && ARRAY[$1]::text[] OR opd_codes = '{}')
        ORDER BY seq LIMIT $2`,
      [opd, limit],
    );
    return rows.map((row) => row.id);
  });
}

/** Unclaimed `baru` mentions of any OPD, newest first (a supervisor sees them all). */
export function newIds(ctx, limit) {
  return withDb(ctx, async (db) => {
    const { rows } = await db.query(`SELECT id FROM mentions WHERE status = 'baru' AND claimed_by IS NULL ORDER BY seq DESC LIMIT $1`, [limit]);
    return rows.map((row) => row.id);
  });
}

export async function connectDeskClients(ctx, sigap, tokens) {
  const clients = forkHelper(ctx, 'bench-desk-live', 'desk-clients.mjs', { onUnexpectedExit: ctx.fail });
  clients.send({ type: 'connect', baseUrl: sigap.baseUrl, tokens });
  await ctx.guard(clients.next('connected', 60_000));
  return clients;
}

/**
 * 1. Open loop: admin 0 claims mention i at start + i / rate, one request each, whatever happened
 * to earlier ones. For every other admin's socket: receipt of the `mentionUpdated` naming a holder
 * − the claim's send time (what a colleague sees after the click), and − its 200.
 */
export async function claimVisibility(ctx, sigap, clients, { claimer, ids, rate, drainTimeoutMs }) {
  const total = ids.length;
  const sentAt = new Float64Array(total).fill(NaN);
  const ackAt = new Float64Array(total).fill(NaN);
  const failures = [];
  clients.send({ type: 'expect', ids });
  await ctx.guard(clients.next('expecting', 10_000));
  const complete = clients.next('complete', 0);
  complete.catch(() => undefined);
  const meter = cpuMeter(ctx.ownPids);
  const interval = 1000 / rate;
  const start = now() + 50;
  const inFlight = new Set();
  let next = 0;
  const fire = (i) => {
    sentAt[i] = now();
    const request = call(sigap, 'POST', `/mentions/${ids[i]}/claim`, claimer.token)
      .then((response) => {
        ackAt[i] = now();
        if (response.status !== 200) failures.push(`${ids[i]}: ${response.status} ${JSON.stringify(response.body).slice(0, 200)}`);
      })
      .catch((error) => failures.push(`${ids[i]}: ${error.message}`))
      .finally(() => inFlight.delete(request));
    inFlight.add(request);
  };
  await new Promise((resolve) => {
    const tick = () => {
      if (ctx.aborted) return resolve();
      const t = now();
      while (next < total && start + next * interval <= t) fire(next++);
      if (next >= total) return resolve();
      setTimeout(tick, Math.max(0, start + next * interval - now()));
    };
    tick();
  });
  ctx.checkAborted();
  const sendWindow = (now() - start) / 1000;
  while (inFlight.size > 0) await ctx.guard(Promise.race([...inFlight]));
  try {
    await ctx.guard(Promise.race([complete, sleep(drainTimeoutMs)]));
  } catch (error) {
    if (ctx.aborted) throw error;
  }
  const cpu = meter.stop();
  clients.send({ type: 'collect' });
  const data = await ctx.guard(clients.next('data', 30_000));

  // Client 0 is the claimer's own dashboard: it is not "everyone else".
  const others = data.clients.slice(1);
  const fromSend = [];
  const fromAck = [];
  const everyone = [];
  let missed = 0;
  for (let i = 0; i < total; i++) {
    if (Number.isNaN(ackAt[i]) || failures.some((failure) => failure.startsWith(ids[i]))) continue;
    let last = -Infinity;
    for (const client of others) {
      const at = client.times[i];
      if (Number.isNaN(at)) {
        missed += 1;
        last = NaN;
        continue;
      }
      fromSend.push(at - sentAt[i]);
      fromAck.push(at - ackAt[i]);
      last = Math.max(last, at);
    }
    if (Number.isFinite(last)) everyone.push(last - sentAt[i]);
  }
  const http = [];
  for (let i = 0; i < total; i++) if (Number.isFinite(ackAt[i])) http.push(ackAt[i] - sentAt[i]);
  return {
    rate,
    claims: total,
    achievedRate: total / sendWindow,
    watchers: others.length,
    failed: failures.length,
    failures: failures.slice(0, 5),
    http: summarize(http),
    expectedDeliveries: (total - failures.length) * others.length,
    deliveries: fromSend.length,
    missed,
    repeats: others.reduce((sum, client) => sum + client.repeats, 0),
    disconnects: data.clients.reduce((sum, client) => sum + client.disconnects, 0),
    visibleFromSend: summarize(fromSend),
    visibleFrom200: summarize(fromAck),
    everyoneFromSend: summarize(everyone),
    cpu,
  };
}

/**
 * 2. Each round, every contender claims the same fresh mention at once (one request each, all
 * sent before any answer is awaited). Settled = the last answer. Exactly one 200 must win; the
 * others get 409 naming the winner; the row and the audit log must agree.
 */
export async function contendedClaims(ctx, sigap, { contenders, ids }) {
  const settle = [];
  const rounds = [];
  const meter = cpuMeter(ctx.ownPids);
  for (const id of ids) {
    ctx.checkAborted();
    const t0 = now();
    const answers = await Promise.all(
      contenders.map((admin) =>
        call(sigap, 'POST', `/mentions/${id}/claim`, admin.token)
          .then((response) => ({ ...response, at: now(), admin }))
          .catch((error) => ({ status: 0, body: { message: error.message }, at: now(), admin })),
      ),
    );
    settle.push(Math.max(...answers.map((answer) => answer.at)) - t0);
    const won = answers.filter((answer) => answer.status === 200);
    const refused = answers.filter((answer) => answer.status === 409);
    const winnerId = won.length === 1 ? won[0].admin.id : null;
    const wrongHolder = refused.filter((answer) => answer.body?.details?.holder?.id !== winnerId).length;
    const { holder, audited } = await withDb(ctx, async (db) => {
      const row = await db.query(`SELECT claimed_by FROM mentions WHERE id = $1`, [id]);
      const audit = await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1 AND action = 'mention.claim'`, [id]);
      return { holder: row.rows[0]?.claimed_by ?? null, audited: audit.rows[0].n };
    });
    const round = {
      winners: won.length,
      refused: refused.length,
      other: answers.length - won.length - refused.length,
      otherStatuses: [...new Set(answers.filter((a) => a.status !== 200 && a.status !== 409).map((a) => a.status))],
      refusalsNamingSomeoneElse: wrongHolder,
      rowHolderIsWinner: winnerId !== null && holder === winnerId,
      claimAuditRows: audited,
    };
    round.ok = round.winners === 1 && round.other === 0 && round.refusalsNamingSomeoneElse === 0 && round.rowHolderIsWinner && round.claimAuditRows === 1;
    rounds.push(round);
  }
  const cpu = meter.stop();
  return {
    contenders: contenders.length,
    rounds: rounds.length,
    settle: summarize(settle),
    exactlyOneWinner: rounds.filter((round) => round.winners === 1).length,
    consistentRounds: rounds.filter((round) => round.ok).length,
    badRounds: rounds.map((round, index) => ({ round: index + 1, ...round })).filter((round) => !round.ok),
    cpu,
  };
}

/** 3. One `POST /mentions/bulk` per repeat and action, as a supervisor: wall time of each call. */
export async function bulkActions(ctx, sigap, { supervisor, idSets }) {
  const runs = { status: [], tag: [] };
  const problems = [];
  const meter = cpuMeter(ctx.ownPids);
  for (const [index, ids] of idSets.entries()) {
    const actions = {
      status: { kind: 'status', status: 'selesai' },
      tag: { kind: 'tag', add: [`bench-${index + 1}`] },
    };
    for (const [name, action] of Object.entries(actions)) {
      ctx.checkAborted();
      const t0 = now();
      const response = await call(sigap, 'POST', '/mentions/bulk', supervisor.token, { ids, action });
      const seconds = (now() - t0) / 1000;
      const result = response.body ?? {};
      const failed = Array.isArray(result.failed) ? result.failed.length : NaN;
      runs[name].push({ seconds, items: ids.length, succeeded: result.succeeded ?? 0, failed });
      if (response.status !== 200) problems.push(`bulk ${name} answered ${response.status}: ${JSON.stringify(response.body).slice(0, 200)}`);
      else if (failed > 0) problems.push(`bulk ${name}: ${failed} of ${ids.length} failed, first ${JSON.stringify(result.failed[0])}`);
    }
  }
  const cpu = meter.stop();
  const summary = (list) => ({ ...summarize(list.map((run) => run.seconds * 1000)), runs: list });
  return { items: idSets[0]?.length ?? 0, repeats: idSets.length, status: summary(runs.status), tag: summary(runs.tag), problems, cpu };
}

/** 4. `GET /desk/board` as a supervisor, one call at a time, after a few untimed ones. */
export async function boardLatency(ctx, sigap, { supervisor, calls, warmup = 3 }) {
  const problems = [];
  for (let i = 0; i < warmup; i++) await call(sigap, 'GET', '/desk/board', supervisor.token);
  const times = [];
  let bytes = 0;
  const meter = cpuMeter(ctx.ownPids);
  for (let i = 0; i < calls; i++) {
    ctx.checkAborted();
    const t0 = now();
    const response = await call(sigap, 'GET', '/desk/board', supervisor.token);
    times.push(now() - t0);
    bytes = response.bytes;
    if (response.status !== 200) problems.push(`board answered ${response.status}: ${JSON.stringify(response.body).slice(0, 200)}`);
  }
  const cpu = meter.stop();
  const counts = await withDb(ctx, async (db) => {
    const { rows } = await db.query(`SELECT count(*)::int AS total, count(*) FILTER (WHERE status = 'baru' AND claimed_by IS NULL)::int AS unclaimed FROM mentions`);
    return rows[0];
  });
  return { calls, latency: summarize(times), responseBytes: bytes, mentionsInDatabase: counts.total, unclaimedBaru: counts.unclaimed, problems: problems.slice(0, 5), failed: problems.length, cpu };
}
