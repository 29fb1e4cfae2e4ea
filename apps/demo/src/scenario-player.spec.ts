import type { MentionInput } from '@sigap/contracts';
import { IngestRejectedError, type SendOutcome } from './ingest.client';
import { ScenarioPlayer } from './scenario-player';

describe('ScenarioPlayer', () => {
  let clock: number;
  let lines: Record<string, unknown>[];
  let batches: MentionInput[][];
  let answer: (items: MentionInput[]) => Promise<SendOutcome>;

  const client = {
    send: (items: MentionInput[]): Promise<SendOutcome> => {
      batches.push(items);
      return answer(items);
    },
  };
  // Runs at 1000× so that one 25-minute loop takes 1.5 s of the fake clock.
  const makePlayer = (batchSize = 1000): ScenarioPlayer =>
    new ScenarioPlayer({
      config: { seed: 'test', speed: 1000 },
      client,
      log: (line) => lines.push(line),
      now: () => clock,
      tickMs: 1e9,
      batchSize,
    });

  beforeEach(() => {
    clock = Date.parse('2025-01-15T08:00:00.000Z');
    lines = [];
    batches = [];
    answer = (items) => Promise.resolve({ accepted: items.length, duplicates: 0, rejected: 0, retries: 0 });
  });

  it('sends what is due, one request at a time, in batches the API takes', async () => {
    const player = makePlayer(300);
    player.start();
    clock += 600; // 10 minutes of scenario time
    player.tick();
    expect(batches).toHaveLength(1);
    player.tick(); // still in flight: no second request
    expect(batches).toHaveLength(1);
    await player.settle();
    player.tick();
    await player.settle();
    expect(batches).toHaveLength(2);
    expect(batches.every((batch) => batch.length <= 300)).toBe(true);
    expect(player.totals.sent).toBe(600);
    await player.stop();
  });

  it('starts the story over with new ids when it ends', async () => {
    const player = makePlayer();
    player.start();
    clock += 2_000;
    for (let i = 0; i < 30; i++) {
      player.tick();
      await player.settle();
    }
    expect(lines.some((line) => line.event === 'loop' && line.finished === 0)).toBe(true);
    clock += 2_000;
    for (let i = 0; i < 30; i++) {
      player.tick();
      await player.settle();
    }
    const keys = batches.flat().map((m) => `${m.channel}|${m.externalId}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(batches.flat().map((m) => (m.raw as { loop: number }).loop))).toEqual(new Set([0, 1]));
    await player.stop();
  });

  it('logs one JSON line a minute with the counts', async () => {
    answer = (items) => Promise.resolve({ accepted: items.length - 1, duplicates: 1, rejected: 0, retries: 0 });
    const player = makePlayer();
    player.start();
    clock += 100;
    player.tick();
    await player.settle();
    clock += 60_000;
    player.tick();
    await player.settle();
    const minute = lines.find((line) => line.event === 'minute');
    expect(minute).toMatchObject({ duplicates: 1, rejected: 0, loop: expect.any(Number) });
    expect(minute?.accepted).toBe((minute?.sent as number) - 1);
    expect(JSON.parse(JSON.stringify(minute))).toEqual(minute);
    await player.stop();
  });

  it('stops for good when the key is refused', async () => {
    answer = () => Promise.reject(new IngestRejectedError(401, '{"code":"INVALID_API_KEY"}'));
    const player = makePlayer();
    player.start();
    clock += 100;
    player.tick();
    await player.settle();
    expect(player.failure).toBeInstanceOf(IngestRejectedError);
    expect(lines.some((line) => line.event === 'error')).toBe(true);
    await player.stop();
  });

  it('waits for the request in flight when stopped and logs the totals', async () => {
    let release: () => void = () => undefined;
    answer = (items) =>
      new Promise((resolve) => {
        release = () => resolve({ accepted: items.length, duplicates: 0, rejected: 0, retries: 0 });
      });
    const player = makePlayer();
    player.start();
    clock += 100;
    player.tick();
    const stopped = player.stop();
    release();
    await stopped;
    const last = lines[lines.length - 1];
    expect(last.event).toBe('stop');
    expect((last.total as { sent: number }).sent).toBe(batches[0].length);
  });
});
