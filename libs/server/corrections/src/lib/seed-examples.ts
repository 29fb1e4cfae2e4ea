import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { URGENCIES, type Urgency } from '@sigap/contracts';

/** One labelled message of libs/triage/eval. */
export interface SeedExample {
  id: string;
  text: string;
  urgency: Urgency;
  opd: string | null;
  split: 'dev' | 'heldout';
}

const EVAL_DIR = join('libs', 'triage', 'eval');

/** The repository's labelled set, found from here upwards (the sources and the built tree alike). */
export function findEvalDir(from: string = __dirname): string | null {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, EVAL_DIR);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return null;
  }
}

export function loadSeedExamples(dir: string): SeedExample[] {
  const examples: SeedExample[] = [];
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.jsonl')).sort()) {
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const value = JSON.parse(line) as Partial<SeedExample>;
      if (
        typeof value.id === 'string' &&
        typeof value.text === 'string' &&
        URGENCIES.includes(value.urgency as Urgency) &&
        (value.opd === null || typeof value.opd === 'string') &&
        (value.split === 'dev' || value.split === 'heldout')
      ) {
        examples.push(value as SeedExample);
      }
    }
  }
  return examples;
}
