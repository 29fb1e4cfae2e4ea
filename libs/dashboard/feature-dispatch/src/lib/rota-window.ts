const DAY_MS = 24 * 3600_000;

/** The rota page's window: from the start of the current hour, seven days on (stable within the hour). */
export const rotaWindow = (now: number): { from: string; to: string } => {
  const from = Math.floor(now / 3600_000) * 3600_000;
  return { from: new Date(from).toISOString(), to: new Date(from + 7 * DAY_MS).toISOString() };
};
