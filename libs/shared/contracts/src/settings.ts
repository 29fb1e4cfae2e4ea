import type { Urgency } from './mention';

/**
 * The desk settings the superadmin may change at run time. Each starts from its environment
 * variable (the default) and a stored value overrides it in every process. Webhook URLs and the
 * outbox secret are deployment secrets: they stay environment-only and are never sent.
 */
export const DESK_NUMBER_SETTING_KEYS = [
  'slaSeconds.critical',
  'slaSeconds.high',
  'slaSeconds.normal',
  'slaSeconds.low',
  'claimIdleSeconds',
  'presenceTtlSeconds',
  'login.maxFailures',
  'login.maxFailuresPerIp',
  'login.windowSeconds',
] as const;
export type DeskNumberSettingKey = (typeof DESK_NUMBER_SETTING_KEYS)[number];

export const DESK_SETTING_KEYS = [...DESK_NUMBER_SETTING_KEYS, 'hotlines', 'defaultHotline'] as const;
export type DeskSettingKey = (typeof DESK_SETTING_KEYS)[number];

/** Whole numbers, inclusive; the environment check in the server config uses the same bounds. */
export const DESK_SETTING_BOUNDS: Record<DeskNumberSettingKey, { min: number; max: number }> = {
  'slaSeconds.critical': { min: 1, max: 7 * 24 * 3600 },
  'slaSeconds.high': { min: 1, max: 7 * 24 * 3600 },
  'slaSeconds.normal': { min: 1, max: 7 * 24 * 3600 },
  'slaSeconds.low': { min: 1, max: 30 * 24 * 3600 },
  claimIdleSeconds: { min: 1, max: 7 * 24 * 3600 },
  presenceTtlSeconds: { min: 5, max: 3600 },
  'login.maxFailures': { min: 1, max: 1000 },
  'login.maxFailuresPerIp': { min: 1, max: 100_000 },
  'login.windowSeconds': { min: 1, max: 24 * 3600 },
};

/** A hotline as citizens dial it: 2-40 characters of digits, spaces, "+", "-", "(" and ")", with a digit. */
export const HOTLINE_PATTERN = /^(?=.*[0-9])[0-9+() -]{2,40}$/;

export type DeskSettingValue<K extends DeskSettingKey> = K extends 'hotlines'
  ? Record<string, string>
  : K extends 'defaultHotline'
    ? string
    : number;

/** The editable settings by key (flat), as stored in `desk_settings`. */
export type DeskSettingValues = { [K in DeskSettingKey]: DeskSettingValue<K> };

/** The editable settings in effect, in the shape the desk reads them. */
export interface DeskSettings {
  slaSeconds: Record<Urgency, number>;
  claimIdleSeconds: number;
  presenceTtlSeconds: number;
  /** `{hotline}` per OPD code; `defaultHotline` for the others. */
  hotlines: Record<string, string>;
  defaultHotline: string;
  login: { maxFailures: number; maxFailuresPerIp: number; windowSeconds: number };
}

/** One editable setting: what is in effect, the environment's value, and who overrode it. */
export interface DeskSettingState<T> {
  value: T;
  /** From the environment variable; in effect again after a reset. */
  default: T;
  /** True while a stored value overrides the environment. */
  changed: boolean;
  changedBy: { id: string; name: string } | null;
  changedAt: string | null;
}

/**
 * `GET /api/v1/settings`: the settings in effect. Secrets and webhook URLs are never sent, only
 * whether they are configured (they change only with the environment and a restart).
 */
export interface DeskSettingsView extends DeskSettings {
  outboxWebhookConfigured: boolean;
  outboxSigned: boolean;
  notifyWebhookConfigured: boolean;
  /** Setting name → the environment variable that sets it (the default, for editable ones). */
  environmentVariables: Record<string, string>;
  /** Per editable setting: value, default, changed by whom and when. */
  entries: { [K in DeskSettingKey]: DeskSettingState<DeskSettingValue<K>> };
}

/**
 * `PATCH /api/v1/settings` (superadmin): only the settings given change; `null` resets one to its
 * environment default (`hotlines: null`, `slaSeconds: null` or `login: null` reset the group).
 * `hotlines` replaces the whole list.
 */
export interface UpdateDeskSettingsRequest {
  slaSeconds?: Partial<Record<Urgency, number | null>> | null;
  claimIdleSeconds?: number | null;
  presenceTtlSeconds?: number | null;
  hotlines?: Record<string, string> | null;
  defaultHotline?: string | null;
  login?: { maxFailures?: number | null; maxFailuresPerIp?: number | null; windowSeconds?: number | null } | null;
}
