import { parseMention } from './mention-input.schema';

const base = { channel: 'instagram', externalId: 'ig-1', text: 'Banjir di Cinambo', author: { handle: 'warga' }, postedAt: '2026-11-28T08:00:00+07:00' };

describe('parseMention', () => {
  it('accepts a full mention and keeps raw verbatim', () => {
    const raw = { any: ['shape', { at: 1 }] };
    const parsed = parseMention({ ...base, url: 'https://instagram.com/p/1', media: [{ url: 'https://x.id/a.jpg' }], location: { lat: -6.9, lon: 107.6 }, raw });
    expect(parsed.ok).toBe(true);
    expect(parsed.ok && parsed.mention.raw).toBe(raw);
  });

  it.each([
    [{ ...base, channel: 'friendster' }, 'channel'],
    [{ ...base, text: '   ' }, 'text'],
    [{ ...base, postedAt: '2026-11-28 08:00' }, 'postedAt'],
    [{ ...base, author: {} }, 'author.handle'],
    [{ ...base, author: { handle: 'x', followers: -1 } }, 'author.followers'],
    [{ ...base, url: 'javascript:alert(1)' }, 'url'],
    [{ ...base, location: { lat: 200, lon: 0 } }, 'location.lat'],
    [{ ...base, text: 'a\u0000b' }, 'text'],
    [{ ...base, raw: { k: 'a\u0000' } }, 'raw'],
  ])('rejects %j at %s', (input, field) => {
    const parsed = parseMention(input);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.errors.map((e) => e.field)).toContain(field);
  });
});
