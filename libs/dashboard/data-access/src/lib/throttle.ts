export interface Throttled {
  /** Asks for a run: at once when the last one is at least the interval ago, else once at the end of it. */
  (): void;
  cancel(): void;
}

/**
 * Runs `action` at most once per `intervalMs`; requests inside the interval collapse into one
 * run at its end, so the last request is never lost.
 */
export const throttle = (action: () => void, intervalMs: number, now: () => number = Date.now): Throttled => {
  let lastRun = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = (): void => {
    timer = undefined;
    lastRun = now();
    action();
  };
  const request = (() => {
    if (timer !== undefined) return;
    const wait = lastRun + intervalMs - now();
    if (wait <= 0) run();
    else timer = setTimeout(run, wait);
  }) as Throttled;
  request.cancel = () => {
    clearTimeout(timer);
    timer = undefined;
  };
  return request;
};
