import type { IngestResponse, MentionInput } from '@sigap/contracts';

export interface SendOutcome {
  accepted: number;
  duplicates: number;
  rejected: number;
  /** Attempts that failed before the last one (network errors, 5xx, 429). */
  retries: number;
}

/** The server refused the batch for good (4xx other than 429); retrying would not help. */
export class IngestRejectedError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
  ) {
    super(`ingest API answered ${status}: ${body.slice(0, 300)}`);
    this.name = 'IngestRejectedError';
  }
}

/** Every retry failed, or the send was aborted while waiting. */
export class IngestUnavailableError extends Error {
  constructor(
    message: string,
    readonly retries: number,
  ) {
    super(message);
    this.name = 'IngestUnavailableError';
  }
}

export interface IngestClientOptions {
  apiUrl: string;
  ingestKey: string;
  /** Attempts per batch, the first included. */
  maxAttempts?: number;
  /** Backoff before the first retry; it doubles up to `maxBackoffMs`. */
  backoffMs?: number;
  maxBackoffMs?: number;
  timeoutMs?: number;
  fetch?: typeof fetch;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

const abortableSleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new Error('aborted'));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new Error('aborted'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });

/** Posts batches to `POST /api/v1/mentions`, retrying network errors, 5xx and 429 with backoff. */
export class IngestClient {
  private readonly endpoint: string;
  private readonly maxAttempts: number;
  private readonly backoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly timeoutMs: number;
  private readonly fetchFn: typeof fetch;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;

  constructor(private readonly options: IngestClientOptions) {
    this.endpoint = `${options.apiUrl}/api/v1/mentions`;
    this.maxAttempts = options.maxAttempts ?? 8;
    this.backoffMs = options.backoffMs ?? 500;
    this.maxBackoffMs = options.maxBackoffMs ?? 15_000;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.fetchFn = options.fetch ?? fetch;
    this.sleep = options.sleep ?? abortableSleep;
  }

  async send(items: MentionInput[], signal?: AbortSignal): Promise<SendOutcome> {
    let lastProblem = '';
    for (let attempt = 0; attempt < this.maxAttempts; attempt++) {
      if (attempt > 0) {
        const delay = Math.min(this.maxBackoffMs, this.backoffMs * 2 ** (attempt - 1));
        try {
          // Jitter so that several demo instances do not retry in step.
          await this.sleep(delay * (0.75 + Math.random() * 0.5), signal);
        } catch {
          throw new IngestUnavailableError(`stopped while retrying (${lastProblem})`, attempt - 1);
        }
      }
      let response: Response;
      try {
        response = await this.fetchFn(this.endpoint, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Api-Key': this.options.ingestKey },
          body: JSON.stringify({ items }),
          signal: signal ? AbortSignal.any([signal, AbortSignal.timeout(this.timeoutMs)]) : AbortSignal.timeout(this.timeoutMs),
        });
      } catch (error) {
        if (signal?.aborted) throw new IngestUnavailableError('stopped while sending', attempt);
        lastProblem = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        continue;
      }
      const body = await response.text().catch(() => '');
      if (response.ok) {
        const result = parseIngestResponse(body);
        return result
          ? { accepted: result.accepted, duplicates: result.duplicates, rejected: result.rejected, retries: attempt }
          : { accepted: items.length, duplicates: 0, rejected: 0, retries: attempt };
      }
      if (response.status >= 500 || response.status === 429) {
        lastProblem = `HTTP ${response.status}`;
        continue;
      }
      throw new IngestRejectedError(response.status, body);
    }
    throw new IngestUnavailableError(`gave up after ${this.maxAttempts} attempts (${lastProblem})`, this.maxAttempts - 1);
  }
}

function parseIngestResponse(body: string): IngestResponse | null {
  try {
    const value = JSON.parse(body) as Partial<IngestResponse>;
    if (typeof value.accepted === 'number' && typeof value.duplicates === 'number' && typeof value.rejected === 'number') {
      return value as IngestResponse;
    }
  } catch {
    // Not JSON: count the batch as accepted, the status said so.
  }
  return null;
}
