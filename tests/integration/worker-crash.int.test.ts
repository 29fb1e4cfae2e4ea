import { randomUUID } from 'node:crypto';
import type { IngestResponse } from '@sigap/contracts';
import { countMentions, ingestQueue, mention, postMentions, startStack, waitFor, type Stack } from '../support/stack';

const post = async (stack: Stack, prefix: string, from: number, to: number) => {
  const items = Array.from({ length: to - from }, (_, i) => mention(`${prefix}${from + i}`, `Banjir di Gedebage laporan ${from + i}`));
  const response = await postMentions(stack, { items });
  expect(response.status).toBe(202);
  expect(((await response.json()) as IngestResponse).accepted).toBe(items.length);
};

describe('pipeline: a worker that dies mid-batch loses nothing and doubles nothing', () => {
  let stack: Stack;

  beforeAll(async () => {
    // A short lock so the killed worker's jobs are recovered in seconds, not the default 30 s.
    stack = await startStack({ withWorker: false, workerEnv: { SIGAP_JOB_LOCK_MS: '2000' } });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('recovers jobs a killed worker held in an unwritten batch', async () => {
    const prefix = `held-${randomUUID()}-`;
    // The first worker holds its batch for 60 s, so it is certainly mid-batch when it is killed.
    const doomed = await stack.startWorker({ SIGAP_STORE_BATCH_WINDOW_MS: '60000', SIGAP_STORE_BATCH_SIZE: '5000' });
    await post(stack, prefix, 0, 300);
    await waitFor('the worker to take jobs', async () => {
      return (await activeJobs(stack)) > 0 ? true : undefined;
    });
    await stack.stopProcess(doomed, 'SIGKILL');
    expect(await countMentions(stack, prefix)).toBe(0);

    await stack.startWorker();
    await waitFor('all 300 rows after restart', async () => ((await countMentions(stack, prefix)) === 300 ? true : undefined), 90_000);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await countMentions(stack, prefix)).toBe(300);
  });

  it('finishes the batch it holds when stopped gracefully (SIGTERM), with no other worker running', async () => {
    const prefix = `graceful-${randomUUID()}-`;
    for (const other of stack.workers.filter((w) => w.exitCode === null && w.signalCode === null)) {
      await stack.stopProcess(other, 'SIGTERM');
    }
    const worker = await stack.startWorker({ SIGAP_STORE_BATCH_WINDOW_MS: '20000', SIGAP_STORE_BATCH_SIZE: '5000' });
    await post(stack, prefix, 0, 150);
    await waitFor('the worker to take jobs', async () => ((await activeJobs(stack)) > 0 ? true : undefined));
    expect(await countMentions(stack, prefix)).toBe(0);
    await stack.stopProcess(worker, 'SIGTERM');
    // Nest re-raises the signal after its shutdown hooks ran, so a clean stop ends by SIGTERM, not a crash.
    expect(worker.exitCode === 0 || worker.signalCode === 'SIGTERM').toBe(true);
    // Everything the worker had taken is written or handed back; nothing is left active.
    const stored = await countMentions(stack, prefix);
    expect(await activeJobs(stack)).toBe(0);
    expect(stored).toBeGreaterThan(0);
    await stack.startWorker();
    await waitFor('all 150 rows', async () => ((await countMentions(stack, prefix)) === 150 ? true : undefined));
  });

  it('keeps every mention exactly once when a worker is killed while batches are being written', async () => {
    const prefix = `stream-${randomUUID()}-`;
    const victim = stack.workers.find((w) => w.exitCode === null && w.signalCode === null);
    if (!victim) throw new Error('no live worker');
    const total = 2000;
    const sending = (async () => {
      for (let from = 0; from < total; from += 100) await post(stack, prefix, from, from + 100);
    })();
    await waitFor('some rows stored', async () => ((await countMentions(stack, prefix)) > 200 ? true : undefined));
    await stack.stopProcess(victim, 'SIGKILL');
    await sending;
    await stack.startWorker();
    await waitFor(`all ${total} rows`, async () => ((await countMentions(stack, prefix)) === total ? true : undefined), 120_000);
    await new Promise((r) => setTimeout(r, 1500));
    const { rows } = await stack.db.query(
      `SELECT count(*)::int AS n, count(DISTINCT external_id)::int AS d FROM mentions WHERE external_id LIKE $1`,
      [`${prefix}%`],
    );
    expect(rows[0]).toEqual({ n: total, d: total });
  });
});

async function activeJobs(stack: Stack): Promise<number> {
  const queue = ingestQueue(stack.env.REDIS_URL as string, stack.prefix);
  try {
    return await queue.getActiveCount();
  } finally {
    await queue.close();
  }
}
