/**
 * The stack's proxy, deploy/proxy/nginx.conf, run by Debian's nginx (scripts/tools.sh) in front
 * of a test's own upstreams. The production file is read and only what names the stack's
 * surroundings is changed in a copy: the listening ports, the certificate's files (made by the
 * test), and the compose service names (api, temporal-ui) replaced by the test's loopback ports.
 * Every directive that decides what passes is the file's own.
 */
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:https';
import type { IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort, waitFor } from '../../tools/stack/ports';
import { createTestCertificates } from '../../tools/stack/test-certificates';

const PRODUCTION_CONFIG = join(__dirname, '../../deploy/proxy/nginx.conf');
export const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';

export interface ProxyUpstreams {
  /** The API's port (compose: api:3000). */
  api: number;
  /** The Temporal UI's port (compose: temporal-ui:8080). */
  ui: number;
}

/** A rendered configuration: the site file and the main file that includes it, in `dir`. */
export interface ProxyConfig {
  dir: string;
  main: string;
  /** The CA the site's certificate is signed by (for 127.0.0.1 and localhost). */
  ca: string;
  httpsPort: number;
  httpPort: number;
}

/** One substitution of the copy, failing loudly if the production file no longer has what it replaces. */
function replaceOnce(text: string, from: string | RegExp, to: string): string {
  if (!(typeof from === 'string' ? text.includes(from) : from.test(text)))
    throw new Error(`deploy/proxy/nginx.conf no longer has ${String(from)}: update test/support/nginx-proxy.ts`);
  return text.replace(from, to);
}

export async function renderProxyConfig(upstreams: ProxyUpstreams): Promise<ProxyConfig> {
  const dir = await mkdtemp(join(tmpdir(), 'plan-eval-proxy-'));
  const certs = createTestCertificates(dir);
  const [httpsPort, httpPort] = [await freePort(), await freePort()];
  let site = await readFile(PRODUCTION_CONFIG, 'utf8');
  site = replaceOnce(site, /listen 80;/, `listen 127.0.0.1:${httpPort};`);
  // Debian bookworm's nginx is 1.22: HTTP/2 is a parameter of `listen` there, `http2 on` came in 1.25.1.
  site = replaceOnce(site, /listen 443 ssl;/, `listen 127.0.0.1:${httpsPort} ssl http2;`);
  site = replaceOnce(site, /\n\s*http2 on;/, '');
  site = replaceOnce(site, '/run/secrets/site_certificate_key;', `${certs.node.key};`);
  site = replaceOnce(site, '/run/secrets/site_certificate;', `${certs.node.cert};`);
  site = site.replaceAll('http://api:3000', `http://127.0.0.1:${upstreams.api}`);
  site = replaceOnce(site, 'http://temporal-ui:8080', `http://127.0.0.1:${upstreams.ui}`);
  await writeFile(join(dir, 'site.conf'), site);
  const main = join(dir, 'nginx.conf');
  // Root (as in a container) hands the workers to `nobody` unless told: they read the test's files as root.
  const user = process.getuid?.() === 0 ? 'user root;\n' : '';
  await writeFile(
    main,
    `${user}daemon off;\nworker_processes 1;\npid ${dir}/nginx.pid;\nerror_log ${dir}/error.log warn;\n` +
      `events { worker_connections 256; }\n` +
      `http {\n  access_log ${dir}/access.log;\n` +
      ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${dir}/${t};\n`).join('') +
      `  include ${dir}/site.conf;\n}\n`,
  );
  return { dir, main, ca: await readFile(certs.ca, 'utf8'), httpsPort, httpPort };
}

/** `nginx -t` on a rendered configuration: its output, or the error saying what is wrong. */
export async function checkProxyConfig(config: ProxyConfig): Promise<string> {
  const { stderr } = await promisify(execFile)(NGINX, ['-t', '-p', config.dir, '-e', 'stderr', '-c', config.main]);
  return stderr;
}

export interface ProxyAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface RunningProxy extends ProxyConfig {
  /** https://localhost:<port>, as a browser opens it. */
  origin: string;
  /** One HTTPS request through the proxy, trusting the test's CA; `from`: the client's own loopback address. */
  fetch(
    path: string,
    o?: { method?: string; headers?: Record<string, string>; body?: string; from?: string },
  ): Promise<ProxyAnswer>;
  stop(): Promise<void>;
}

export async function startProxy(upstreams: ProxyUpstreams): Promise<RunningProxy> {
  if (!existsSync(NGINX)) throw new Error(`nginx not found at ${NGINX}: run scripts/tools.sh`);
  const config = await renderProxyConfig(upstreams);
  await checkProxyConfig(config);
  const child: ChildProcess = spawn(NGINX, ['-p', config.dir, '-e', 'stderr', '-c', config.main], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  child.stderr?.on('data', (d: Buffer) => (errors += d.toString()));
  const fetch: RunningProxy['fetch'] = (path, o = {}) =>
    new Promise((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          servername: 'localhost',
          port: config.httpsPort,
          path,
          method: o.method ?? 'GET',
          headers: { host: `localhost:${config.httpsPort}`, ...o.headers },
          ca: config.ca,
          localAddress: o.from,
          agent: false,
        },
        (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (d: string) => (body += d));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        },
      );
      req.on('error', reject);
      req.end(o.body);
    });
  await waitFor(
    'the proxy answering',
    async () => {
      if (child.exitCode !== null) throw new Error(`nginx exited: ${errors}`);
      return fetch('/healthz-of-the-test');
    },
    10_000,
  );
  return {
    ...config,
    origin: `https://localhost:${config.httpsPort}`,
    fetch,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((done) => child.once('exit', done));
        child.kill('SIGQUIT');
        await exited;
      }
      await rm(config.dir, { recursive: true, force: true });
    },
  };
}
