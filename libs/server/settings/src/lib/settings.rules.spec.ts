import type { SigapConfig } from '@sigap/server/core';
import { defaultSettings, mergeSettings, nestSettings, parseSettingsPatch, sameSetting } from './settings.rules';

const config = {
  desk: { slaSeconds: { critical: 900, high: 3600, normal: 14_400, low: 86_400 }, claimIdleSeconds: 1200, presenceTtlSeconds: 60, notifyWebhookUrl: null },
  replies: { hotlines: { DINKES: '119' }, defaultHotline: '112' },
  login: { maxFailures: 5, maxFailuresPerIp: 50, windowSeconds: 900 },
} as unknown as SigapConfig;

const OPDS = new Set(['DINKES', 'DISKARPB']);

describe('desk settings: merge', () => {
  const defaults = defaultSettings(config);

  it('starts from the environment and lets stored values override it, key by key', () => {
    const merged = nestSettings(mergeSettings(defaults, { 'slaSeconds.critical': 120, hotlines: { DISKARPB: '113' }, 'login.maxFailures': 3 }));
    expect(merged.slaSeconds).toEqual({ critical: 120, high: 3600, normal: 14_400, low: 86_400 });
    expect(merged.hotlines).toEqual({ DISKARPB: '113' });
    expect(merged.defaultHotline).toBe('112');
    expect(merged.login).toEqual({ maxFailures: 3, maxFailuresPerIp: 50, windowSeconds: 900 });
  });

  it('ignores a stored value that no longer passes the rules, and keys it does not know', () => {
    const merged = mergeSettings(defaults, { 'slaSeconds.critical': 0, presenceTtlSeconds: 'x', defaultHotline: 'call us', retired: 5 });
    expect(merged['slaSeconds.critical']).toBe(900);
    expect(merged.presenceTtlSeconds).toBe(60);
    expect(merged.defaultHotline).toBe('112');
    expect(merged).not.toHaveProperty('retired');
  });

  it('never shares the defaults object with the merged one', () => {
    const merged = mergeSettings(defaults, {});
    merged.hotlines.NEW = '1';
    expect(defaults.hotlines).toEqual({ DINKES: '119' });
  });

  it('compares hotline lists by their entries', () => {
    expect(sameSetting({ A: '1', B: '2' }, { B: '2', A: '1' })).toBe(true);
    expect(sameSetting({ A: '1' }, { A: '1', B: '2' })).toBe(false);
    expect(sameSetting(5, 5)).toBe(true);
  });
});

describe('desk settings: a PATCH body', () => {
  it('turns a nested partial body into changes by key, null meaning back to the default', () => {
    const { changes, errors } = parseSettingsPatch(
      { slaSeconds: { critical: 120, low: null }, claimIdleSeconds: 600, hotlines: { DINKES: ' (022) 119 ' }, login: null },
      OPDS,
    );
    expect(errors).toEqual([]);
    expect(changes).toEqual({
      'slaSeconds.critical': 120,
      'slaSeconds.low': null,
      claimIdleSeconds: 600,
      hotlines: { DINKES: '(022) 119' },
      'login.maxFailures': null,
      'login.maxFailuresPerIp': null,
      'login.windowSeconds': null,
    });
  });

  it('names every bad field and returns no change at all then', () => {
    const { changes, errors } = parseSettingsPatch(
      {
        slaSeconds: { critical: 0, high: 2.5, urgent: 10 },
        presenceTtlSeconds: 4,
        hotlines: { NOPE: '119', DINKES: 'call us' },
        defaultHotline: '',
        login: { maxFailures: 1001 },
        claimIdleSeconds: 60,
        theme: 'dark',
      },
      OPDS,
    );
    expect(changes).toEqual({});
    expect(errors).toEqual(
      expect.arrayContaining([
        { field: 'slaSeconds.critical', message: 'must be a whole number from 1 to 604800' },
        { field: 'slaSeconds.high', message: 'must be a whole number from 1 to 604800' },
        { field: 'slaSeconds.urgent', message: expect.stringContaining('is not a setting') },
        { field: 'presenceTtlSeconds', message: 'must be a whole number from 5 to 3600' },
        { field: 'hotlines.NOPE', message: 'is not a known OPD code' },
        { field: 'hotlines.DINKES', message: expect.stringContaining('must be 2-40 characters') },
        { field: 'defaultHotline', message: expect.stringContaining('must be 2-40 characters') },
        { field: 'login.maxFailures', message: 'must be a whole number from 1 to 1000' },
        { field: 'theme', message: expect.stringContaining('is not a setting') },
      ]),
    );
    expect(errors).toHaveLength(9);
  });

  it('refuses the deployment secrets, saying they belong to the environment', () => {
    const { errors } = parseSettingsPatch({ notifyWebhookUrl: 'https://example.org' }, OPDS);
    expect(errors).toEqual([{ field: 'notifyWebhookUrl', message: expect.stringContaining('environment only') }]);
  });

  it('refuses what is not an object of settings, and an empty one', () => {
    expect(parseSettingsPatch([1], OPDS).errors[0].field).toBe('body');
    expect(parseSettingsPatch({}, OPDS).errors[0].message).toBe('names no setting to change');
    expect(parseSettingsPatch({ slaSeconds: 5 }, OPDS).errors[0].field).toBe('slaSeconds');
    expect(parseSettingsPatch({ hotlines: ['119'] }, OPDS).errors[0].field).toBe('hotlines');
    expect(parseSettingsPatch({ claimIdleSeconds: '600' }, OPDS).errors[0].field).toBe('claimIdleSeconds');
  });
});
