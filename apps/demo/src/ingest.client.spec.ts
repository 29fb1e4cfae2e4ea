import type { MentionInput } from '@sigap/contracts';
import { IngestClient, IngestRejectedError, IngestUnavailableError } from './ingest.client';

const mention: MentionInput = {
  channel: 'x',
  externalId: '1',
  text: 'banjir di Gedebage',
  author: { handle: 'warga' },
  postedAt: '2025-01-15T08:00:00.000Z',
};

const json = (status: number, body: unknown): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('IngestClient', () => {
  const sleeps: number[] = [];
  const sleep = (ms: number): Promise<void> => {
    sleeps.push(ms);
    return Promise.resolve();
  };
  beforeEach(() => {
    sleeps.length = 0;
  });

  const clientWith = (fetch: unknown, options: Partial<ConstructorParameters<typeof IngestClient>[0]> = {}): IngestClient =>
    new IngestClient({ apiUrl: 'http://api.test', ingestKey: 'k', fetch: fetch as typeof globalThis.fetch, sleep, ...options });

  it('posts the batch with the key and returns the counts', async () => {
    const fetch = jest.fn((_url: string | URL | Request, _init?: RequestInit) =>
      Promise.resolve(json(202, { accepted: 1, duplicates: 0, rejected: 0, items: [] })),
    );
    const client = clientWith(fetch);

    await expect(client.send([mention])).resolves.toEqual({ accepted: 1, duplicates: 0, rejected: 0, retries: 0 });
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe('http://api.test/api/v1/mentions');
    expect(init?.method).toBe('POST');
    expect((init?.headers as Record<string, string>)['X-Api-Key']).toBe('k');
    expect(JSON.parse(init?.body as string)).toEqual({ items: [mention] });
  });

  it('retries network errors, 5xx and 429 with a growing backoff', async () => {
    const answers: (() => Promise<Response>)[] = [
      () => Promise.reject(new TypeError('fetch failed')),
      () => Promise.resolve(json(503, { message: 'busy' })),
      () => Promise.resolve(json(429, { message: 'slow down' })),
      () => Promise.resolve(json(202, { accepted: 0, duplicates: 1, rejected: 0, items: [] })),
    ];
    const fetch = jest.fn(() => answers.shift()!());
    const client = clientWith(fetch, { backoffMs: 100 });

    await expect(client.send([mention])).resolves.toEqual({ accepted: 0, duplicates: 1, rejected: 0, retries: 3 });
    expect(fetch).toHaveBeenCalledTimes(4);
    expect(sleeps).toHaveLength(3);
    expect(sleeps[1]).toBeGreaterThan(sleeps[0]);
    expect(sleeps[2]).toBeGreaterThan(sleeps[1]);
  });

  it('does not retry a request the API refuses', async () => {
    const fetch = jest.fn(() => Promise.resolve(json(401, { code: 'INVALID_API_KEY' })));
    const client = clientWith(fetch, { ingestKey: 'wrong' });

    const error = await client.send([mention]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IngestRejectedError);
    expect((error as IngestRejectedError).status).toBe(401);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('gives up after the last attempt', async () => {
    const fetch = jest.fn(() => Promise.resolve(json(500, {})));
    const client = clientWith(fetch, { maxAttempts: 3 });

    await expect(client.send([mention])).rejects.toBeInstanceOf(IngestUnavailableError);
    expect(fetch).toHaveBeenCalledTimes(3);
  });

  it('stops retrying when aborted', async () => {
    const controller = new AbortController();
    const fetch = jest.fn(() => Promise.reject(new TypeError('fetch failed')));
    const abortingSleep = (): Promise<void> => {
      controller.abort();
      return Promise.reject(new Error('aborted'));
    };
    const client = clientWith(fetch, { sleep: abortingSleep });

    await expect(client.send([mention], controller.signal)).rejects.toBeInstanceOf(IngestUnavailableError);
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});
