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
import { chromium, type BrowserContext, type ConsoleMessage, type Locator, type Page } from 'playwright-core';
import { PORTAL_DIR } from '../../apps/api/src/portal-static';
import { CHROMIUM, CHROMIUM_ARGS } from '../../tools/chromium';
import { ACCOUNTS, PASSWORD, type AccountName, type ApiHarness } from './api-harness';

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
  // A page's load waits for the portal's scripts from the API, which shares the test's process with the
  // worker: under the suite's load (two suites at once, a time skip waking every department) 30 s was
  // once too short for a reload. Waits for elements keep their own timeouts.
  context.setDefaultNavigationTimeout(90_000);
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

/**
 * Chooses an option of a searchable Ant Design select by typing its label and
 * pressing Enter, as someone at the keyboard would, and waits until it shows as
 * chosen. On a loaded machine a click on an option while the list is still
 * sliding open can miss, leaving nothing chosen.
 */
export async function chooseByTyping(box: Locator, label: string): Promise<void> {
  const page = box.page();
  await box.click();
  await box.fill(label);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option-active', { hasText: label }).waitFor();
  await box.press('Enter');
  const select = box.locator(`xpath=ancestor::div[contains(concat(' ', @class, ' '), ' ant-select ')][1]`);
  // A multiple select shows each choice as an item; a single one (Ant Design 6) its label in the content.
  const chosen = '.ant-select-selection-item, .ant-select-content-has-value';
  await select.locator(chosen, { hasText: label }).waitFor();
}

/**
 * The one error a page logs only on the time-skipping test server: it has no
 * Schedules, so the cycles page's 评估日历 card is answered 503 there (the card
 * itself is tested on the dev server, test/web/calendar.spec.ts).
 */
export const calendarUnavailableHere = (m: ConsoleMessage) =>
  m.location().url.endsWith('/calendar') && m.text().includes('503');

/** Fills the portal's sign-in form on `page`, as it shows it, as `who`, and sends it. */
export async function fillSignInForm(page: Page, who: AccountName): Promise<void> {
  await page.locator('#email').fill(ACCOUNTS[who].email);
  await page.locator('#password').fill(PASSWORD);
  await page.keyboard.press('Enter');
}
