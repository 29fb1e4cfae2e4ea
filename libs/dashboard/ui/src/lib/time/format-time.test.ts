import { describe, expect, it } from 'vitest';
import { formatRelative, formatWib, formatWibDate, toLanguage } from './format-time';

const NOW = Date.parse('2025-03-12T07:00:00.000Z'); // 14:00 WIB
const ago = (ms: number): string => new Date(NOW - ms).toISOString();
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('formatRelative', () => {
  it('says "baru saja" for the last 45 seconds and for times slightly ahead', () => {
    expect(formatRelative(ago(10_000), NOW)).toBe('baru saja');
    expect(formatRelative(ago(-5_000), NOW)).toBe('baru saja');
    expect(formatRelative(ago(10_000), NOW, 'en')).toBe('just now');
  });

  it('counts minutes, hours and days in Bahasa Indonesia', () => {
    expect(formatRelative(ago(50_000), NOW)).toBe('1 mnt lalu');
    expect(formatRelative(ago(3 * MINUTE + 20_000), NOW)).toBe('3 mnt lalu');
    expect(formatRelative(ago(59 * MINUTE), NOW)).toBe('59 mnt lalu');
    expect(formatRelative(ago(2 * HOUR + 5 * MINUTE), NOW)).toBe('2 jam lalu');
    expect(formatRelative(ago(3 * DAY), NOW)).toBe('3 hr lalu');
  });

  it('counts in English when asked', () => {
    expect(formatRelative(ago(3 * MINUTE), NOW, 'en')).toBe('3 min ago');
    expect(formatRelative(ago(5 * HOUR), NOW, 'en')).toBe('5 h ago');
  });

  it('shows the WIB calendar date after a week, with the year only when it differs', () => {
    // 2025-03-01T18:30Z is already 2 March in Bandung (01:30 WIB).
    expect(formatRelative('2025-03-01T18:30:00.000Z', NOW)).toBe('2 Mar');
    expect(formatRelative('2024-08-17T03:00:00.000Z', NOW)).toBe('17 Agu 2024');
    expect(formatRelative('2024-08-17T03:00:00.000Z', NOW, 'en')).toBe('17 Aug 2024');
  });

  it('shows a dash for an unreadable time', () => {
    expect(formatRelative('not a date', NOW)).toBe('—');
  });
});

describe('formatWib', () => {
  it('shows the exact time in Asia/Jakarta (UTC+7) with a 24-hour clock', () => {
    expect(formatWib('2025-03-12T07:05:03.000Z')).toBe('Rab, 12 Mar 2025 14:05:03 WIB');
    expect(formatWib('2025-03-12T07:05:03.000Z', 'en')).toBe('Wed, 12 Mar 2025 14:05:03 WIB');
  });

  it('rolls over to the next WIB day before UTC does', () => {
    expect(formatWib('2025-12-31T17:00:00.000Z')).toBe('Kam, 1 Jan 2026 00:00:00 WIB');
  });
});

describe('formatWibDate', () => {
  it('uses the WIB year to decide whether to show it', () => {
    // 31 Dec 2024 20:00 UTC is 1 Jan 2025 in WIB: same year as NOW.
    expect(formatWibDate('2024-12-31T20:00:00.000Z', NOW)).toBe('1 Jan');
  });
});

describe('toLanguage', () => {
  it('falls back to Bahasa Indonesia', () => {
    expect(toLanguage('en-US')).toBe('en');
    expect(toLanguage('fr')).toBe('id');
    expect(toLanguage(null)).toBe('id');
  });
});
