import type { Mention } from '@sigap/contracts';
import { MASK_CHAR, maskContactDetails, maskPersonalData } from './personal-data-mask';

const digitsOf = (text: string) => text.replace(/\D/g, '');

function mentionOf(overrides: Partial<Mention> = {}): Mention {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    seq: 1,
    channel: 'x',
    externalId: 'ext-1',
    text: 'hubungi 0812-3456-7890 atau warga@mail.com',
    author: { handle: 'warga_bdg', name: 'Warga Bandung', followers: 10, verified: false },
    postedAt: '2026-11-28T00:00:00.000Z',
    receivedAt: '2026-11-28T00:00:01.000Z',
    url: 'https://x.com/warga_bdg/status/1',
    inReplyTo: null,
    media: [{ url: 'https://pbs.example/1.jpg', type: 'image' }],
    location: { lat: -6.9, lon: 107.6 },
    status: 'baru',
    urgency: 'high',
    score: 0.8,
    opdCodes: ['DLH'],
    kecamatanCode: null,
    tags: { urgency: 'high', score: 0.8, opd: [], kecamatan: null, kelurahan: null, topic: null, reasons: ['kata: 0812-3456-7890'], ruleSetVersion: 'v1' },
    clusterId: null,
    clusterSize: 1,
    claimedBy: { id: 'u1', name: 'Admin DLH' },
    claimedAt: null,
    assignedTo: null,
    ticketNumber: 'BDG-2026-000001',
    labels: [],
    escalationLevel: 0,
    followUpOf: { mentionId: '00000000-0000-4000-8000-000000000009', ticketNumber: 'BDG-2026-000009' },
    followUpCount: 2,
    raw: { from: '6281234567890@s.whatsapp.net' },
    ...overrides,
  };
}

describe('maskContactDetails', () => {
  it.each([
    ['hubungi 0812-3456-7890 ya', '0812-3456-7890'],
    ['wa 081234567890', '081234567890'],
    ['nomor saya +62 812 3456 7890.', '+62 812 3456 7890'],
    ['nomor saya +62-812-3456-789', '+62-812-3456-789'],
    ['nomor saya 6281234567890', '6281234567890'],
    ['telp (022) 7654321 kantor', '(022) 7654321'],
    ['telp 022-7654321', '022-7654321'],
    ['hp: 0812.3456.7890', '0812.3456.7890'],
    ['NIK 3273012345678901 hilang', '3273012345678901'],
    ['kirim ke warga@mail.com', 'warga@mail.com'],
    ['email Budi.Santoso+lapor@gmail.co.id!', 'Budi.Santoso+lapor@gmail.co.id'],
    ['id 6281234567890@s.whatsapp.net', '6281234567890@s.whatsapp.net'],
    ['chat wa.me/6281234567890 sekarang', '6281234567890'],
  ])('masks the contact in %p', (text, contact) => {
    const masked = maskContactDetails(text);
    expect(masked).not.toContain(contact);
    expect(masked).toHaveLength(text.length);
    // No digit of the contact survives.
    expect(digitsOf(masked)).toBe(digitsOf(text.replace(contact, '')));
    expect(masked).toContain(MASK_CHAR);
  });

  it.each([
    'banjir 50 cm di Jl. Soekarno-Hatta no 120 sejak jam 07.30',
    'RT 02 RW 05 kelurahan 40123 Bandung',
    'harga Rp 1.500.000 terlalu mahal',
    'tahun 2026, 3 hari, 12 jam',
    'Jl. Asia Afrika No. 8, Bandung 40111',
  ])('leaves ordinary numbers alone in %p', (text) => {
    expect(maskContactDetails(text)).toBe(text);
  });

  it('masks several contacts in one text and keeps the words around them', () => {
    const masked = maskContactDetails('hubungi 0812-3456-7890 atau warga@mail.com, makasih');
    expect(masked.startsWith('hubungi ')).toBe(true);
    expect(masked).toContain(' atau ');
    expect(masked.endsWith(', makasih')).toBe(true);
    expect(masked).not.toMatch(/\d/);
    expect(masked).not.toContain('warga');
  });
});

describe('maskPersonalData', () => {
  it('masks the text and drops raw, location and url', () => {
    const masked = maskPersonalData(mentionOf());
    expect(masked.text).not.toContain('0812-3456-7890');
    expect(masked.text).not.toContain('warga@mail.com');
    expect(masked).not.toHaveProperty('raw');
    expect(masked.location).toBeNull();
    expect(masked.url).toBeNull();
    expect(masked.tags.reasons[0]).not.toContain('0812');
    expect(JSON.stringify(masked)).not.toContain('6281234567890');
  });

  it('keeps public handles and what the desk needs to read the item', () => {
    const original = mentionOf();
    const masked = maskPersonalData(original);
    expect(masked.author.handle).toBe('warga_bdg');
    expect(masked.author.name).toBe('Warga Bandung');
    expect(masked.media).toEqual(original.media);
    expect(masked).toMatchObject({ id: original.id, seq: 1, status: 'baru', urgency: 'high', opdCodes: ['DLH'], ticketNumber: original.ticketNumber, claimedBy: original.claimedBy });
    // Ticket numbers are not personal data: the link to an earlier ticket stays.
    expect(masked.followUpOf).toEqual(original.followUpOf);
    expect(masked.followUpCount).toBe(2);
  });

  it.each(['whatsapp', 'email'] as const)('hides the author and media of a %s message', (channel) => {
    const handle = channel === 'whatsapp' ? '+6281234567890' : 'warga@mail.com';
    const masked = maskPersonalData(mentionOf({ channel, author: { handle, name: 'Siti Aminah', followers: null, verified: false } }));
    expect(masked.author.handle).not.toContain(channel === 'whatsapp' ? '81234567890' : 'warga');
    expect(masked.author.name).toBeNull();
    expect(masked.media).toEqual([]);
    expect(JSON.stringify(masked)).not.toContain('Siti');
  });

  it('masks a place found in the text without moving its offsets', () => {
    const text = 'Banjir di depan rumah 081234567890 Jl. Merdeka';
    const place = { kecamatan: null, kelurahan: null, street: 'Jl. Merdeka', text: 'Jl. Merdeka', start: 35, end: 46 };
    const masked = maskPersonalData(mentionOf({ text, tags: { ...mentionOf().tags, place } }));
    expect(masked.text.slice(place.start, place.end)).toBe('Jl. Merdeka');
    expect(masked.tags.place).toEqual(place);
  });

  it('does not change the mention it is given', () => {
    const original = mentionOf();
    const copy = JSON.parse(JSON.stringify(original));
    maskPersonalData(original);
    expect(original).toEqual(copy);
  });
});
