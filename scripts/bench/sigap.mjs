// Stages 3 and 4 of `npm run bench`: Sigap itself (built api + one worker) driven over HTTP and
// watched over socket.io, like a platform connector and dashboards would. The desk bench
// (scripts/bench-desk.mjs) starts the stack and ingests its mentions with these helpers too.
import crypto from 'node:crypto';
import pg from 'pg';
import { ephemeralPort, sleep } from '../lib/util.mjs';
import { forkHelper, startServer } from './processes.mjs';
import { mentionFactory } from './mentions.mjs';
import { cpuMeter, now, summarize } from './stats.mjs';

/** Migrates the bench database and starts the API and one worker; resolves once both are usable. */
export async function startSigap(ctx, { logLevel }) {
  const port = await ephemeralPort();
  const admin = { email: 'bench@sigap.test', password: `pw-${crypto.randomBytes(12).toString('hex')}` };
  const env = {
    PATH: process.env.PATH,
    NODE_ENV: 'production',
    DATABASE_URL: ctx.databaseUrl,
    REDIS_URL: ctx.redisUrl,
    SIGAP_REDIS_PREFIX: ctx.prefix,
    PORT: String(port),
    JWT_SECRET: crypto.randomBytes(32).toString('hex'),
    SIGAP_INGEST_KEY: `ingest-${crypto.randomBytes(16).toString('hex')}`,
    SIGAP_ADMIN_EMAIL: admin.email,
    SIGAP_ADMIN_PASSWORD: admin.password,
    LOG_LEVEL: logLevel,
    // Pipeline tuning knobs pass through, so their effect can be measured: SIGAP_WORKER_CONCURRENCY=… npm run bench
    ...Object.fromEntries(Object.entries(process.env).filter(([name]) => /^SIGAP_(WORKER|STORE|JOB)_/.test(name))),
  };
  const migrate = startServer(ctx, 'migrate', env);
  const migrated = await ctx.guard(migrate.exited);
  if (migrated.code !== 0) throw new Error(`migrations failed (exit ${migrated.code}); see ${migrate.logFile}`);

  const api = startServer(ctx, 'api', env, { onUnexpectedExit: ctx.fail });
  const worker = startServer(ctx, 'worker', env, { onUnexpectedExit: ctx.fail });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    ctx.checkAborted();
    try {
      if ((await fetch(`${baseUrl}/api/health/ready`, { signal: AbortSignal.timeout(2000) })).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the API did not become ready within 90 s; see ${api.logFile}`);
    await sleep(200);
  }
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(admin),
  });
  if (!response.ok) throw new Error(`login failed: ${response.status} ${await response.text()}`);
  const { accessToken } = await response.json();
  const sigap = { baseUrl, ingestKey: env.SIGAP_INGEST_KEY, token: accessToken, api, worker };
  // The worker is usable once a warm-up mention comes back over the socket (see warmUp).
  return sigap;
}

function postMentions(sigap, body) {
  return fetch(`${sigap.baseUrl}/api/v1/mentions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': sigap.ingestKey },
    body,
  });
}

async function expectAccepted(response, count) {
  const text = await response.text();
  if (response.status !== 202) throw new Error(`POST /api/v1/mentions answered ${response.status}: ${text.slice(0, 300)}`);
  const accepted = JSON.parse(text).accepted;
  if (accepted !== count) throw new Error(`POST /api/v1/mentions accepted ${accepted} of ${count}: ${text.slice(0, 300)}`);
}

/** Batches of `batch` items, `inFlight` requests at a time; resolves with the time the last 202 arrived. */
export async function postInBatches(ctx, sigap, bodies, inFlight) {
  let next = 0;
  let lastAck = 0;
  const lane = async () => {
    while (next < bodies.length) {
      ctx.checkAborted();
      const { body, count } = bodies[next++];
      const response = await postMentions(sigap, body);
      await expectAccepted(response, count);
      lastAck = now();
    }
  };
  await Promise.all(Array.from({ length: inFlight }, lane));
  return lastAck;
}

export function buildBatches(idPrefix, count, batch) {
  const make = mentionFactory(idPrefix);
  const bodies = [];
  for (let start = 0; start < count; start += batch) {
    const items = Array.from({ length: Math.min(batch, count - start) }, (_, k) => make(start + k));
    bodies.push({ body: JSON.stringify({ items }), count: items.length });
  }
  return bodies;
}

export function liveClients(ctx, name) {
  return forkHelper(ctx, name, 'live-clients.mjs', { onUnexpectedExit: ctx.fail });
}

export async function connectClients(ctx, clients, sigap, count) {
  clients.send({ type: 'connect', baseUrl: sigap.baseUrl, token: sigap.token, clients: count });
  await ctx.guard(clients.next('connected', 30_000));
}

async function expect(ctx, clients, idPrefix, count) {
  clients.send({ type: 'expect', idPrefix, count });
  await ctx.guard(clients.next('expecting', 10_000));
}

/** Untimed: `count` mentions through the whole path, so JIT, pools and prepared plans are warm. */
export async function warmUp(ctx, sigap, clients, count) {
  const idPrefix = `warm-${ctx.runId}-${Math.random().toString(36).slice(2, 6)}`;
  await expect(ctx, clients, idPrefix, count);
  await postInBatches(ctx, sigap, buildBatches(idPrefix, count, 100), 2);
  await ctx.guard(clients.next('complete', 60_000));
}

/** How many of the stage's mentions are in the table, and when the last of them was written. */
export async function countStored(ctx, idPrefix) {
  const client = new pg.Client({ connectionString: ctx.databaseUrl });
  client.on('error', () => undefined);
  await client.connect();
  try {
    // stored_at defaults to now(), the start of the storing transaction: a close lower bound of its commit.
    const { rows } = await client.query(
      `SELECT count(*)::int AS n, (extract(epoch FROM max(stored_at)) * 1000)::float8 AS last
         FROM mentions WHERE external_id LIKE $1`,
      [`${idPrefix}-%`],
    );
    return { count: rows[0].n, lastStoredAt: rows[0].last };
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * 3. `count` mentions posted in `{items}` batches of `batch`, `inFlight` requests at a time; the
 * clock runs from the first POST until the (single) socket client holds every externalId.
 */
export async function sustainedIngest(ctx, sigap, clients, { count, batch, inFlight, drainTimeoutMs }) {
  const idPrefix = `b3-${ctx.runId}`;
  const bodies = buildBatches(idPrefix, count, batch);
  await expect(ctx, clients, idPrefix, count);
  const meter = cpuMeter(ctx.ownPids);
  const t0 = now();
  const complete = clients.next('complete', 0);
  complete.catch(() => undefined);
  const lastAck = await postInBatches(ctx, sigap, bodies, inFlight);
  let completeAt = null;
  try {
    completeAt = (await ctx.guard(Promise.race([complete, sleep(drainTimeoutMs).then(() => null)])))?.at ?? null;
  } catch (error) {
    if (ctx.aborted) throw error;
  }
  const cpu = meter.stop();
  clients.send({ type: 'collect' });
  const data = await ctx.guard(clients.next('data', 30_000));
  const client = data.clients[0];
  const stored = await countStored(ctx, idPrefix);
  const seconds = completeAt ? (completeAt - t0) / 1000 : NaN;
  return {
    count,
    batch,
    inFlight,
    requests: bodies.length,
    seconds,
    mentionsPerSecond: completeAt ? count / seconds : 0,
    httpSeconds: (lastAck - t0) / 1000,
    httpMentionsPerSecond: count / ((lastAck - t0) / 1000),
    received: client.received,
    missed: count - client.received,
    duplicates: client.duplicates,
    outOfOrder: client.outOfOrder,
    stored: stored.count,
    lastStoredSeconds: Number.isFinite(stored.lastStoredAt) ? (stored.lastStoredAt - t0) / 1000 : null,
    cpu,
  };
}

/**
 * 4. Open loop: mention i is due at start + i / rate, whatever happened to the ones before it
 * (one HTTP request each). Latency per (mention, client) = receipt on that client − arrival of
 * that mention's 202 at the sender.
 */
export async function latencyAtRate(ctx, sigap, clients, { rate, seconds, clientCount, drainTimeoutMs }) {
  const idPrefix = `b4-${ctx.runId}`;
  const total = Math.round(rate * seconds);
  const make = mentionFactory(idPrefix);
  const bodies = Array.from({ length: total }, (_, i) => JSON.stringify(make(i)));
  const scheduledAt = new Float64Array(total);
  const sentAt = new Float64Array(total).fill(NaN);
  const ackAt = new Float64Array(total).fill(NaN);
  const failures = [];
  await expect(ctx, clients, idPrefix, total);

  const complete = clients.next('complete', 0);
  complete.catch(() => undefined);
  const meter = cpuMeter(ctx.ownPids);
  const interval = 1000 / rate;
  const start = now() + 50;
  const inFlight = new Set();
  let next = 0;
  const fire = (i) => {
    sentAt[i] = now();
    const request = postMentions(sigap, bodies[i])
      .then(async (response) => {
        ackAt[i] = now();
        await expectAccepted(response, 1);
      })
      .catch((error) => failures.push(`${i}: ${error.message}`))
      .finally(() => inFlight.delete(request));
    inFlight.add(request);
  };
  await new Promise((resolve) => {
    const tick = () => {
      if (ctx.aborted) return resolve();
      const t = now();
      while (next < total && start + next * interval <= t) {
        scheduledAt[next] = start + next * interval;
        fire(next++);
      }
      if (next >= total) return resolve();
      setTimeout(tick, Math.max(0, start + next * interval - now()));
    };
    tick();
  });
  ctx.checkAborted();
  const sendWindow = (now() - start) / 1000;
  while (inFlight.size > 0) await ctx.guard(Promise.race([...inFlight]));
  if (failures.length > 0) throw new Error(`${failures.length} POST(s) failed during the latency stage, first: ${failures[0]}`);
  try {
    await ctx.guard(Promise.race([complete, sleep(drainTimeoutMs)]));
  } catch (error) {
    if (ctx.aborted) throw error;
  }
  const cpu = meter.stop();
  clients.send({ type: 'collect' });
  const data = await ctx.guard(clients.next('data', 30_000));

  const latencies = [];
  let missed = 0;
  let negative = 0;
  const fromSend = [];
  for (const client of data.clients) {
    for (let i = 0; i < total; i++) {
      const at = client.times[i];
      if (Number.isNaN(at)) {
        missed += 1;
        continue;
      }
      const latency = at - ackAt[i];
      if (latency < 0) negative += 1;
      latencies.push(latency);
      fromSend.push(at - sentAt[i]);
    }
  }
  const http = [];
  const lag = [];
  for (let i = 0; i < total; i++) {
    http.push(ackAt[i] - sentAt[i]);
    lag.push(sentAt[i] - scheduledAt[i]);
  }
  return {
    rate,
    seconds,
    mentions: total,
    clients: data.clients.length,
    expectedDeliveries: total * clientCount,
    deliveries: latencies.length,
    missed,
    duplicates: data.clients.reduce((sum, client) => sum + client.duplicates, 0),
    outOfOrder: data.clients.reduce((sum, client) => sum + client.outOfOrder, 0),
    disconnects: data.clients.reduce((sum, client) => sum + client.disconnects, 0),
    achievedRate: total / sendWindow,
    latency: summarize(latencies),
    negativeLatencies: negative,
    fromSend: summarize(fromSend),
    http: summarize(http),
    sendLag: summarize(lag),
    cpu,
  };
}
