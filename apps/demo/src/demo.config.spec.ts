import { DemoConfigError, loadDemoConfig } from './demo.config';

describe('loadDemoConfig', () => {
  const base = { SIGAP_API_URL: 'http://localhost:3000/', SIGAP_INGEST_KEY: 'dev-ingest-key' };

  it('reads the URL and key and defaults the rest', () => {
    expect(loadDemoConfig(base)).toEqual({ apiUrl: 'http://localhost:3000', ingestKey: 'dev-ingest-key', speed: 1, seed: 'bandung' });
  });

  it('reads speed and seed', () => {
    expect(loadDemoConfig({ ...base, SIGAP_DEMO_SPEED: '2.5', SIGAP_DEMO_SEED: '42' })).toMatchObject({ speed: 2.5, seed: '42' });
  });

  it('treats an empty optional variable as unset', () => {
    expect(loadDemoConfig({ ...base, SIGAP_DEMO_SPEED: '', SIGAP_DEMO_SEED: '' })).toMatchObject({ speed: 1, seed: 'bandung' });
  });

  it('names every variable that is wrong', () => {
    try {
      loadDemoConfig({ SIGAP_API_URL: 'localhost', SIGAP_DEMO_SPEED: '-1' });
      throw new Error('expected a DemoConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(DemoConfigError);
      const { problems } = error as DemoConfigError;
      expect(problems.some((p) => p.startsWith('SIGAP_API_URL'))).toBe(true);
      expect(problems.some((p) => p.startsWith('SIGAP_INGEST_KEY'))).toBe(true);
      expect(problems.some((p) => p.startsWith('SIGAP_DEMO_SPEED'))).toBe(true);
    }
  });
});
