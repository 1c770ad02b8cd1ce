import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('uses the embedded defaults when nothing is set', () => {
    expect(loadConfig('database', {}).DATABASE_URL).toBe('postgres://postgres@127.0.0.1:54329/plan_eval');
    expect(loadConfig('temporal', {})).toEqual({
      TEMPORAL_ADDRESS: '127.0.0.1:7233',
      TEMPORAL_NAMESPACE: 'default',
      TEMPORAL_TASK_QUEUE: 'plan-eval',
    });
  });

  it.each([
    ['database', { DATABASE_URL: 'mysql://x/y' }, 'DATABASE_URL'],
    ['database', { DATABASE_URL: 'not a url' }, 'DATABASE_URL'],
    ['temporal', { TEMPORAL_ADDRESS: 'localhost' }, 'TEMPORAL_ADDRESS'],
    ['mail', { SMTP_URL: 'http://mail' }, 'SMTP_URL'],
    ['http', { PORT: '99999' }, 'PORT'],
  ] as const)('refuses a malformed %s setting and names it', (area, env, variable) => {
    let error: unknown;
    try {
      loadConfig(area, env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.map((p) => p.variable)).toEqual([variable]);
    expect((error as Error).message).toContain(variable);
  });

  it('treats an empty value as unset', () => {
    expect(loadConfig('http', { PORT: '' }).PORT).toBe(3000);
  });
});
