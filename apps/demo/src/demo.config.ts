import { z } from 'zod';

export interface DemoConfig {
  /** Base URL of the Sigap API, without `/api/v1`. */
  apiUrl: string;
  ingestKey: string;
  /** How much faster than real time the scenario plays (2 = a 25-minute loop in 12.5 minutes). */
  speed: number;
  seed: string;
}

const schema = z.object({
  SIGAP_API_URL: z
    .string({ required_error: 'is required' })
    .url('must be a URL such as http://localhost:3000')
    .refine((value) => /^https?:\/\//i.test(value), 'must be an http(s) URL'),
  SIGAP_INGEST_KEY: z.string({ required_error: 'is required' }).min(1, 'must not be empty'),
  SIGAP_DEMO_SPEED: z.coerce
    .number({ invalid_type_error: 'must be a number' })
    .positive('must be a positive number')
    .max(1000, 'must be at most 1000')
    .default(1),
  SIGAP_DEMO_SEED: z.string().min(1, 'must not be empty').default('bandung'),
});

/** Thrown when the environment is not usable; the message names every bad variable. */
export class DemoConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`demo configuration: ${problems.join('; ')}`);
    this.name = 'DemoConfigError';
  }
}

/** Reads the demo's settings from the environment once, at start-up. */
export function loadDemoConfig(env: NodeJS.ProcessEnv = process.env): DemoConfig {
  // An empty optional variable means "not set".
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    throw new DemoConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`));
  }
  const { SIGAP_API_URL, SIGAP_INGEST_KEY, SIGAP_DEMO_SPEED, SIGAP_DEMO_SEED } = parsed.data;
  return { apiUrl: SIGAP_API_URL.replace(/\/+$/, ''), ingestKey: SIGAP_INGEST_KEY, speed: SIGAP_DEMO_SPEED, seed: SIGAP_DEMO_SEED };
}
