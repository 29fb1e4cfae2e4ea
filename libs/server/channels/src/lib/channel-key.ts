import { CHANNEL_KEY_PREFIX, type Channel } from '@sigap/contracts';
import { createHash, randomBytes } from 'node:crypto';

/** Random characters of the key kept (with `sgp_<channel>_`) as its recognisable prefix. */
const PREFIX_RANDOM_CHARS = 6;

export interface GeneratedChannelKey {
  /** Shown once to the superadmin, never stored. */
  key: string;
  /** SHA-256 of the key, hex: what is stored and looked up. */
  hash: string;
  /** `sgp_<channel>_` and the first random characters, to recognise the key. */
  prefix: string;
}

/**
 * SHA-256 of an API key, hex. A key carries 256 random bits, so a fast unsalted hash is enough:
 * there is nothing to brute-force, and the ingest hot path needs one hash per request.
 */
export const hashIngestKey = (key: string): string => createHash('sha256').update(key).digest('hex');

/** A new key for one channel: `sgp_<channel>_<32 random bytes, base64url>`. */
export function generateChannelKey(channel: Channel): GeneratedChannelKey {
  const head = `${CHANNEL_KEY_PREFIX}${channel}_`;
  const key = `${head}${randomBytes(32).toString('base64url')}`;
  return { key, hash: hashIngestKey(key), prefix: key.slice(0, head.length + PREFIX_RANDOM_CHARS) };
}
