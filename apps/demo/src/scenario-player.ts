import { INGEST_LIMITS, type MentionInput } from '@sigap/contracts';
import type { DemoConfig } from './demo.config';
import { IngestRejectedError, type IngestClient, type SendOutcome } from './ingest.client';
import { generateScenario, type ScenarioEvent } from './scenario/scenario.generator';
import type { StorylineId } from './scenario/storylines';

export interface PlayerOptions {
  config: Pick<DemoConfig, 'seed' | 'speed'>;
  client: Pick<IngestClient, 'send'>;
  /** Writes one line of the log. */
  log: (line: Record<string, unknown>) => void;
  now?: () => number;
  tickMs?: number;
  reportEveryMs?: number;
  /** Mentions per request; the API takes at most 1000. */
  batchSize?: number;
}

interface Counters {
  generated: number;
  sent: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  retries: number;
  failedBatches: number;
  byStoryline: Partial<Record<StorylineId, number>>;
}

const emptyCounters = (): Counters => ({
  generated: 0,
  sent: 0,
  accepted: 0,
  duplicates: 0,
  rejected: 0,
  retries: 0,
  failedBatches: 0,
  byStoryline: {},
});

/**
 * Plays the scenario against the ingest API: every tick it queues what has come due and sends
 * it in one request (never two at once), then starts the story over with new ids when it ends.
 */
export class ScenarioPlayer {
  private readonly now: () => number;
  private readonly tickMs: number;
  private readonly reportEveryMs: number;
  private readonly batchSize: number;
  private readonly abort = new AbortController();
  private timer: NodeJS.Timeout | null = null;
  private inFlight: Promise<void> | null = null;

  private loop = 0;
  private loopStart = 0;
  private events: ScenarioEvent[] = [];
  private cursor = 0;
  private readonly queue: { mention: MentionInput; storyline: StorylineId }[] = [];

  private minute = emptyCounters();
  private readonly total = emptyCounters();
  private lastReport = 0;
  private fatal: Error | null = null;

  constructor(private readonly options: PlayerOptions) {
    this.now = options.now ?? Date.now;
    this.tickMs = options.tickMs ?? 250;
    this.reportEveryMs = options.reportEveryMs ?? 60_000;
    this.batchSize = Math.min(options.batchSize ?? 500, INGEST_LIMITS.maxItemsPerRequest);
  }

  /** Set when the API refused the demo for good (e.g. a wrong key); the player has stopped. */
  get failure(): Error | null {
    return this.fatal;
  }

  get totals(): Readonly<Counters> {
    return this.total;
  }

  start(): void {
    this.startLoop(0);
    this.lastReport = this.now();
    this.options.log({ event: 'start', seed: this.options.config.seed, speed: this.options.config.speed, loopMentions: this.events.length });
    this.timer = setInterval(() => this.tick(), this.tickMs);
  }

  /** Stops ticking, abandons retries, waits for the request in flight and logs the totals. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.abort.abort();
    await this.inFlight;
    this.report('stop');
  }

  /** One step; public so that tests can drive the player without timers. */
  tick(): void {
    const now = this.now();
    const due = (now - this.loopStart) * this.options.config.speed;
    while (this.cursor < this.events.length && this.events[this.cursor].at <= due) {
      const { mention, storyline } = this.events[this.cursor++];
      this.queue.push({ mention, storyline });
      this.count('generated', 1, storyline);
    }
    if (this.cursor >= this.events.length && this.queue.length === 0 && !this.inFlight) {
      this.options.log({ event: 'loop', finished: this.loop, mentions: this.events.length });
      this.startLoop(this.loop + 1);
    }
    if (!this.inFlight && this.queue.length > 0) {
      const batch = this.queue.splice(0, this.batchSize);
      this.inFlight = this.send(batch).finally(() => {
        this.inFlight = null;
      });
    }
    if (now - this.lastReport >= this.reportEveryMs) {
      this.lastReport = now;
      this.report('minute');
    }
  }

  /** Resolves once nothing is in flight (for tests). */
  async settle(): Promise<void> {
    while (this.inFlight) await this.inFlight;
  }

  private startLoop(loop: number): void {
    this.loop = loop;
    this.loopStart = this.now();
    this.events = generateScenario({ seed: this.options.config.seed, loop, startAt: this.loopStart, speed: this.options.config.speed });
    this.cursor = 0;
  }

  private async send(batch: { mention: MentionInput; storyline: StorylineId }[]): Promise<void> {
    let outcome: SendOutcome;
    try {
      outcome = await this.options.client.send(
        batch.map((item) => item.mention),
        this.abort.signal,
      );
    } catch (error) {
      // A batch abandoned because the demo is stopping is not a failure of the API.
      if (this.abort.signal.aborted) return;
      this.count('failedBatches', 1);
      if (error instanceof IngestRejectedError && (error.status === 401 || error.status === 403)) {
        this.fatal = error;
        if (this.timer) clearInterval(this.timer);
        this.timer = null;
      }
      this.options.log({ event: 'error', size: batch.length, message: error instanceof Error ? error.message : String(error) });
      return;
    }
    this.count('sent', batch.length);
    this.count('accepted', outcome.accepted);
    this.count('duplicates', outcome.duplicates);
    this.count('rejected', outcome.rejected);
    this.count('retries', outcome.retries);
  }

  private count(key: Exclude<keyof Counters, 'byStoryline'>, amount: number, storyline?: StorylineId): void {
    this.minute[key] += amount;
    this.total[key] += amount;
    if (storyline) {
      this.minute.byStoryline[storyline] = (this.minute.byStoryline[storyline] ?? 0) + amount;
      this.total.byStoryline[storyline] = (this.total.byStoryline[storyline] ?? 0) + amount;
    }
  }

  private report(event: 'minute' | 'stop'): void {
    const { byStoryline, ...minute } = this.minute;
    const { byStoryline: _all, ...total } = this.total;
    this.options.log({
      event,
      loop: this.loop,
      scenarioSecond: Math.floor(((this.now() - this.loopStart) * this.options.config.speed) / 1000),
      queued: this.queue.length,
      ...minute,
      byStoryline,
      total,
    });
    this.minute = emptyCounters();
  }
}
