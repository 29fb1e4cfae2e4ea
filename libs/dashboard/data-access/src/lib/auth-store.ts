import type { LoginResponse, UserView } from '@sigap/contracts';

export interface AuthSession {
  accessToken: string;
  /** Epoch milliseconds after which the token is no longer accepted. */
  expiresAt: number;
  user: UserView;
}

const STORAGE_KEY = 'sigap.session';

type Listener = () => void;

const isSession = (value: unknown): value is AuthSession => {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<AuthSession>;
  return (
    typeof candidate.accessToken === 'string' &&
    typeof candidate.expiresAt === 'number' &&
    typeof candidate.user === 'object' &&
    candidate.user !== null
  );
};

const readStorage = (): AuthSession | null => {
  try {
    const text = window.localStorage.getItem(STORAGE_KEY);
    if (!text) return null;
    const parsed: unknown = JSON.parse(text);
    if (!isSession(parsed) || parsed.expiresAt <= Date.now()) return null;
    return parsed;
  } catch {
    return null;
  }
};

/**
 * Holds the access token for this tab and mirrors it to localStorage so a reload and the other
 * tabs keep the session; a logout in one tab logs out all of them.
 */
class AuthStore {
  private session: AuthSession | null | undefined;
  private readonly listeners = new Set<Listener>();
  private storageListening = false;

  get = (): AuthSession | null => {
    if (this.session === undefined) this.session = readStorage();
    if (this.session && this.session.expiresAt <= Date.now()) this.session = null;
    return this.session;
  };

  token(): string | null {
    return this.get()?.accessToken ?? null;
  }

  setFromLogin(response: LoginResponse, now = Date.now()): AuthSession {
    const session: AuthSession = {
      accessToken: response.accessToken,
      expiresAt: now + response.expiresIn * 1000,
      user: response.user,
    };
    this.replace(session);
    return session;
  }

  updateUser(user: UserView): void {
    const current = this.get();
    if (!current || JSON.stringify(current.user) === JSON.stringify(user)) return;
    this.replace({ ...current, user });
  }

  clear(): void {
    if (this.get() === null) return;
    this.replace(null);
  }

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    this.listenToOtherTabs();
    return () => this.listeners.delete(listener);
  };

  private replace(session: AuthSession | null): void {
    this.session = session;
    try {
      if (session) window.localStorage.setItem(STORAGE_KEY, JSON.stringify(session));
      else window.localStorage.removeItem(STORAGE_KEY);
    } catch {
      // Storage can be full or disabled (private mode); the session still lives in memory.
    }
    this.emit();
  }

  private emit(): void {
    for (const listener of [...this.listeners]) listener();
  }

  private listenToOtherTabs(): void {
    if (this.storageListening) return;
    this.storageListening = true;
    window.addEventListener('storage', (event) => {
      if (event.key !== STORAGE_KEY && event.key !== null) return;
      this.session = readStorage();
      this.emit();
    });
  }
}

export const authStore = new AuthStore();
