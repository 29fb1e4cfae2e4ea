import { parseTicketNumber, seqOfTicketNumber, ticketNumberOf, ticketNumbersIn, TICKETS_PER_TEXT } from './status-workflow';

describe('ticket numbers', () => {
  it('are made from the year received (UTC) and the stream position', () => {
    expect(ticketNumberOf(123, '2026-03-01T10:00:00Z')).toBe('BDG-2026-000123');
    expect(ticketNumberOf(1_234_567, new Date('2025-12-31T23:59:59Z'))).toBe('BDG-2025-1234567');
  });

  it('parse back whatever the case and surrounding spaces, to the canonical form', () => {
    expect(parseTicketNumber('  bdg-2026-000123 ')).toEqual({ ticketNumber: 'BDG-2026-000123', year: 2026, seq: 123 });
    expect(parseTicketNumber('BDG-2026-0000123')).toEqual({ ticketNumber: 'BDG-2026-000123', year: 2026, seq: 123 });
    expect(seqOfTicketNumber('BDG-2026-1234567')).toBe(1_234_567);
  });

  it.each(['', 'BDG-2026-12345', 'BDG-26-000123', 'JKT-2026-000123', 'BDG-2026-000000', 'BDG-2026-000123x', 'tiket BDG-2026-000123', 'BDG-2026-1234567890123456'])(
    'refuse %p',
    (text) => {
      expect(parseTicketNumber(text)).toBeNull();
      expect(seqOfTicketNumber(text)).toBeNull();
    },
  );
});

describe('ticketNumbersIn', () => {
  it('finds a quoted ticket in any case, in canonical form', () => {
    expect(ticketNumbersIn('Min, ini lanjutan tiket BDG-2026-000123 ya, air masih naik')).toEqual([
      { ticketNumber: 'BDG-2026-000123', year: 2026, seq: 123 },
    ]);
    expect(ticketNumbersIn('cek bdg-2026-000042!!').map((ref) => ref.ticketNumber)).toEqual(['BDG-2026-000042']);
    expect(ticketNumbersIn('(Bdg-2025-004567), gimana?').map((ref) => ref.ticketNumber)).toEqual(['BDG-2025-004567']);
  });

  it('keeps the order written and lists each ticket once', () => {
    const text = 'tiket BDG-2026-000002 dan BDG-2026-000001, sekali lagi bdg-2026-000002';
    expect(ticketNumbersIn(text).map((ref) => ref.ticketNumber)).toEqual(['BDG-2026-000002', 'BDG-2026-000001']);
  });

  it('ignores numbers glued to other words or digits, too short, or position zero', () => {
    expect(ticketNumbersIn('kodeBDG-2026-000123 BDG-2026-0001234567890123456 BDG-2026-12345 BDG-2026-000000 XBDG-2026-000001')).toEqual([]);
    expect(ticketNumbersIn('tidak ada tiket di sini')).toEqual([]);
  });

  it('stops at the limit', () => {
    const text = Array.from({ length: TICKETS_PER_TEXT + 3 }, (_, i) => `BDG-2026-${String(i + 1).padStart(6, '0')}`).join(' ');
    expect(ticketNumbersIn(text)).toHaveLength(TICKETS_PER_TEXT);
    expect(ticketNumbersIn(text, 2).map((ref) => ref.seq)).toEqual([1, 2]);
  });
});
