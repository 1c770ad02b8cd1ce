/**
 * docker-compose.yml, checked by the Compose tool itself (Debian's
 * `docker-compose config`, installed by scripts/tools.sh) and against the
 * apps' own configuration schemas: every setting it gives the api, the worker,
 * the mail relay and the migration is one they accept. No Docker engine is needed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configSchemas, loadConfig, type ConfigArea } from '@libs/config/config';
import { durationMs } from '@libs/cycle/duration';

const ROOT = join(__dirname, '../..');
const available = spawnSync('docker-compose', ['version'], { encoding: 'utf8' }).status === 0;

// The secrets as the header of docker-compose.yml has an operator make them, in a folder of the test's own.
const SECRETS_DIR = mkdtempSync(join(tmpdir(), 'plan-eval-compose-secrets-'));
const AUTH_SECRET = 'compose-test-secret-0123456789abcdef';
for (const [name, text] of Object.entries({
  postgres_password: 'postgres-password',
  plan_eval_db_password: 'plan-eval-password',
  temporal_db_password: 'temporal-password',
  auth_secret: AUTH_SECRET,
  temporal_payload_keys: `2026-12:${randomBytes(32).toString('base64')}`,
}))
  writeFileSync(join(SECRETS_DIR, name), `${text}\n`, { mode: 0o644 });

/** Every site setting the file requires, as an operator gives them. */
const SITE: Record<string, string> = {
  SECRETS_DIR,
  SITE_CERTIFICATE: '/etc/ssl/pg.heyuan.example/fullchain.pem',
  SITE_CERTIFICATE_KEY: '/etc/ssl/pg.heyuan.example/privkey.pem',
  PUBLIC_URL: 'https://pg.heyuan.example',
  SMTP_URL: 'smtp://mail.heyuan.gov.cn:587',
  MAIL_FROM: '河源市统计局 <tjj@heyuan.gov.cn>',
  BUREAU_EMAIL: 'tjj@heyuan.gov.cn',
  BUREAU_NAME: '河源市统计局',
  REPORT_ISSUER: '河源市统计局',
  REPORT_ISSUER_EN: 'Heyuan Municipal Bureau of Statistics',
};

const compose = (env: Record<string, string | undefined>) =>
  spawnSync('docker-compose', ['-f', join(ROOT, 'docker-compose.yml'), 'config'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
  });

interface Service {
  image?: string;
  build?: unknown;
  entrypoint?: string[];
  environment?: Record<string, string>;
  ports?: unknown[];
  container_name?: string;
  stop_grace_period?: string;
  command?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  secrets?: Array<{ source: string }>;
  volumes?: string[];
  networks?: Record<string, unknown>;
  mem_limit?: string | number;
  restart?: string;
}
interface Resolved {
  services: Record<string, Service>;
  secrets: Record<string, { file: string }>;
  networks: Record<string, { ipam?: { config: Array<{ subnet: string }> } }>;
}

/** The app services: one image, the apps' own configuration. */
const APPS = ['api', 'worker', 'mail-relay', 'migrate', 'temporal-setup'];
/** What runs once and exits; everything else runs on and is health-checked. */
const ONE_SHOT = ['migrate', 'temporal-schema', 'temporal-setup'];
const TEMPORAL_VERSION = readFileSync(join(ROOT, 'scripts/lib/common.sh'), 'utf8').match(
  /TEMPORAL_SERVER_VERSION="([\d.]+)"/,
)![1];

(available ? describe : describe.skip)('docker-compose.yml', () => {
  let resolved: Resolved;
  let services: Record<string, Service>;
  /** Each service's settings as its container sees them, secrets read from where they are mounted. */
  const inContainer = (name: string): NodeJS.ProcessEnv =>
    Object.fromEntries(
      Object.entries(services[name].environment!).map(([k, v]) => [
        k,
        v.startsWith('/run/secrets/') ? join(SECRETS_DIR, v.slice('/run/secrets/'.length)) : v,
      ]),
    );
  beforeAll(() => {
    const result = compose(SITE);
    expect(result.stderr).not.toMatch(/ERROR|WARNING/);
    expect(result.status).toBe(0);
    // python3-yaml comes with docker-compose: the resolved file as JSON.
    const json = execFileSync(
      'python3',
      ['-c', 'import json, sys, yaml; print(json.dumps(yaml.safe_load(sys.stdin)))'],
      { input: result.stdout, encoding: 'utf8' },
    );
    resolved = JSON.parse(json);
    services = resolved.services;
  });

  it('is valid for `docker-compose config` and runs the whole stack', () => {
    expect(Object.keys(services).sort()).toEqual([
      'api',
      'mail-relay',
      'migrate',
      'postgres',
      'proxy',
      'temporal',
      'temporal-schema',
      'temporal-setup',
      'temporal-ui',
      'worker',
    ]);
  });

  it.each(Object.keys(SITE))('refuses to resolve without %s, naming it', (variable) => {
    const result = compose({ ...SITE, [variable]: undefined });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain(`set ${variable}`);
  });

  it('runs the Temporal server the tests build, on the cluster’s config, after a schema job at the same version', () => {
    const { temporal, 'temporal-schema': schema } = services;
    expect(temporal.image).toBe(`temporalio/server:${TEMPORAL_VERSION}`);
    expect(schema.image).toBe(`temporalio/admin-tools:${TEMPORAL_VERSION}`);
    expect(temporal.volumes).toContain(`${ROOT}/deploy/temporal:/etc/temporal/plan-eval:ro`);
    const node = readFileSync(join(ROOT, 'deploy/temporal/compose-node.sh'), 'utf8');
    expect(node).toContain('--config-file /etc/temporal/plan-eval/config.yaml');
    expect(temporal.entrypoint).toEqual(['sh', '/etc/temporal/plan-eval/compose-node.sh']);
    // The cluster's config, pointed at the postgres service as the temporal login.
    expect(temporal.environment).toMatchObject({
      TEMPORAL_DB_HOST: 'postgres',
      TEMPORAL_DB_USER: 'temporal',
      TEMPORAL_DB_NAME: 'temporal',
      TEMPORAL_VISIBILITY_DB_NAME: 'temporal_visibility',
      TEMPORAL_DYNAMIC_CONFIG: '/etc/temporal/plan-eval/dynamicconfig.yaml',
    });
    const script = readFileSync(join(ROOT, 'deploy/temporal/schema.sh'), 'utf8');
    expect(schema.entrypoint).toEqual(['sh', '/etc/temporal/plan-eval/schema.sh']);
    for (const step of [
      'temporal-sql-tool --database "$database" setup-schema --version 0.0',
      'temporal-sql-tool --database "$database" update-schema --schema-name "postgresql/v12/$schema"',
      'temporal:temporal visibility:temporal_visibility',
    ])
      expect(script).toContain(step);
    expect(temporal.depends_on).toMatchObject({
      'temporal-schema': { condition: 'service_completed_successfully' },
    });
  });

  it('creates the namespace with an explicit retention and registers the search attributes before any worker', () => {
    expect(services['temporal-setup'].command).toEqual([
      'node',
      'dist/apps/cli/src/main.js',
      'temporal-setup',
      '--retention',
      '180d',
    ]);
    for (const name of ['worker', 'api'])
      expect(services[name].depends_on).toMatchObject({
        'temporal-setup': { condition: 'service_completed_successfully' },
      });
  });

  it('gives the application and Temporal databases and logins of their own, passwords from secrets files', () => {
    const init = readFileSync(join(ROOT, 'deploy/postgres/init-databases.sh'), 'utf8');
    expect(services.postgres.volumes).toContain(
      `${ROOT}/deploy/postgres/init-databases.sh:/docker-entrypoint-initdb.d/init-databases.sh:ro`,
    );
    for (const statement of [
      "CREATE ROLE plan_eval LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'app_password'",
      "CREATE ROLE temporal LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'temporal_password'",
      'CREATE DATABASE plan_eval OWNER plan_eval',
      'CREATE DATABASE temporal OWNER temporal',
      'CREATE DATABASE temporal_visibility OWNER temporal',
      'REVOKE ALL ON DATABASE plan_eval, temporal, temporal_visibility FROM PUBLIC',
    ])
      expect(init).toContain(statement);
    expect(services.postgres.environment).toEqual({ POSTGRES_PASSWORD_FILE: '/run/secrets/postgres_password' });
    const api = loadConfig('database', inContainer('api')).DATABASE_URL;
    expect(new URL(api)).toMatchObject({
      username: 'plan_eval',
      password: 'plan-eval-password',
      host: 'postgres:5432',
    });
    expect(services.temporal.environment!.TEMPORAL_DB_PASSWORD).toBeUndefined();
    // No password anywhere in the resolved file: each one is a file Compose mounts.
    for (const service of Object.values(services))
      for (const value of Object.values(service.environment ?? {})) expect(value).not.toMatch(/-password/);
    for (const secret of Object.values(resolved.secrets)) expect(secret).toEqual({ file: expect.any(String) });
  });

  it.each(APPS)('gives %s, from the one image, settings every configuration area accepts in production', (name) => {
    const env = inContainer(name);
    for (const area of Object.keys(configSchemas) as ConfigArea[]) expect(() => loadConfig(area, env)).not.toThrow();
    expect(env.NODE_ENV).toBe('production');
    expect(services[name].image).toBe('plan-eval:latest');
    expect(loadConfig('auth', env).AUTH_SECRET).toBe(AUTH_SECRET);
    expect(loadConfig('temporal', env).TEMPORAL_PAYLOAD_KEYS_FILE).toBe(join(SECRETS_DIR, 'temporal_payload_keys'));
    expect(services[name].secrets!.map((s) => s.source).sort()).toEqual([
      'auth_secret',
      'plan_eval_db_password',
      'temporal_payload_keys',
    ]);
  });

  it('builds the image once, tagged with the version given', () => {
    expect(
      Object.entries(services)
        .filter(([, s]) => s.build !== undefined)
        .map(([name]) => name),
    ).toEqual(['migrate']);
    const tagged = compose({ ...SITE, PLAN_EVAL_VERSION: '2026.12' });
    expect(tagged.stdout.match(/image: plan-eval:2026\.12$/gm)).toHaveLength(APPS.length);
  });

  it('publishes only the proxy, which terminates TLS with the site’s certificate', () => {
    const published = Object.entries(services).filter(([, s]) => (s.ports ?? []).length > 0);
    expect(published.map(([name]) => name)).toEqual(['proxy']);
    expect(JSON.stringify(services.proxy.ports)).toContain('443');
    expect(services.proxy.secrets!.map((s) => s.source)).toEqual(['site_certificate', 'site_certificate_key']);
    expect(resolved.secrets.site_certificate.file).toBe(SITE.SITE_CERTIFICATE);
    const nginx = readFileSync(join(ROOT, 'deploy/proxy/nginx.conf'), 'utf8');
    for (const line of [
      'listen 443 ssl;',
      'ssl_certificate /run/secrets/site_certificate;',
      'ssl_certificate_key /run/secrets/site_certificate_key;',
      'set $api http://api:3000;',
      'location /temporal/ {',
      'set $ui http://temporal-ui:8080;',
      'proxy_set_header X-Forwarded-For $remote_addr;',
    ])
      expect(nginx).toContain(line);
  });

  it('serves the Temporal UI on the portal’s origin to administrators only, its codec the API’s endpoint', () => {
    expect(services['temporal-ui'].environment).toMatchObject({
      TEMPORAL_ADDRESS: 'temporal:7233',
      TEMPORAL_UI_PUBLIC_PATH: '/temporal',
      TEMPORAL_CODEC_ENDPOINT: `${SITE.PUBLIC_URL}/api/temporal-codec`,
      // The browser sends the administrator's operator cookie with each decode.
      TEMPORAL_CODEC_INCLUDE_CREDENTIALS: 'true',
      TEMPORAL_CORS_ORIGINS: SITE.PUBLIC_URL,
    });
    // Every request to the UI passes the API's operator check first (run by nginx in test/ops/proxy.spec.ts).
    const nginx = readFileSync(join(ROOT, 'deploy/proxy/nginx.conf'), 'utf8');
    expect(nginx).toMatch(/location \/temporal\/ \{\s*auth_request \/_operator-check;/);
    expect(nginx).toContain('proxy_pass $api/api/auth/operator-check;');
  });

  it('trusts the proxy’s network, and only it, to name the client', () => {
    const [edge] = resolved.networks.edge.ipam!.config;
    const { TRUST_PROXY, HOST } = loadConfig('http', inContainer('api'));
    expect(TRUST_PROXY).toEqual([edge.subnet]);
    expect(HOST).toBe('0.0.0.0');
    expect(Object.keys(services.proxy.networks!)).toEqual(['edge']);
    const onEdge = Object.entries(services).filter(([, s]) => 'edge' in (s.networks ?? {}));
    expect(onEdge.map(([name]) => name).sort()).toEqual(['api', 'proxy', 'temporal-ui']);
  });

  it('health-checks every long-running service, and each dependent waits for health or completion', () => {
    for (const [name, service] of Object.entries(services)) {
      if (ONE_SHOT.includes(name)) expect(service.restart).not.toBe('unless-stopped');
      else expect(service.healthcheck?.test.length).toBeGreaterThan(1);
      for (const [dependency, { condition }] of Object.entries(service.depends_on ?? {}))
        expect(condition).toBe(ONE_SHOT.includes(dependency) ? 'service_completed_successfully' : 'service_healthy');
    }
  });

  it('limits every service’s memory, and says where each figure comes from', () => {
    const file = readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8');
    for (const [name, service] of Object.entries(services))
      expect([name, service.mem_limit]).toEqual([name, expect.anything()]);
    // The worker's figure is the bench's: its peak through a 10,000-item cycle's report.
    expect(services.worker.mem_limit).toBe('3g');
    expect(file).toContain('README, bench "Worker memory"');
  });

  it('imports the seed plan only when the database lacks it', () => {
    expect(services.migrate.command!.join(' ')).toContain('node dist/apps/cli/src/main.js import --if-absent');
  });

  it('lets the worker scale out: no host port, no fixed name, metrics on each container', () => {
    const worker = services.worker;
    expect(worker.ports ?? []).toEqual([]);
    expect(worker.container_name).toBeUndefined();
    expect(worker.command).toEqual(['node', 'dist/apps/worker/src/main.js']);
    const settings = loadConfig('observability', worker.environment);
    expect(settings.WORKER_METRICS_ADDRESS).toBe('0.0.0.0:9464');
    expect(settings.TEMPORAL_METRICS_ADDRESS).toBeDefined();
  });

  it('stops the workers before the mail relay their activities wait for, and lets the relay scale out', () => {
    expect(Object.keys(services.worker.depends_on ?? {})).toContain('mail-relay');
    const relay = services['mail-relay'];
    expect(relay.ports ?? []).toEqual([]);
    expect(relay.container_name).toBeUndefined();
    expect(relay.command).toEqual(['node', 'dist/apps/mail-relay/src/main.js']);
    expect(loadConfig('observability', relay.environment).MAIL_RELAY_METRICS_ADDRESS).toBe('0.0.0.0:9464');
  });

  it('gives the worker more time to stop than it takes to finish its activities', () => {
    const { WORKER_SHUTDOWN_GRACE_TIME, WORKER_SHUTDOWN_FORCE_TIME } = loadConfig(
      'worker',
      services.worker.environment,
    );
    const composeGrace = durationMs(services.worker.stop_grace_period!);
    expect(durationMs(WORKER_SHUTDOWN_GRACE_TIME)).toBeLessThan(durationMs(WORKER_SHUTDOWN_FORCE_TIME));
    expect(durationMs(WORKER_SHUTDOWN_FORCE_TIME)).toBeLessThan(composeGrace);
  });
});

if (!available) {
  it.skip('docker-compose is not installed here: run scripts/tools.sh to check docker-compose.yml', () => undefined);
}
