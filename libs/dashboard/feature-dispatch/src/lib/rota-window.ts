const DAY_MS = 24 * 3600_000;

/** The rota page's window: from the start of the current hour, seven days on (stable within the hour). */
export const rotaWindow = (now: number): { from: string; to: string } => {
  const from = Math.floor(now / 3600_000) * 3600_000;
  return { from: new Date(from).toISOString(), to: new Date(from + 7 * DAY_MS).toISOString() };
};

/** A `datetime-local` input's value (the browser's time zone) as an ISO instant; null when empty or invalid. */
export const isoFromLocalInput = (value: string): string | null => {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
};

/** An instant as a `datetime-local` value in the browser's time zone. */
export const localInputFrom = (date: Date): string => {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
};
