// WIB is UTC+7 all year (Indonesia keeps no daylight saving), so a fixed offset is exact.
const WIB_OFFSET_MS = 7 * 3600_000;
const PICKER_VALUE = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * An instant as the date pickers' value ("YYYY-MM-DD HH:mm:ss"), read on a Bandung wall clock:
 * the desk plans shifts and reads the audit log in WIB whatever the browser's own time zone.
 */
export const wibPickerValueOf = (iso: string | null | undefined): string | null => {
  if (!iso) return null;
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return null;
  return new Date(time + WIB_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
};

/** A picker value read as WIB wall-clock time, as an ISO instant; null when empty or not a date. */
export const isoOfWibPickerValue = (value: string | null | undefined): string | null => {
  const match = value ? PICKER_VALUE.exec(value.trim()) : null;
  if (!match) return null;
  const [, year, month, day, hour, minute, second = '00'] = match;
  const time = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second)) - WIB_OFFSET_MS;
  const date = new Date(time);
  // Date.UTC rolls 31 February over into March; such a value is not a date.
  if (new Date(time + WIB_OFFSET_MS).getUTCDate() !== Number(day)) return null;
  return date.toISOString();
};
