/**
 * The built portal (dist/web) served by an API harness's app on a free port,
 * and Debian's Chromium driven by playwright-core, with a fresh profile
 * (--user-data-dir) per run, to open it.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { PORTAL_DIR } from '../../apps/api/src/portal-static';
import { CHROMIUM, CHROMIUM_ARGS } from '../../tools/chromium';
import type { ApiHarness } from './api-harness';

export interface PortalBrowser {
  /** Where the portal is served, e.g. http://127.0.0.1:41234. */
  origin: string;
  /** One browser; each person gets a tab (page) of their own, since sessionStorage is per tab. */
  context: BrowserContext;
  /** Closes the browser and stops serving; the harness itself is the caller's to close. */
  close(): Promise<void>;
}

export async function openPortalBrowser(
  h: ApiHarness,
  options: { acceptDownloads?: boolean } = {},
): Promise<PortalBrowser> {
  if (!existsSync(join(PORTAL_DIR, 'index.html'))) throw new Error('the portal is not built: npm run build:web');
  await h.app.listen(0, '127.0.0.1');
  const server = h.app.getHttpServer() as Server;
  const stopServing = async () => {
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  };
  const profile = await mkdtemp(join(tmpdir(), 'plan-eval-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1366, height: 800 },
      locale: 'zh-CN',
      ...options,
    });
  } catch (e) {
    await rm(profile, { recursive: true, force: true });
    await stopServing();
    throw e;
  }
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    context,
    async close() {
      await context.close();
      await h.settled();
      await rm(profile, { recursive: true, force: true });
      await stopServing();
    },
  };
}
