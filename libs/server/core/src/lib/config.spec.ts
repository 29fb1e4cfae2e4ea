import { ConfigError, loadConfig } from './config';

const valid = {
  DATABASE_URL: 'postgres://sigap@127.0.0.1:5432/sigap',
  REDIS_URL: 'redis://127.0.0.1:6379',
  JWT_SECRET: 'x'.repeat(32),
  SIGAP_INGEST_KEY: 'k'.repeat(16),
};

const problemsOf = (env: Record<string, string>, app: 'api' | 'worker' = 'api') => {
  try {
    loadConfig(app, env);
    return [];
  } catch (error) {
    return (error as ConfigError).problems;
  }
};

describe('loadConfig', () => {
  it('applies defaults', () => {
    const config = loadConfig('api', valid);
    expect(config.port).toBe(3000);
    expect(config.redisPrefix).toBe('sigap');
    expect(config.bootstrapAdmin).toBeNull();
  });

  it('names every wrong variable', () => {
    const problems = problemsOf({ ...valid, PORT: '70000', REDIS_URL: 'http://x', SIGAP_REDIS_PREFIX: 'a b' });
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(['PORT', 'REDIS_URL', 'SIGAP_REDIS_PREFIX']);
  });

  it('requires the API secrets only for the API', () => {
    const { JWT_SECRET: _jwt, SIGAP_INGEST_KEY: _key, ...workerEnv } = valid;
    expect(problemsOf(workerEnv, 'worker')).toEqual([]);
    expect(problemsOf(workerEnv, 'api').join('\n')).toMatch(/JWT_SECRET[\s\S]*SIGAP_INGEST_KEY/);
  });

  it('wants the first admin e-mail and password together', () => {
    expect(problemsOf({ ...valid, SIGAP_ADMIN_EMAIL: 'a@b.id' })[0]).toMatch(/SIGAP_ADMIN_PASSWORD/);
    expect(loadConfig('api', { ...valid, SIGAP_ADMIN_EMAIL: 'a@b.id', SIGAP_ADMIN_PASSWORD: 'long-enough-pw' }).bootstrapAdmin).toEqual({
      email: 'a@b.id',
      password: 'long-enough-pw',
    });
  });
});
