import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const ROOT = join(__dirname, '..', '..');

/** `npm run -s classify`, exactly as a user runs it: no database, no build step. */
function startCli(): ChildProcessWithoutNullStreams {
  return spawn('npm', ['run', '-s', 'classify'], { cwd: ROOT, env: { PATH: process.env.PATH, HOME: process.env.HOME }, stdio: 'pipe' });
}

async function classify(lines: string[]): Promise<{ out: Record<string, unknown>[]; raw: string; stderr: string; code: number | null }> {
  const child = startCli();
  let raw = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  child.stdin.end(lines.join('\n'));
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  const out = raw
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { out, raw, stderr, code };
}

const FLOOD = 'Banjir sedada di Jl. Soekarno-Hatta dekat Gedebage, warga terjebak di lantai dua, tolong!!';

describe('npm run -s classify', () => {
  it('answers every line in order, clusters near-duplicates, and reports bad lines without stopping', async () => {
    const { out, stderr, code } = await classify([
      JSON.stringify({ id: 'storm-1', text: FLOOD }),
      JSON.stringify({ id: 'storm-2', text: `RT @infobdg: ${FLOOD}` }),
      'this is not json',
      JSON.stringify({ id: 'storm-3', text: `${FLOOD.toLowerCase()} #banjirbandung` }),
      '',
      JSON.stringify({ text: 'no id here' }),
      JSON.stringify({ id: 'no-text' }),
      `${JSON.stringify({ id: 42, text: 'Lampu PJU di Jl. Riau mati sudah seminggu, gelap sekali kalau malam' })}\r`,
      JSON.stringify(['an', 'array']),
      JSON.stringify({ id: 'late', text: FLOOD, postedAt: 'yesterday-ish' }),
    ]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(out).toHaveLength(9);

    const [first, second, notJson, third, noId, noText, light, array, badTime] = out;
    for (const result of [first, second, third, light]) {
      expect(Object.keys(result)).toEqual([
        'id',
        'urgency',
        'score',
        'opd',
        'topic',
        'place',
        'language',
        'sentiment',
        'misinformation',
        'clusterId',
        'reasons',
      ]);
      expect(['critical', 'high', 'normal', 'low']).toContain(result.urgency);
      expect(result.score).toEqual(expect.any(Number));
      expect(result.reasons).toEqual(expect.arrayContaining([expect.any(String)]));
      for (const opd of result.opd as unknown[]) expect(opd).toEqual({ code: expect.any(String), confidence: expect.any(Number) });
    }
    expect(first).toMatchObject({ id: 'storm-1', urgency: 'critical', topic: 'banjir', clusterId: 'storm-1' });
    expect(second).toMatchObject({ id: 'storm-2', clusterId: 'storm-1' });
    expect(third).toMatchObject({ id: 'storm-3', clusterId: 'storm-1' });
    expect(light).toMatchObject({ id: 42, clusterId: 42 });
    expect(first.opd).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'KEC-3273101' })]));

    expect(notJson).toEqual({ error: expect.stringMatching(/not JSON/) });
    expect(noId).toEqual({ error: 'id is missing' });
    expect(noText).toEqual({ id: 'no-text', error: 'text is missing' });
    expect(array).toEqual({ error: expect.stringMatching(/object/) });
    expect(badTime).toEqual({ id: 'late', error: expect.stringMatching(/postedAt/) });
  });

  it('answers a line before the next one is written (streams, does not wait for the end)', async () => {
    const child = startCli();
    const answers = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    try {
      for (const id of ['s1', 's2', 's3']) {
        child.stdin.write(`${JSON.stringify({ id, text: `Sampah menumpuk di TPS Cicadas sudah ${id} hari, bau sekali` })}\n`);
        const { value } = await answers.next();
        expect(JSON.parse(value as string)).toMatchObject({ id, clusterId: expect.any(String) });
      }
    } finally {
      child.stdin.end();
      await new Promise((resolve) => child.once('close', resolve));
    }
  });

  it('closes a cluster when postedAt moves past its window', async () => {
    const text = 'Pohon tumbang menimpa mobil di Jl. Pasteur depan BTC, jalan tertutup total';
    const { out } = await classify([
      JSON.stringify({ id: 'p1', text, postedAt: '2025-03-12T07:00:00Z' }),
      JSON.stringify({ id: 'p2', text, postedAt: '2025-03-12T12:00:00Z' }),
      JSON.stringify({ id: 'p3', text, postedAt: '2025-03-13T07:00:00Z' }),
    ]);
    expect(out.map((result) => result.clusterId)).toEqual(['p1', 'p1', 'p3']);
  });
});
