import { describe, expect, it } from 'vitest';
import { isoOfWibPickerValue, wibPickerValueOf } from './wib-input';

describe('WIB picker values', () => {
  it('shows an instant on the Bandung wall clock, a day ahead of UTC late in the evening', () => {
    expect(wibPickerValueOf('2026-11-28T01:30:00.000Z')).toBe('2026-11-28 08:30:00');
    expect(wibPickerValueOf('2026-12-31T18:00:00.000Z')).toBe('2027-01-01 01:00:00');
  });

  it('reads a picked wall-clock time as WIB, whatever the browser time zone', () => {
    expect(isoOfWibPickerValue('2026-11-28 08:30:00')).toBe('2026-11-28T01:30:00.000Z');
    expect(isoOfWibPickerValue('2027-01-01 01:00')).toBe('2026-12-31T18:00:00.000Z');
  });

  it('round-trips and refuses what is not a date', () => {
    const iso = '2026-03-05T23:59:00.000Z';
    expect(isoOfWibPickerValue(wibPickerValueOf(iso))).toBe(iso);
    expect(isoOfWibPickerValue('2026-02-31 10:00:00')).toBeNull();
    expect(isoOfWibPickerValue('besok pagi')).toBeNull();
    expect(isoOfWibPickerValue('')).toBeNull();
    expect(wibPickerValueOf(null)).toBeNull();
    expect(wibPickerValueOf('not a date')).toBeNull();
  });
});
