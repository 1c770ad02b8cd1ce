/**
 * docker-compose.yml, checked by the Compose tool itself (Debian's
 * `docker-compose config`, installed by scripts/tools.sh) and against the
 * apps' own configuration schemas: every setting it gives the api, the worker,
 * the mail relay and the migration is one they accept. No Docker engine is needed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { configSchemas, loadConfig, type ConfigArea } from '@libs/config/config';
import { durationMs } from '@libs/cycle/duration';

const ROOT = join(__dirname, '../..');
const SECRET = 'compose-test-secret-0123456789abcdef';
const available = spawnSync('docker-compose', ['version'], { encoding: 'utf8' }).status === 0;

const compose = (env: Record<string, string | undefined>) =>
  spawnSync('docker-compose', ['-f', join(ROOT, 'docker-compose.yml'), 'config'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
  });

interface Service {
  environment?: Record<string, string>;
  ports?: unknown[];
  container_name?: string;
  stop_grace_period?: string;
  command?: string[];
  depends_on?: Record<string, unknown>;
}

(available ? describe : describe.skip)('docker-compose.yml', () => {
  let services: Record<string, Service>;
  beforeAll(() => {
    const result = compose({ AUTH_SECRET: SECRET });
    expect(result.stderr).not.toMatch(/ERROR|WARNING/);
    expect(result.status).toBe(0);
    // python3-yaml comes with docker-compose: the resolved file as JSON.
    const json = execFileSync(
      'python3',
      ['-c', 'import json, sys, yaml; print(json.dumps(yaml.safe_load(sys.stdin)))'],
      { input: result.stdout, encoding: 'utf8' },
    );
    services = JSON.parse(json).services;
  });

  it('is valid for `docker-compose config` and runs the whole stack', () => {
    expect(Object.keys(services).sort()).toEqual([
      'api',
      'mail',
      'mail-relay',
      'migrate',
      'postgres',
      'temporal',
      'temporal-setup',
      'temporal-ui',
      'worker',
    ]);
  });

  it('registers the search attributes before any worker runs a workflow that sets them', () => {
    expect(services['temporal-setup'].command).toEqual(['node', 'dist/apps/cli/src/main.js', 'temporal-setup']);
    expect(services.worker.depends_on).toMatchObject({
      'temporal-setup': { condition: 'service_completed_successfully' },
    });
  });

  it('refuses to resolve without an AUTH_SECRET of one’s own', () => {
    const result = compose({});
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('set AUTH_SECRET');
  });

  it.each(['api', 'worker', 'mail-relay', 'migrate', 'temporal-setup'])(
    'gives %s settings every configuration area accepts',
    (name) => {
      const env = services[name].environment!;
      for (const area of Object.keys(configSchemas) as ConfigArea[]) expect(() => loadConfig(area, env)).not.toThrow();
      expect(env.NODE_ENV).toBe('production');
    },
  );

  it('serves the API on its container’s every interface, signing with the secret from the environment', () => {
    const api = services.api.environment!;
    expect(loadConfig('http', api).HOST).toBe('0.0.0.0');
    for (const name of ['api', 'worker', 'mail-relay'])
      expect(loadConfig('auth', services[name].environment).AUTH_SECRET).toBe(SECRET);
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
