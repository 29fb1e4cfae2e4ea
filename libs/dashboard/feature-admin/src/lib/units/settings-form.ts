import {
  DESK_NUMBER_SETTING_KEYS,
  DESK_SETTING_BOUNDS,
  type DeskNumberSettingKey,
  type DeskSettingKey,
  type DeskSettingsView,
  type UpdateDeskSettingsRequest,
} from '@sigap/contracts';

/** How a number is entered: durations where seconds would be silly are typed in minutes. */
export type SettingUnit = 'minutes' | 'seconds' | 'count';

export const SETTING_UNITS: Record<DeskNumberSettingKey, SettingUnit> = {
  'slaSeconds.critical': 'minutes',
  'slaSeconds.high': 'minutes',
  'slaSeconds.normal': 'minutes',
  'slaSeconds.low': 'minutes',
  claimIdleSeconds: 'minutes',
  presenceTtlSeconds: 'seconds',
  'login.maxFailures': 'count',
  'login.maxFailuresPerIp': 'count',
  'login.windowSeconds': 'minutes',
};

export interface HotlineDraft {
  code: string;
  number: string;
}

/** The form's values: numbers in their entry unit ('' while empty). */
export interface SettingsDraft {
  numbers: Record<DeskNumberSettingKey, number | ''>;
  hotlines: HotlineDraft[];
  defaultHotline: string;
}

const toEntry = (key: DeskNumberSettingKey, seconds: number): number =>
  SETTING_UNITS[key] === 'minutes' ? Math.round((seconds / 60) * 100) / 100 : seconds;

const fromEntry = (key: DeskNumberSettingKey, value: number): number => (SETTING_UNITS[key] === 'minutes' ? Math.round(value * 60) : value);

/** The bounds in the entry unit, for the input's min/max. */
export const entryBounds = (key: DeskNumberSettingKey): { min: number; max: number } => {
  const { min, max } = DESK_SETTING_BOUNDS[key];
  return SETTING_UNITS[key] === 'minutes' ? { min: Math.ceil((min / 60) * 100) / 100, max: max / 60 } : { min, max };
};

export const draftOf = (view: DeskSettingsView): SettingsDraft => ({
  numbers: Object.fromEntries(DESK_NUMBER_SETTING_KEYS.map((key) => [key, toEntry(key, view.entries[key].value)])) as SettingsDraft['numbers'],
  hotlines: Object.entries(view.entries.hotlines.value).map(([code, number]) => ({ code, number })),
  defaultHotline: view.entries.defaultHotline.value,
});

/** One setting as the PATCH body nests it. */
export const changeOf = (key: DeskSettingKey, value: unknown): UpdateDeskSettingsRequest => {
  const [group, member] = key.split('.');
  return (member ? { [group]: { [member]: value } } : { [group]: value }) as UpdateDeskSettingsRequest;
};

const merge = (into: Record<string, unknown>, change: Record<string, unknown>) => {
  for (const [name, value] of Object.entries(change)) {
    const existing = into[name];
    into[name] =
      typeof existing === 'object' && existing !== null && typeof value === 'object' && value !== null ? { ...existing, ...value } : value;
  }
};

/** Only what differs from the settings in effect; empty numbers are left out (the field shows an error). */
export const changesOf = (draft: SettingsDraft, view: DeskSettingsView): UpdateDeskSettingsRequest => {
  const body: Record<string, unknown> = {};
  for (const key of DESK_NUMBER_SETTING_KEYS) {
    const value = draft.numbers[key];
    if (value === '') continue;
    const seconds = fromEntry(key, value);
    if (seconds !== view.entries[key].value) merge(body, changeOf(key, seconds) as Record<string, unknown>);
  }
  const hotlines = Object.fromEntries(draft.hotlines.filter((row) => row.code !== '').map((row) => [row.code, row.number.trim()]));
  const current = view.entries.hotlines.value;
  const sameHotlines = Object.keys(hotlines).length === Object.keys(current).length && Object.entries(hotlines).every(([code, n]) => current[code] === n);
  if (!sameHotlines) body.hotlines = hotlines;
  if (draft.defaultHotline.trim() !== view.entries.defaultHotline.value) body.defaultHotline = draft.defaultHotline.trim();
  return body as UpdateDeskSettingsRequest;
};

/** Whole days, hours, minutes and seconds of a duration, largest first, zeros left out. */
export const durationParts = (seconds: number): { unit: 'days' | 'hours' | 'minutes' | 'seconds'; count: number }[] => {
  const parts = [
    { unit: 'days' as const, count: Math.floor(seconds / 86_400) },
    { unit: 'hours' as const, count: Math.floor((seconds % 86_400) / 3600) },
    { unit: 'minutes' as const, count: Math.floor((seconds % 3600) / 60) },
    { unit: 'seconds' as const, count: seconds % 60 },
  ].filter((part) => part.count > 0);
  return parts.length > 0 ? parts : [{ unit: 'seconds', count: 0 }];
};
