#!/usr/bin/env node
// `npm run -s classify`: triage from the command line, with no database and no network.
//
//   stdin:  one JSON object per line: { "id": "…", "text": "…" } (optional "postedAt": ISO time,
//           used to close near-duplicate clusters after their window; without it every line
//           counts as said at the same moment)
//   stdout: one JSON object per input line, in order:
//           { "id", "urgency", "score", "opd": [{ "code", "confidence" }], "topic", "place",
//             "language", "sentiment", "misinformation", "clusterId", "reasons" }
//           or { "id"?, "error" } for a line that cannot be read; the next lines go on.
//
// Lines are read and answered as they come (backpressure both ways), so it works on a pipe of
// any length. `clusterId` is the id of the first line that said (nearly) the same thing, in the
// same place, within 6 hours. Errors that stop it go to stderr, with exit code 1.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { loadTriage } = require('./lib/load-triage.cjs');

// Without timestamps nothing expires, so the open clusters are capped for memory (~1 kB each).
const MAX_CLUSTERS = 50_000;

function createClassifier(triage) {
  const { DEFAULT_RULE_SET, createTriageEngine, createTextNormalizer, NearDuplicateClusterer } = triage;
  const engine = createTriageEngine(DEFAULT_RULE_SET);
  const clusterer = new NearDuplicateClusterer(createTextNormalizer(DEFAULT_RULE_SET.lexicon), { maxClusters: MAX_CLUSTERS });
  const startedAt = Date.now();

  const fail = (error, id) => (id === undefined ? { error } : { id, error });

  /** One input line → one output object. */
  return (line) => {
    let input;
    try {
      input = JSON.parse(line);
    } catch (error) {
      return fail(`not JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (input === null || typeof input !== 'object' || Array.isArray(input)) return fail('expected an object { "id", "text" }');
    const { id, text, postedAt } = input;
    const validId = (typeof id === 'string' && id.length > 0) || (typeof id === 'number' && Number.isFinite(id));
    if (!validId) return fail(id === undefined ? 'id is missing' : 'id must be a non-empty string or a number');
    if (typeof text !== 'string') return fail(text === undefined ? 'text is missing' : 'text must be a string', id);
    let at = startedAt;
    if (postedAt !== undefined) {
      at = typeof postedAt === 'string' ? Date.parse(postedAt) : NaN;
      if (!Number.isFinite(at)) return fail('postedAt must be an ISO 8601 time', id);
    }
    try {
      const tags = engine.classify({ text });
      const area = { kecamatan: tags.kecamatan, kelurahan: tags.kelurahan };
      // Engines from before `place` existed name only the area.
      const place = tags.place !== undefined ? tags.place : tags.kecamatan ? area : null;
      const { clusterId } = clusterer.assign({ id, at, text, place: place ?? area });
      return {
        id,
        urgency: tags.urgency,
        score: tags.score,
        opd: tags.opd.map(({ code, confidence }) => ({ code, confidence })),
        topic: tags.topic,
        place,
        language: tags.language ?? null,
        sentiment: tags.sentiment ?? null,
        misinformation: tags.misinformation ?? null,
        clusterId,
        reasons: tags.reasons,
      };
    } catch (error) {
      return fail(`could not classify: ${error instanceof Error ? error.message : String(error)}`, id);
    }
  };
}

function main() {
  let classify;
  try {
    classify = createClassifier(loadTriage());
  } catch (error) {
    process.stderr.write(`classify: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }

  process.stdout.on('error', (error) => {
    // The reader went away (`| head`): stop quietly.
    if (error.code === 'EPIPE') process.exit(0);
    process.stderr.write(`classify: ${error.message}\n`);
    process.exit(1);
  });

  let pending = '';
  const answer = (lines) => {
    let out = '';
    for (const raw of lines) {
      const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      if (line.trim() === '') continue;
      out += `${JSON.stringify(classify(line))}\n`;
    }
    return out === '' || process.stdout.write(out);
  };

  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (chunk) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    if (!answer(lines)) {
      process.stdin.pause();
      process.stdout.once('drain', () => process.stdin.resume());
    }
  });
  process.stdin.on('end', () => {
    answer([pending]);
    pending = '';
  });
}

main();
