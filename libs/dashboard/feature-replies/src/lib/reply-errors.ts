import type { Role } from '@sigap/contracts';
import { ApiError } from '@sigap/dashboard/data-access';

/** The roles the server lets reply (liaisons get 403). */
export const REPLYING_ROLES: readonly Role[] = ['superadmin', 'supervisor', 'admin'];

/** Variables the server refused as unfilled or unknown (400, `details[0].missing`). */
export const missingOf = (error: Error | null): string[] => {
  if (!(error instanceof ApiError) || error.status !== 400 || !Array.isArray(error.details)) return [];
  const detail = (error.details as unknown[])[0];
  if (typeof detail !== 'object' || detail === null || !('missing' in detail) || !Array.isArray(detail.missing)) return [];
  return detail.missing.filter((name): name is string => typeof name === 'string');
};

/** The holder named by a 409 (someone else holds the mention). */
export const holderOf = (error: Error | null): string | null => {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  const details = error.details as { holder?: { name?: unknown } } | undefined;
  return typeof details?.holder?.name === 'string' ? details.holder.name : null;
};

/** The server's message with its field errors, for an alert. */
export const messageOf = (error: Error): string => {
  if (error instanceof ApiError && Array.isArray(error.details)) {
    const fields = (error.details as unknown[])
      .map((detail) => (typeof detail === 'object' && detail !== null && 'message' in detail && typeof detail.message === 'string' ? detail.message : null))
      .filter((message): message is string => message !== null);
    if (fields.length > 0 && !fields.every((field) => error.message.includes(field))) return `${error.message} (${fields.join('; ')})`;
  }
  return error.message;
};

export const isHttpLink = (value: string): boolean => /^https?:\/\/\S+$/i.test(value.trim());

export const asPlaceholders = (names: string[]): string => names.map((name) => `{${name}}`).join(', ');
