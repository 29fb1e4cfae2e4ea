import { describe, expect, it } from 'vitest';
import type { DeskSettingsView } from '@sigap/contracts';
import { changeOf, changesOf, draftOf, durationParts, entryBounds } from './settings-form';

const unchanged = <T,>(value: T) => ({ value, default: value, changed: false, changedBy: null, changedAt: null });

const view = {
  entries: {
    'slaSeconds.critical': unchanged(900),
    'slaSeconds.high': unchanged(3600),
    'slaSeconds.normal': unchanged(14400),
    'slaSeconds.low': unchanged(86400),
    claimIdleSeconds: unchanged(90),
    presenceTtlSeconds: unchanged(60),
    'login.maxFailures': unchanged(5),
    'login.maxFailuresPerIp': unchanged(50),
    'login.windowSeconds': unchanged(900),
    hotlines: unchanged({ DINKES: '119' }),
    defaultHotline: unchanged('112'),
  },
} as unknown as DeskSettingsView;

describe('settings form', () => {
  it('enters durations in minutes and sends seconds, only for what changed', () => {
    const draft = draftOf(view);
    expect(draft.numbers['slaSeconds.critical']).toBe(15);
    expect(draft.numbers.claimIdleSeconds).toBe(1.5);
    expect(draft.numbers.presenceTtlSeconds).toBe(60);
    expect(changesOf(draft, view)).toEqual({});
    draft.numbers['slaSeconds.critical'] = 5;
    draft.numbers['login.windowSeconds'] = 30;
    draft.numbers['login.maxFailures'] = 3;
    draft.numbers.presenceTtlSeconds = '';
    expect(changesOf(draft, view)).toEqual({ slaSeconds: { critical: 300 }, login: { windowSeconds: 1800, maxFailures: 3 } });
  });

  it('sends the whole hotline list when it changed, without rows that name no OPD', () => {
    const draft = draftOf(view);
    draft.hotlines.push({ code: 'DLH', number: ' 022-1 ' }, { code: '', number: '5' });
    expect(changesOf(draft, view)).toEqual({ hotlines: { DINKES: '119', DLH: '022-1' } });
    draft.defaultHotline = '110';
    expect(changesOf(draft, view)).toMatchObject({ defaultHotline: '110' });
  });

  it('nests one setting as the API expects it', () => {
    expect(changeOf('slaSeconds.low', null)).toEqual({ slaSeconds: { low: null } });
    expect(changeOf('hotlines', null)).toEqual({ hotlines: null });
  });

  it('splits durations for reading and gives bounds in the entry unit', () => {
    expect(durationParts(5400)).toEqual([
      { unit: 'hours', count: 1 },
      { unit: 'minutes', count: 30 },
    ]);
    expect(durationParts(0)).toEqual([{ unit: 'seconds', count: 0 }]);
    expect(entryBounds('slaSeconds.low')).toEqual({ min: 0.02, max: 43_200 });
    expect(entryBounds('presenceTtlSeconds')).toEqual({ min: 5, max: 3600 });
  });
});
