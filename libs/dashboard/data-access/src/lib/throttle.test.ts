import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { throttle } from './throttle';

describe('throttle', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs the first request at once and folds a burst into one run at the end of the interval', () => {
    const action = vi.fn();
    const request = throttle(action, 2_000);
    request();
    expect(action).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 50; i += 1) {
      vi.advanceTimersByTime(10);
      request();
    }
    expect(action).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(2_000);
    expect(action).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(10_000);
    expect(action).toHaveBeenCalledTimes(2);
  });

  it('never runs twice within the interval and forgets a pending run when cancelled', () => {
    const action = vi.fn();
    const request = throttle(action, 2_000);
    request();
    vi.advanceTimersByTime(1_000);
    request();
    request.cancel();
    vi.advanceTimersByTime(5_000);
    expect(action).toHaveBeenCalledTimes(1);
    request();
    expect(action).toHaveBeenCalledTimes(2);
  });
});
