import { CHANNELS } from '@sigap/contracts';
import { createHash } from 'node:crypto';
import { generateChannelKey, hashIngestKey } from './channel-key';

describe('generateChannelKey', () => {
  it.each(CHANNELS.map((channel) => [channel]))('makes sgp_%s_<43 base64url characters>', (channel) => {
    const { key, prefix } = generateChannelKey(channel);
    expect(key).toMatch(new RegExp(`^sgp_${channel}_[A-Za-z0-9_-]{43}$`));
    expect(key.startsWith(prefix)).toBe(true);
    expect(prefix).toHaveLength(`sgp_${channel}_`.length + 6);
  });

  it('stores the SHA-256 of the key, never the key', () => {
    const { key, hash } = generateChannelKey('x');
    expect(hash).toBe(createHash('sha256').update(key).digest('hex'));
    expect(hash).not.toContain(key.slice(6));
    expect(hashIngestKey(key)).toBe(hash);
    expect(hashIngestKey(`${key}a`)).not.toBe(hash);
  });

  it('never makes the same key twice', () => {
    const keys = new Set(Array.from({ length: 1000 }, () => generateChannelKey('web').key));
    expect(keys.size).toBe(1000);
  });
});
