/**
 * Collects items from many concurrent callers and writes them with one call per batch.
 * Each caller's promise settles when the batch holding its item is written, so a job is only
 * completed once its row is durable.
 */
export class StoreBatcher<T, R> {
  private pending: { item: T; resolve: (result: R) => void; reject: (error: unknown) => void }[] = [];
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    /** Returns one result per item, in order; an `Error` in a slot fails only that item. */
    private readonly write: (items: T[]) => Promise<(R | Error)[]>,
    private readonly options: { maxBatch: number; windowMs: number },
  ) {}

  add(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      if (this.pending.length >= this.options.maxBatch) {
        this.schedule(0);
      } else if (!this.timer) {
        this.schedule(this.options.windowMs);
      }
    });
  }

  /** Writes whatever is waiting now; resolves when every batch so far is written. */
  async drain(): Promise<void> {
    while (this.pending.length > 0) {
      if (this.timer) clearTimeout(this.timer);
      this.timer = null;
      this.flushing = this.flushing.then(() => this.flush());
      await this.flushing;
    }
    await this.flushing;
  }

  private schedule(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      // Batches are written one after another, never in parallel.
      this.flushing = this.flushing.then(() => this.flush());
    }, delayMs);
  }

  private async flush(): Promise<void> {
    const batch = this.pending.splice(0, this.options.maxBatch);
    if (this.pending.length > 0) this.schedule(0);
    if (batch.length === 0) return;
    try {
      const results = await this.write(batch.map((entry) => entry.item));
      batch.forEach((entry, i) => {
        const result = results[i];
        if (result instanceof Error) entry.reject(result);
        else entry.resolve(result);
      });
    } catch (error) {
      batch.forEach((entry) => entry.reject(error));
    }
  }
}
