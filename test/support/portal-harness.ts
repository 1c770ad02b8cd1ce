/**
 * A browser spec's set-up, once: the API harness, the built portal in a
 * browser (openPortalBrowser), tabs whose errors are collected, people signed
 * in, and the teardown. Each person gets a tab of their own, since the portal
 * keeps its session per tab.
 */
import type { ConsoleMessage, Page } from 'playwright-core';
import { createApiHarness, type AccountName, type ApiHarness } from './api-harness';
import { calendarUnavailableHere, fillSignInForm, openPortalBrowser, type PortalBrowser } from './browser';

export interface PortalHarnessOptions {
  /** The Temporal server (createApiHarness's); the time-skipping one by default. */
  server?: Parameters<typeof createApiHarness>[0];
  /** For a spec that downloads an export. */
  acceptDownloads?: boolean;
  /** Console errors the spec provokes on purpose, e.g. the failed resource of a refusal it asks for. */
  expectedErrors?: (m: ConsoleMessage) => boolean;
}

/** The API harness, with the portal open in a browser beside it. */
export interface PortalHarness extends ApiHarness {
  /** Where the portal is served, e.g. http://127.0.0.1:41234. */
  origin: string;
  /** Every tab's console errors and uncaught exceptions, each after whose tab it was: a spec expects none. */
  problems: string[];
  /** A new tab whose errors go into `problems`, named after `who`. */
  open(who?: string): Promise<Page>;
  /** Signs `who` in through the sign-in form: on `page` as it shows the form, or on a new tab opened at /login. */
  signIn(who: AccountName, page?: Page): Promise<Page>;
  /** A worker polling in the background until the function returned is called, or the spec ends. */
  startWorker(): Promise<() => Promise<void>>;
}

/**
 * Registers the describe block's beforeAll and afterAll; the harness is ready
 * from the block's first beforeAll on (hooks run in the order they are
 * registered, so call this before the spec's own).
 */
export function portalHarness(options: PortalHarnessOptions = {}): PortalHarness {
  const { server, expectedErrors, ...browserOptions } = options;
  const portal = { problems: [] as string[] } as PortalHarness;
  let harness: ApiHarness | undefined;
  let browser: PortalBrowser | undefined;
  const workers = new Set<() => Promise<void>>();

  // The time-skipping server has no Schedules: its 评估日历 card's 503 is no fault of the page's.
  const expected = (m: ConsoleMessage) =>
    (server !== 'dev-server' && calendarUnavailableHere(m)) || !!expectedErrors?.(m);
  const open = async (who = '') => {
    const page = await browser!.context.newPage();
    const named = (text: string) => (who ? `${who}: ${text}` : text);
    page.on('console', (m) => m.type() === 'error' && !expected(m) && portal.problems.push(named(m.text())));
    page.on('pageerror', (e) => portal.problems.push(named(e.message)));
    return page;
  };
  const signIn = async (who: AccountName, on?: Page) => {
    const page = on ?? (await open(who));
    if (!on) await page.goto(`${portal.origin}/login`);
    await fillSignInForm(page, who);
    await page.getByRole('button', { name: '退出' }).waitFor();
    return page;
  };

  beforeAll(async () => {
    harness = await createApiHarness(server);
    browser = await openPortalBrowser(harness, browserOptions);
    Object.assign(portal, harness, {
      origin: browser.origin,
      open,
      signIn,
      async startWorker() {
        const stop = await harness!.startWorker();
        // Stopped once, whether by the spec or at its end.
        const once = async () => {
          if (workers.delete(once)) await stop();
        };
        workers.add(once);
        return once;
      },
    });
  });
  afterAll(async () => {
    await browser?.close();
    await harness?.settled(10_000); // the page's last requests, while the workers can still answer them
    for (const stop of [...workers]) await stop();
    await harness?.close();
  });
  return portal;
}
