import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiRequest } from './api-client';
import { authStore } from './auth-store';

const respond = (status: number, body: string, contentType = 'application/json'): void => {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(body || null, { status, headers: { 'Content-Type': contentType } })),
  );
};

const login = (): void => {
  authStore.setFromLogin({
    accessToken: 'secret-token',
    expiresIn: 3600,
    user: { id: 'u', email: 'a@b.c', name: 'A', role: 'admin', opds: [] },
  });
};

describe('apiRequest', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    authStore.clear();
  });

  it('sends the bearer token and parses JSON', async () => {
    login();
    respond(200, '{"ok":true}');
    await expect(apiRequest('/auth/me')).resolves.toEqual({ ok: true });
    const [url, init] = vi.mocked(fetch).mock.calls[0] as [string, RequestInit];
    expect(url).toBe('/api/v1/auth/me');
    expect((init.headers as Record<string, string>)['Authorization']).toBe('Bearer secret-token');
  });

  it("surfaces the server's message and code", async () => {
    respond(401, JSON.stringify({ statusCode: 401, code: 'AUTH_INVALID', message: 'Email atau kata sandi salah' }));
    const error = await apiRequest('/auth/login', { method: 'POST', body: {}, anonymous: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, code: 'AUTH_INVALID', message: 'Email atau kata sandi salah' });
  });

  it('joins a list of validation messages and falls back to plain text bodies', async () => {
    respond(400, JSON.stringify({ statusCode: 400, message: ['limit must not be greater than 200', 'sort is invalid'] }));
    await expect(apiRequest('/mentions')).rejects.toThrow('limit must not be greater than 200; sort is invalid');
    respond(502, 'Bad Gateway', 'text/plain');
    await expect(apiRequest('/mentions')).rejects.toThrow('Bad Gateway');
  });

  it('ends the session when the server refuses the token', async () => {
    login();
    respond(401, JSON.stringify({ statusCode: 401, code: 'AUTH_EXPIRED', message: 'Token kedaluwarsa' }));
    await expect(apiRequest('/mentions')).rejects.toThrow('Token kedaluwarsa');
    expect(authStore.get()).toBeNull();
  });

  it('resolves undefined for 204', async () => {
    login();
    respond(204, '');
    await expect(apiRequest('/admin/queues/q/failed/1/retry', { method: 'POST' })).resolves.toBeUndefined();
  });
});
