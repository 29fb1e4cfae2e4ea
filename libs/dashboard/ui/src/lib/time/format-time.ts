/** The languages the dashboard ships; Bahasa Indonesia first. */
export const LANGUAGES = ['id', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Bandung is on WIB (UTC+7, no daylight saving). */
export const WIB_TIME_ZONE = 'Asia/Jakarta';

const LOCALES: Record<Language, string> = { id: 'id-ID', en: 'en-GB' };

const formatters = new Map<string, Intl.DateTimeFormat>();
const formatter = (language: Language, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat => {
  const key = `${language}:${JSON.stringify(options)}`;
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat(LOCALES[language], { timeZone: WIB_TIME_ZONE, ...options });
    formatters.set(key, cached);
  }
  return cached;
};

type Parts = Partial<Record<Intl.DateTimeFormatPartTypes, string>>;
const partsOf = (date: Date, language: Language, options: Intl.DateTimeFormatOptions): Parts => {
  const parts: Parts = {};
  for (const part of formatter(language, options).formatToParts(date)) parts[part.type] = part.value;
  return parts;
};

const toDate = (value: string | number | Date): Date | null => {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
};

const PLACEHOLDER = '—';

// Rows re-mount as a long list scrolls; the same timestamps are formatted over and over.
const wibCache = new Map<string, string>();
const WIB_CACHE_LIMIT = 5_000;

/** The exact time in WIB, e.g. "Rab, 12 Mar 2025 14:05:03 WIB". */
export const formatWib = (value: string | number | Date, language: Language = 'id'): string => {
  const key = typeof value === 'string' ? `${language}|${value}` : null;
  const cached = key === null ? undefined : wibCache.get(key);
  if (cached !== undefined) return cached;
  const formatted = formatWibUncached(value, language);
  if (key !== null) {
    if (wibCache.size >= WIB_CACHE_LIMIT) wibCache.clear();
    wibCache.set(key, formatted);
  }
  return formatted;
};

const formatWibUncached = (value: string | number | Date, language: Language): string => {
  const date = toDate(value);
  if (!date) return PLACEHOLDER;
  const p = partsOf(date, language, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  return `${p.weekday}, ${p.day} ${p.month} ${p.year} ${p.hour}:${p.minute}:${p.second} WIB`;
};

/** The calendar date in WIB, e.g. "12 Mar" (this year) or "12 Mar 2024". */
export const formatWibDate = (value: string | number | Date, now: number, language: Language = 'id'): string => {
  const date = toDate(value);
  if (!date) return PLACEHOLDER;
  const p = partsOf(date, language, { day: 'numeric', month: 'short', year: 'numeric' });
  const thisYear = partsOf(new Date(now), language, { year: 'numeric' }).year;
  return p.year === thisYear ? `${p.day} ${p.month}` : `${p.day} ${p.month} ${p.year}`;
};

const RELATIVE: Record<Language, { now: string; minutes: string; hours: string; days: string }> = {
  id: { now: 'baru saja', minutes: '{n} mnt lalu', hours: '{n} jam lalu', days: '{n} hr lalu' },
  en: { now: 'just now', minutes: '{n} min ago', hours: '{n} h ago', days: '{n} d ago' },
};

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * How long ago, short enough for a dense row: "baru saja", "3 mnt lalu", "5 jam lalu",
 * "2 hr lalu", then the WIB date after a week. Times slightly in the future (clock skew) read
 * as "baru saja".
 */
export const formatRelative = (value: string | number | Date, now: number, language: Language = 'id'): string => {
  const date = toDate(value);
  if (!date) return PLACEHOLDER;
  const elapsed = now - date.getTime();
  const words = RELATIVE[language];
  if (elapsed < 45_000) return words.now;
  if (elapsed < HOUR) return words.minutes.replace('{n}', String(Math.max(1, Math.floor(elapsed / MINUTE))));
  if (elapsed < DAY) return words.hours.replace('{n}', String(Math.floor(elapsed / HOUR)));
  if (elapsed < 7 * DAY) return words.days.replace('{n}', String(Math.floor(elapsed / DAY)));
  return formatWibDate(date, now, language);
};

export const toLanguage = (value: string | null | undefined): Language =>
  value && (LANGUAGES as readonly string[]).includes(value.slice(0, 2)) ? (value.slice(0, 2) as Language) : 'id';
