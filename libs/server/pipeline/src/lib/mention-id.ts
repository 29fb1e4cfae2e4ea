import { v5 as uuidv5 } from 'uuid';

const MENTION_NAMESPACE = '7f6f7c1e-3c1b-4f57-9a53-5b1a2d0c9e11';

/** The same (channel, externalId) always maps to the same id: retries collapse onto one row. */
export const mentionIdOf = (channel: string, externalId: string): string => uuidv5(`${channel}\n${externalId}`, MENTION_NAMESPACE);
