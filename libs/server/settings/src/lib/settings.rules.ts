import {
  DESK_NUMBER_SETTING_KEYS,
  DESK_SETTING_BOUNDS,
  DESK_SETTING_KEYS,
  HOTLINE_PATTERN,
  URGENCIES,
  type DeskNumberSettingKey,
  type DeskSettingKey,
  type DeskSettings,
  type DeskSettingValues,
} from '@sigap/contracts';
import type { FieldError, SigapConfig } from '@sigap/server/core';

/** A change asked for: a new value, or null to go back to the environment's. */
export type SettingChanges = Partial<{ [K in DeskSettingKey]: DeskSettingValues[K] | null }>;

/** Settings whose values are deployment secrets: shown as configured or not, never editable here. */
const ENVIRONMENT_ONLY = ['outboxWebhookConfigured', 'outboxSigned', 'notifyWebhookConfigured', 'outboxWebhookUrl', 'outboxSecret', 'notifyWebhookUrl'];

const HOTLINE_MESSAGE = 'must be 2-40 characters: digits, spaces, "+", "-", "(" or ")"';
const MAX_HOTLINES = 500;

/** The environment's values: what is in effect where nothing is stored. */
export function defaultSettings(config: SigapConfig): DeskSettingValues {
  const { slaSeconds, claimIdleSeconds, presenceTtlSeconds } = config.desk;
  return {
    'slaSeconds.critical': slaSeconds.critical,
    'slaSeconds.high': slaSeconds.high,
    'slaSeconds.normal': slaSeconds.normal,
    'slaSeconds.low': slaSeconds.low,
    claimIdleSeconds,
    presenceTtlSeconds,
    'login.maxFailures': config.login.maxFailures,
    'login.maxFailuresPerIp': config.login.maxFailuresPerIp,
    'login.windowSeconds': config.login.windowSeconds,
    hotlines: { ...config.replies.hotlines },
    defaultHotline: config.replies.defaultHotline,
  };
}

/** Stored values over the defaults; a stored value that no longer passes the rules is ignored. */
export function mergeSettings(defaults: DeskSettingValues, stored: Partial<Record<string, unknown>>): DeskSettingValues {
  const merged: DeskSettingValues = { ...defaults, hotlines: { ...defaults.hotlines } };
  for (const key of DESK_SETTING_KEYS) {
    if (!(key in stored)) continue;
    const value = stored[key];
    if (key === 'hotlines') {
      if (isPlainObject(value) && Object.values(value).every((v) => typeof v === 'string' && HOTLINE_PATTERN.test(v))) {
        merged.hotlines = { ...(value as Record<string, string>) };
      }
    } else if (key === 'defaultHotline') {
      if (typeof value === 'string' && HOTLINE_PATTERN.test(value)) merged.defaultHotline = value;
    } else if (numberError(key, value) === null) {
      merged[key] = value as number;
    }
  }
  return merged;
}

export function nestSettings(values: DeskSettingValues): DeskSettings {
  return {
    slaSeconds: {
      critical: values['slaSeconds.critical'],
      high: values['slaSeconds.high'],
      normal: values['slaSeconds.normal'],
      low: values['slaSeconds.low'],
    },
    claimIdleSeconds: values.claimIdleSeconds,
    presenceTtlSeconds: values.presenceTtlSeconds,
    hotlines: { ...values.hotlines },
    defaultHotline: values.defaultHotline,
    login: {
      maxFailures: values['login.maxFailures'],
      maxFailuresPerIp: values['login.maxFailuresPerIp'],
      windowSeconds: values['login.windowSeconds'],
    },
  };
}

/**
 * Reads a `PATCH /settings` body: every problem with the field it is about (dotted, as the body
 * nests it), and the changes only when there is none, so nothing is half-written.
 */
export function parseSettingsPatch(body: unknown, opdCodes: ReadonlySet<string>): { changes: SettingChanges; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const changes: SettingChanges = {};
  if (!isPlainObject(body)) return { changes, errors: [{ field: 'body', message: 'must be a JSON object of settings' }] };
  if (Object.keys(body).length === 0) return { changes, errors: [{ field: 'body', message: 'names no setting to change' }] };

  const setNumber = (key: DeskNumberSettingKey, value: unknown) => {
    if (value === null) {
      changes[key] = null;
      return;
    }
    const problem = numberError(key, value);
    if (problem) errors.push({ field: key, message: problem });
    else changes[key] = value as number;
  };

  const readGroup = (group: 'slaSeconds' | 'login', value: unknown, members: readonly string[]) => {
    const keys = members.map((member) => `${group}.${member}` as DeskNumberSettingKey);
    if (value === null) {
      for (const key of keys) changes[key] = null;
      return;
    }
    if (!isPlainObject(value)) {
      errors.push({ field: group, message: 'must be an object (or null to reset all of it)' });
      return;
    }
    for (const [member, memberValue] of Object.entries(value)) {
      if (!members.includes(member)) errors.push({ field: `${group}.${member}`, message: `is not a setting (known: ${members.join(', ')})` });
      else setNumber(`${group}.${member}` as DeskNumberSettingKey, memberValue);
    }
  };

  for (const [name, value] of Object.entries(body)) {
    switch (name) {
      case 'slaSeconds':
        readGroup('slaSeconds', value, URGENCIES);
        break;
      case 'login':
        readGroup('login', value, ['maxFailures', 'maxFailuresPerIp', 'windowSeconds']);
        break;
      case 'claimIdleSeconds':
      case 'presenceTtlSeconds':
        setNumber(name, value);
        break;
      case 'defaultHotline':
        if (value === null) changes.defaultHotline = null;
        else if (typeof value !== 'string' || !HOTLINE_PATTERN.test(value.trim())) errors.push({ field: name, message: HOTLINE_MESSAGE });
        else changes.defaultHotline = value.trim();
        break;
      case 'hotlines':
        readHotlines(value, opdCodes, changes, errors);
        break;
      default:
        errors.push({
          field: name,
          message: ENVIRONMENT_ONLY.includes(name)
            ? 'is set by the environment only (a deployment secret) and cannot be changed here'
            : `is not a setting (known: slaSeconds, claimIdleSeconds, presenceTtlSeconds, hotlines, defaultHotline, login)`,
        });
    }
  }
  return errors.length > 0 ? { changes: {}, errors } : { changes, errors };
}

function readHotlines(value: unknown, opdCodes: ReadonlySet<string>, changes: SettingChanges, errors: FieldError[]): void {
  if (value === null) {
    changes.hotlines = null;
    return;
  }
  if (!isPlainObject(value)) {
    errors.push({ field: 'hotlines', message: 'must be an object of OPD code → hotline (or null to reset)' });
    return;
  }
  const entries = Object.entries(value);
  if (entries.length > MAX_HOTLINES) {
    errors.push({ field: 'hotlines', message: `may list at most ${MAX_HOTLINES} OPDs` });
    return;
  }
  const hotlines: Record<string, string> = {};
  for (const [code, number] of entries) {
    const field = `hotlines.${code}`;
    if (!opdCodes.has(code)) errors.push({ field, message: 'is not a known OPD code' });
    else if (typeof number !== 'string' || !HOTLINE_PATTERN.test(number.trim())) errors.push({ field, message: HOTLINE_MESSAGE });
    else hotlines[code] = number.trim();
  }
  changes.hotlines = hotlines;
}

function numberError(key: DeskNumberSettingKey, value: unknown): string | null {
  const { min, max } = DESK_SETTING_BOUNDS[key];
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max
    ? null
    : `must be a whole number from ${min} to ${max}`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Equal as settings (hotline lists compared entry by entry, order aside). */
export function sameSetting(a: unknown, b: unknown): boolean {
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
  }
  return a === b;
}

export const isNumberSetting = (key: DeskSettingKey): key is DeskNumberSettingKey => (DESK_NUMBER_SETTING_KEYS as readonly string[]).includes(key);
