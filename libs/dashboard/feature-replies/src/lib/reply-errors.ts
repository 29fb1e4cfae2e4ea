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

export const isHttpLink = (value: string): boolean => /^https?:\/\/\S+$/i.test(value.trim());

export const asPlaceholders = (names: string[]): string => names.map((name) => `{${name}}`).join(', ');
