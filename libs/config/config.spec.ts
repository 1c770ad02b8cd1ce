import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig, type ConfigArea } from './config';

/** The variables a refusal names, or [] when the settings are accepted. */
function refused(area: ConfigArea, env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(area, env);
    return [];
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as ConfigError).problems.map((p) => p.variable);
  }
}

describe('loadConfig', () => {
  it('uses the embedded defaults when nothing is set', () => {
    expect(loadConfig('database', {}).DATABASE_URL).toBe('postgres://postgres@127.0.0.1:54329/plan_eval');
    expect(loadConfig('temporal', {})).toEqual({
      NODE_ENV: 'development',
      TEMPORAL_ADDRESS: '127.0.0.1:7233',
      TEMPORAL_NAMESPACE: 'default',
      TEMPORAL_TASK_QUEUE: 'plan-eval',
    });
    expect(loadConfig('bureau', {}).BUREAU_NAME).toBe('市统计局');
    expect(loadConfig('worker', {}).WORKER_MAX_CACHED_WORKFLOWS).toBeUndefined();
  });

  it.each([
    ['0', 0],
    ['2', 2],
    ['1500', 1500],
  ])('keeps WORKER_MAX_CACHED_WORKFLOWS=%s workflows cached', (value, kept) => {
    expect(loadConfig('worker', { WORKER_MAX_CACHED_WORKFLOWS: value }).WORKER_MAX_CACHED_WORKFLOWS).toBe(kept);
  });

  it.each([
    ['database', { DATABASE_URL: 'mysql://x/y' }, 'DATABASE_URL'],
    ['database', { DATABASE_URL: 'not a url' }, 'DATABASE_URL'],
    ['temporal', { TEMPORAL_ADDRESS: 'localhost' }, 'TEMPORAL_ADDRESS'],
    ['mail', { SMTP_URL: 'http://mail' }, 'SMTP_URL'],
    ['http', { PORT: '99999' }, 'PORT'],
    ['bureau', { BUREAU_NAME: 'x'.repeat(101) }, 'BUREAU_NAME'],
    ['worker', { WORKER_MAX_CACHED_WORKFLOWS: '1' }, 'WORKER_MAX_CACHED_WORKFLOWS'],
    ['worker', { WORKER_MAX_CACHED_WORKFLOWS: '-5' }, 'WORKER_MAX_CACHED_WORKFLOWS'],
    ['worker', { WORKER_MAX_CACHED_WORKFLOWS: 'many' }, 'WORKER_MAX_CACHED_WORKFLOWS'],
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

  describe('Temporal TLS', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-eval-tls-config-'));
    const PEM = join(dir, 'ca.pem');
    writeFileSync(PEM, '-----BEGIN CERTIFICATE-----\nx\n-----END CERTIFICATE-----\n');
    const NOT_PEM = join(dir, 'ca.txt');
    writeFileSync(NOT_PEM, 'not a certificate');

    it.each<[string, NodeJS.ProcessEnv, string[]]>([
      ['a certificate without its key', { TEMPORAL_TLS_CLIENT_CERT_PATH: PEM }, ['TEMPORAL_TLS_CLIENT_KEY_PATH']],
      ['a key without its certificate', { TEMPORAL_TLS_CLIENT_KEY_PATH: PEM }, ['TEMPORAL_TLS_CLIENT_CERT_PATH']],
      [
        'a file that is not there',
        { TEMPORAL_TLS_SERVER_CA_CERT_PATH: join(dir, 'gone.pem') },
        ['TEMPORAL_TLS_SERVER_CA_CERT_PATH'],
      ],
      ['a file that is not PEM', { TEMPORAL_TLS_SERVER_CA_CERT_PATH: NOT_PEM }, ['TEMPORAL_TLS_SERVER_CA_CERT_PATH']],
      [
        'TLS off with TLS files set',
        { TEMPORAL_TLS: 'false', TEMPORAL_TLS_SERVER_CA_CERT_PATH: PEM },
        ['TEMPORAL_TLS'],
      ],
      ['TEMPORAL_TLS neither true nor false', { TEMPORAL_TLS: 'yes' }, ['TEMPORAL_TLS']],
      [
        'a CA, a certificate with its key and a server name',
        {
          TEMPORAL_TLS_SERVER_CA_CERT_PATH: PEM,
          TEMPORAL_TLS_CLIENT_CERT_PATH: PEM,
          TEMPORAL_TLS_CLIENT_KEY_PATH: PEM,
          TEMPORAL_TLS_SERVER_NAME: 'temporal.heyuan.internal',
        },
        [],
      ],
    ])('%s: refused naming %j', (_label, env, variables) => {
      expect(refused('temporal', env)).toEqual(variables);
    });
  });

  it('names the missing half of an SMTP client certificate', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-eval-smtp-tls-config-'));
    const PEM = join(dir, 'client.pem');
    writeFileSync(PEM, '-----BEGIN CERTIFICATE-----\nx\n-----END CERTIFICATE-----\n');
    expect(refused('mail', { SMTP_TLS_CERT_PATH: PEM })).toEqual(['SMTP_TLS_KEY_PATH']);
    expect(refused('mail', { SMTP_TLS_KEY_PATH: PEM })).toEqual(['SMTP_TLS_CERT_PATH']);
    expect(refused('mail', { SMTP_TLS_CA_PATH: join(dir, 'gone.pem') })).toEqual(['SMTP_TLS_CA_PATH']);
    expect(refused('mail', { SMTP_TLS_CA_PATH: PEM, SMTP_TLS_CERT_PATH: PEM, SMTP_TLS_KEY_PATH: PEM })).toEqual([]);
  });

  it('treats an empty value as unset', () => {
    expect(loadConfig('http', { PORT: '' }).PORT).toBe(3000);
  });

  it.each([
    [{}, '127.0.0.1'],
    [{ HOST: '0.0.0.0' }, '0.0.0.0'],
    [{ HOST: '::1' }, '::1'],
    [{ HOST: 'localhost' }, 'localhost'],
  ])('listens on this machine only unless told otherwise: %j', (env, host) => {
    expect(loadConfig('http', env).HOST).toBe(host);
  });

  it.each(['*', 'all', 'example.com', '300.1.1.1'])('refuses HOST=%s, naming it', (HOST) => {
    expect(refused('http', { HOST })).toEqual(['HOST']);
  });

  it.each<[string, string[]]>([
    ['loopback', ['loopback']],
    ['10.0.0.5, 172.16.0.0/12', ['10.0.0.5', '172.16.0.0/12']],
    ['uniquelocal,fd00::/8', ['uniquelocal', 'fd00::/8']],
  ])('trusts the proxies TRUST_PROXY=%s names', (TRUST_PROXY, trusted) => {
    expect(loadConfig('http', { TRUST_PROXY }).TRUST_PROXY).toEqual(trusted);
  });

  it.each(['true', '1', '10.0.0.0/33', 'proxy.example', '10.0.0.5,'])(
    'refuses TRUST_PROXY=%s, naming it',
    (TRUST_PROXY) => {
      expect(refused('http', { TRUST_PROXY })).toEqual(['TRUST_PROXY']);
    },
  );

  describe('in production', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-eval-production-config-'));
    const CA = join(dir, 'ca.pem');
    writeFileSync(CA, '-----BEGIN CERTIFICATE-----\nx\n-----END CERTIFICATE-----\n');
    const production = { NODE_ENV: 'production' };
    const remote = { ...production, TEMPORAL_ADDRESS: 'temporal.heyuan.internal:7233' };

    it.each<[string, ConfigArea, NodeJS.ProcessEnv, string[]]>([
      ['PUBLIC_URL left at its localhost default', 'http', production, ['PUBLIC_URL']],
      ['a localhost PUBLIC_URL', 'http', { ...production, PUBLIC_URL: 'https://localhost' }, ['PUBLIC_URL']],
      ['a loopback PUBLIC_URL', 'http', { ...production, PUBLIC_URL: 'http://127.0.0.1:3000' }, ['PUBLIC_URL']],
      ['an IPv6 loopback PUBLIC_URL', 'http', { ...production, PUBLIC_URL: 'http://[::1]:3000' }, ['PUBLIC_URL']],
      ['the portal’s public address', 'http', { ...production, PUBLIC_URL: 'https://pg.heyuan.example' }, []],
      ['a localhost PUBLIC_URL outside production', 'http', { PUBLIC_URL: 'http://localhost:3000' }, []],
      ['a Temporal server on another host, no TLS setting', 'temporal', remote, ['TEMPORAL_TLS']],
      ['… with TLS on', 'temporal', { ...remote, TEMPORAL_TLS: 'true' }, []],
      ['… with the CA of its certificate', 'temporal', { ...remote, TEMPORAL_TLS_SERVER_CA_CERT_PATH: CA }, []],
      ['… on a private network, said so (TEMPORAL_TLS=false)', 'temporal', { ...remote, TEMPORAL_TLS: 'false' }, []],
      ['a Temporal server on this machine', 'temporal', production, []],
      ['a Temporal server at localhost', 'temporal', { ...production, TEMPORAL_ADDRESS: 'localhost:7233' }, []],
      ['another host without TLS outside production', 'temporal', { TEMPORAL_ADDRESS: 'temporal:7233' }, []],
      ['no secret', 'auth', production, ['AUTH_SECRET']],
      [
        'the development secret',
        'auth',
        { ...production, AUTH_SECRET: 'plan-eval-development-secret-do-not-use-in-production' },
        ['AUTH_SECRET'],
      ],
    ])('%s (%s): refused naming the settings in the last column', (_label, area, env, variables) => {
      expect(refused(area, env)).toEqual(variables);
    });
  });

  describe('the database password from a file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-eval-database-password-'));
    const file = (name: string, text: string) => {
      writeFileSync(join(dir, name), text);
      return join(dir, name);
    };
    const DATABASE_URL = 'postgres://plan_eval@postgres:5432/plan_eval';

    it('joins DATABASE_URL, percent-encoded, its first line only', () => {
      const DATABASE_PASSWORD_FILE = file('password', 'p@ss:w/rd%\n');
      const url = loadConfig('database', { DATABASE_URL, DATABASE_PASSWORD_FILE }).DATABASE_URL;
      expect(url).toBe('postgres://plan_eval:p%40ss%3Aw%2Frd%25@postgres:5432/plan_eval');
      expect(decodeURIComponent(new URL(url).password)).toBe('p@ss:w/rd%');
    });

    it.each<[string, NodeJS.ProcessEnv]>([
      ['an empty file', { DATABASE_URL, DATABASE_PASSWORD_FILE: file('empty', '\n') }],
      ['a file that is not there', { DATABASE_URL, DATABASE_PASSWORD_FILE: join(dir, 'gone') }],
      [
        'a password in the URL as well',
        { DATABASE_URL: 'postgres://plan_eval:x@postgres/plan_eval', DATABASE_PASSWORD_FILE: file('second', 'y') },
      ],
    ])('refuses %s, naming DATABASE_PASSWORD_FILE', (_label, env) => {
      expect(refused('database', env)).toEqual(['DATABASE_PASSWORD_FILE']);
    });
  });

  describe('the auth secret', () => {
    const dir = () => mkdtempSync(join(tmpdir(), 'plan-eval-secret-'));

    it('is generated once per installation when none is set, readable by its owner only', () => {
      const file = join(dir(), 'nested', 'auth-secret');
      const first = loadConfig('auth', { AUTH_SECRET_FILE: file }).AUTH_SECRET;
      expect(first).toMatch(/^[0-9a-f]{64}$/);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(loadConfig('auth', { AUTH_SECRET_FILE: file }).AUTH_SECRET).toBe(first);
      expect(readFileSync(file, 'utf8').trim()).toBe(first);
    });

    it('is the one given when set, and no file is made', () => {
      const file = join(dir(), 'auth-secret');
      expect(loadConfig('auth', { AUTH_SECRET: 'x'.repeat(32), AUTH_SECRET_FILE: file }).AUTH_SECRET).toBe(
        'x'.repeat(32),
      );
      expect(() => statSync(file)).toThrow();
    });

    it.each<[string, NodeJS.ProcessEnv, string]>([
      [
        'the published development secret',
        { AUTH_SECRET: 'plan-eval-development-secret-do-not-use-in-production' },
        'AUTH_SECRET',
      ],
      ['a short secret', { AUTH_SECRET: 'x'.repeat(31) }, 'AUTH_SECRET'],
      [
        'in production, a secret file that is not there (none is generated)',
        { NODE_ENV: 'production' },
        'AUTH_SECRET_FILE',
      ],
    ])('refuses %s, naming it', (_label, env, variable) => {
      expect(refused('auth', { AUTH_SECRET_FILE: join(dir(), 'auth-secret'), ...env })).toEqual([variable]);
    });

    it('is read in production from the file given (a Compose secret, mounted with the host file’s mode)', () => {
      const given = join(dir(), 'auth_secret');
      writeFileSync(given, `${'z'.repeat(64)}\n`, { mode: 0o644 });
      expect(loadConfig('auth', { NODE_ENV: 'production', AUTH_SECRET_FILE: given }).AUTH_SECRET).toBe('z'.repeat(64));
    });

    it('refuses a generated secret others can read, or one cut short', () => {
      const open = join(dir(), 'auth-secret');
      writeFileSync(open, 'y'.repeat(64));
      chmodSync(open, 0o644);
      expect(refused('auth', { AUTH_SECRET_FILE: open })).toEqual(['AUTH_SECRET_FILE']);
      const short = join(dir(), 'auth-secret');
      writeFileSync(short, 'y'.repeat(12), { mode: 0o600 });
      expect(refused('auth', { AUTH_SECRET_FILE: short })).toEqual(['AUTH_SECRET_FILE']);
    });
  });
});
