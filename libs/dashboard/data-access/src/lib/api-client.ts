import type { ApiErrorBody } from '@sigap/contracts';
import { authStore } from './auth-store';

export const API_PREFIX = '/api/v1';

/** An HTTP failure carrying the server's own message so the UI can show it as is. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code: string | null = null,
    readonly details: unknown = undefined,
    readonly requestId: string | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** True when retrying the same request cannot help. */
  get isClientError(): boolean {
    return this.status >= 400 && this.status < 500 && this.status !== 408 && this.status !== 429;
  }
}

export interface ApiRequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: URLSearchParams;
  signal?: AbortSignal;
  /** Send no Authorization header and never end the session on 401 (the login call). */
  anonymous?: boolean;
}

const isErrorBody = (value: unknown): value is Partial<ApiErrorBody> & { message: unknown } =>
  typeof value === 'object' && value !== null && 'message' in value;

const messageOf = (body: Partial<ApiErrorBody> & { message: unknown }): string | null => {
  if (typeof body.message === 'string' && body.message.trim()) return body.message;
  // class-validator style: message is a list of strings.
  if (Array.isArray(body.message) && body.message.every((m) => typeof m === 'string')) {
    return body.message.join('; ');
  }
  return null;
};

const toApiError = async (response: Response): Promise<ApiError> => {
  const text = await response.text().catch(() => '');
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = null;
  }
  if (isErrorBody(parsed)) {
    return new ApiError(
      response.status,
      messageOf(parsed) ?? (response.statusText || `HTTP ${response.status}`),
      typeof parsed.code === 'string' ? parsed.code : null,
      parsed.details,
      typeof parsed.requestId === 'string' ? parsed.requestId : null,
    );
  }
  const plain = text.trim().slice(0, 300);
  return new ApiError(response.status, plain || response.statusText || `HTTP ${response.status}`);
};

/** Calls the Sigap API under `/api/v1`; resolves with the parsed JSON (undefined for 204). */
export const apiRequest = async <T>(path: string, options: ApiRequestOptions = {}): Promise<T> => {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const token = options.anonymous ? null : authStore.token();
  if (token) headers['Authorization'] = `Bearer ${token}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';

  const query = options.query?.toString();
  const url = `${API_PREFIX}${path}${query ? `?${query}` : ''}`;

  let response: Response;
  try {
    response = await fetch(url, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
      credentials: 'same-origin',
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, error instanceof Error ? error.message : 'Network error', 'NETWORK');
  }

  if (!response.ok) {
    const error = await toApiError(response);
    // The token was refused: end the session so the app returns to the login page.
    if (response.status === 401 && token) authStore.clear();
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
};
