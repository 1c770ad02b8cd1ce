/**
 * The Temporal UI behind the stack's proxy, seen in a browser: the dev server's own UI (the
 * `temporal` CLI's, served under /temporal with the codec endpoint on the portal's origin, as
 * docker-compose.yml configures the temporalio/ui image) behind deploy/proxy/nginx.conf, in front
 * of the real API holding the keyring. A history's encrypted input shows decrypted to a signed-in
 * bureau administrator, through the operator cookie alone; a signed-out browser is sent to the
 * portal's sign-in, which brings an administrator back to the page; a department's browser gets no UI.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { chromium, type BrowserContext } from 'playwright-core';
import { loadConfig } from '@libs/config/config';
import { temporalDataConverter } from '@libs/temporal/connection';
import { CHROMIUM, CHROMIUM_ARGS } from '../../tools/chromium';
import { freePort, waitFor } from '../../tools/stack/ports';
import {
  ACCOUNTS,
  createApiHarness,
  expectDecodeAudited,
  PASSWORD,
  type AccountName,
  type ApiHarness,
} from '../support/api-harness';
import { fillSignInForm } from '../support/browser';
import { startProxy, type RunningProxy } from '../support/nginx-proxy';

const SUBMITTED = '河源市教育局报送值 284.7（界面解密核对）';

describe('the Temporal UI behind the proxy', () => {
  let h: ApiHarness;
  let proxy: RunningProxy;
  let temporal: ChildProcess;
  let browser: BrowserContext;
  let dir: string;
  let workflowId: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'plan-eval-temporal-ui-'));
    const keys = join(dir, 'payload-keys');
    await writeFile(keys, `2026-12:${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
    const dataConverter = temporalDataConverter({ ...loadConfig('temporal'), TEMPORAL_PAYLOAD_KEYS_FILE: keys });
    h = await createApiHarness('time-skipping', dataConverter);
    await new Promise<void>((resolve) => h.app.getHttpServer().listen(0, '127.0.0.1', resolve));

    const [grpcPort, uiPort] = [await freePort(), await freePort()];
    proxy = await startProxy({ api: (h.app.getHttpServer().address() as AddressInfo).port, ui: uiPort });
    const cli = process.env.TEMPORAL_CLI_PATH ?? join(__dirname, '../../.tools/venv/bin/temporal');
    temporal = spawn(
      cli,
      [
        ...['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(grpcPort), '--ui-port', String(uiPort)],
        ...['--ui-public-path', '/temporal', '--ui-codec-endpoint', `${proxy.origin}/api/temporal-codec`],
        ...['--ui-disable-news-fetch', '--log-level', 'error', '--db-filename', join(dir, 'temporal.db')],
      ],
      { stdio: 'ignore' },
    );
    const connection = await waitFor(
      'the Temporal dev server and its UI',
      async () => {
        const c = await Connection.connect({ address: `127.0.0.1:${grpcPort}`, connectTimeout: 1000 });
        try {
          await c.workflowService.describeNamespace({ namespace: 'default' });
          if ((await fetch(`http://127.0.0.1:${uiPort}/temporal/`)).ok) return c;
        } catch (e) {
          await c.close();
          throw e;
        }
        await c.close();
        return undefined;
      },
      60_000,
      200,
    );
    // A history with a submitted value in it, sealed by the installation's codec; no worker needed to show it.
    const client = new Client({ connection, dataConverter });
    workflowId = `ui-decrypt-${randomUUID()}`;
    await client.workflow.start('departmentCycle', { taskQueue: 'nobody-polls', workflowId, args: [SUBMITTED] });
    await connection.close();

    browser = await chromium.launchPersistentContext(join(dir, 'chromium'), {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      ignoreHTTPSErrors: true,
      locale: 'zh-CN',
    });
  });
  afterAll(async () => {
    await browser?.close();
    if (temporal && temporal.exitCode === null) {
      const exited = new Promise((done) => temporal.once('exit', done));
      temporal.kill('SIGTERM');
      await exited;
    }
    await proxy?.stop();
    h?.app.getHttpServer().close();
    await h?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** Signs in as the portal does, in the browser: the answer's cookies stay in the browser's jar. */
  async function signIn(who: AccountName) {
    await browser.clearCookies();
    const res = await browser.request.post(`${proxy.origin}/api/auth/login`, {
      data: { email: ACCOUNTS[who].email, password: PASSWORD },
    });
    expect(res.status()).toBe(200);
  }

  it('shows a bureau administrator the history’s input decrypted', async () => {
    await signIn('admin');
    const page = await browser.newPage();
    await page.goto(`${proxy.origin}/temporal/namespaces/default/workflows/${workflowId}`);
    await page.getByText(SUBMITTED).first().waitFor({ timeout: 60_000 });
    await expectDecodeAudited(h);
  });

  it('sends a signed-out browser to the portal’s sign-in, which brings an administrator back to the page', async () => {
    await browser.clearCookies();
    const page = await browser.newPage();
    const asked = `/temporal/namespaces/default/workflows/${workflowId}`;
    await page.goto(`${proxy.origin}${asked}`);
    expect(page.url()).toBe(`${proxy.origin}/login?next=${asked}`);
    await page.getByText('Temporal 界面仅供市统计局系统管理员使用').waitFor();
    await fillSignInForm(page, 'admin');
    await page.waitForURL(`${proxy.origin}${asked}`);
    await page.getByText(SUBMITTED).first().waitFor({ timeout: 60_000 });
  });

  it('gives a department’s browser no UI at all: signed in, it stays in the portal', async () => {
    await signIn('submitter');
    const page = await browser.newPage();
    const asked = `/temporal/namespaces/default/workflows/${workflowId}`;
    const res = await page.goto(`${proxy.origin}${asked}`);
    const proxyAnswer = await res?.request().redirectedFrom()?.response();
    expect(proxyAnswer?.status()).toBe(302);
    expect(page.url()).toBe(`${proxy.origin}/login?next=${asked}`);
    await fillSignInForm(page, 'submitter');
    await page.waitForURL(`${proxy.origin}/inbox`);
    // Its sign-in left it no operator cookie: the UI still answers its requests 401.
    expect(await browser.request.get(`${proxy.origin}${asked}`, { maxRedirects: 0 }).then((r) => r.status())).toBe(401);
  });
});
