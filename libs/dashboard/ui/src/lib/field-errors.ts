import type { TFunction } from 'i18next';

type FieldMessageKey =
  | 'required'
  | 'notEmpty'
  | 'unknownOpd'
  | 'unknownOpds'
  | 'inactiveOpd'
  | 'inactiveOpds'
  | 'email'
  | 'minLength'
  | 'lengthRange'
  | 'maxLength'
  | 'taken'
  | 'notAccepted'
  | 'wholeNumber'
  | 'oneOf'
  | 'trueOrFalse'
  | 'opdCode'
  | 'noActiveUser'
  | 'activeAdminOf'
  | 'activeSupervisor'
  | 'ownAccount'
  | 'ownSuperadmin';

/**
 * The server's field messages (English, for API users) as the desk reads them. Each rule matches
 * one message shape the API sends; anything else is shown as the server wrote it.
 */
const RULES: readonly { pattern: RegExp; key: FieldMessageKey; params?: (match: RegExpExecArray) => Record<string, string> }[] = [
  { pattern: /^required(\s*\(.*\)|:.*| with .*| when .*)?$/, key: 'required' },
  { pattern: /^must not be (empty|blank)$/, key: 'notEmpty' },
  { pattern: /^(unknown OPD code|is not a known OPD code)$/, key: 'unknownOpd' },
  { pattern: /^unknown OPD code\(s\): (.+)$/, key: 'unknownOpds', params: (m) => ({ codes: m[1] }) },
  { pattern: /^(?:OPD|([A-Z0-9-]{2,40})) is inactive$/, key: 'inactiveOpd', params: (m) => ({ code: m[1] ?? 'OPD' }) },
  { pattern: /^inactive OPD code\(s\): (.+)$/, key: 'inactiveOpds', params: (m) => ({ codes: m[1] }) },
  { pattern: /^must be an email$/, key: 'email' },
  { pattern: /^must be at least (\d+) characters$/, key: 'minLength', params: (m) => ({ min: m[1] }) },
  { pattern: /^must be (?:text of )?(\d+)-(\d+) characters$/, key: 'lengthRange', params: (m) => ({ min: m[1], max: m[2] }) },
  { pattern: /^(?:must be text of )?at most (\d+) characters.*$/, key: 'maxLength', params: (m) => ({ max: m[1] }) },
  { pattern: /^is already used( by .*)?$/, key: 'taken' },
  { pattern: /^is not an accepted field$/, key: 'notAccepted' },
  { pattern: /^must be a whole number from (\d+) to (\d+)$/, key: 'wholeNumber', params: (m) => ({ min: m[1], max: m[2] }) },
  { pattern: /^must be one of (.+)$/, key: 'oneOf', params: (m) => ({ values: m[1] }) },
  { pattern: /^(must be )?true or false$/, key: 'trueOrFalse' },
  { pattern: /^must be an OPD code$/, key: 'opdCode' },
  { pattern: /^no such active user$/, key: 'noActiveUser' },
  { pattern: /^must be an active admin of (.+)$/, key: 'activeAdminOf', params: (m) => ({ code: m[1] }) },
  { pattern: /^must be an active supervisor$/, key: 'activeSupervisor' },
  { pattern: /^you cannot disable your own account$/, key: 'ownAccount' },
  { pattern: /^you cannot take the superadmin role from yourself$/, key: 'ownSuperadmin' },
];

/** One field message in the dashboard's language when its shape is known; as sent otherwise. */
export const translateFieldMessage = (t: TFunction, message: string): string => {
  for (const rule of RULES) {
    const match = rule.pattern.exec(message);
    // The keys come from RULES, each with the values its sentence names (the parity test checks the sentences).
    if (match) return (t as unknown as (key: string, values: Record<string, string>) => string)(`errors.fieldMessages.${rule.key}`, rule.params?.(match) ?? {});
  }
  return message;
};

/**
 * A refused request's `details: [{ field, message }]`, keyed by field (`email`, `slaSeconds.critical`,
 * `hotlines.DINKES`…), each message in the dashboard's language where its shape is known.
 */
export const fieldErrorsOf = (error: unknown, t: TFunction): Record<string, string> => {
  const details = typeof error === 'object' && error !== null ? (error as { details?: unknown }).details : undefined;
  if (!Array.isArray(details)) return {};
  const entries = details.flatMap((detail: unknown) => {
    if (typeof detail !== 'object' || detail === null) return [];
    const { field, message } = detail as { field?: unknown; message?: unknown };
    return typeof field === 'string' && typeof message === 'string' ? [[field, translateFieldMessage(t, message)] as const] : [];
  });
  return Object.fromEntries(entries);
};
