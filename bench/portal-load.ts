/**
 * The portal's first load on a slow line (issue 19 §15), before and after in
 * one run: the checkout's build against a build of an earlier commit (a git
 * worktree of it, built with its own scripts), each served by this
 * checkout's servePortal (an older build has no precompressed files, so it is
 * served as it was: uncompressed). Debian's Chromium, a fresh profile for each
 * load, the network throttled through CDP (Network.emulateNetworkConditions)
 * to 4 Mbit/s down and up with 40 ms round trips; a load is done when the
 * sign-in form is on the screen. Reported: the bytes over the wire, the
 * entry script's size as built and as sent, and the load time's median.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { chromium, type Browser } from 'playwright-core';
import { servePortal } from '../apps/api/src/portal-static';
import { CHROMIUM, CHROMIUM_ARGS } from '../tools/chromium';
import { median } from './figures';

const ROOT = join(__dirname, '..');
/** The commit before the portal was split by route and precompressed. */
export const PORTAL_BASELINE = '1f0d4878daf08e0eb1adaa9c474230c4f852ecaf';
const MBIT_PER_S = 4;
const LATENCY_MS = 40;

export interface PortalLoadRow {
  build: string;
  commit: string;
  /** The script index.html names, as built and as sent (brotli when the build wrote one). */
  entryBytes: number;
  entrySentBytes: number;
  /** Every byte the cold load took off the wire (headers included), in KiB. */
  transferredKiB: number;
  loadMs: number[];
  medianMs: number;
}

@Module({})
class NoApi {}

export async function benchPortalLoad(baseline = PORTAL_BASELINE, runs = 3): Promise<PortalLoadRow[]> {
  const work = mkdtempSync(join(tmpdir(), 'plan-eval-portal-bench-'));
  const before = join(work, 'before');
  const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    git('worktree', 'add', '--detach', before, baseline);
    symlinkSync(join(ROOT, 'node_modules'), join(before, 'node_modules'));
    const builds = [
      { build: 'before', commit: git('rev-parse', '--short', baseline), root: before, force: ['--force'] },
      { build: 'after', commit: git('describe', '--always', '--dirty'), root: ROOT, force: [] },
    ];
    const rows: PortalLoadRow[] = [];
    for (const b of builds) {
      // Each tree builds with its own scripts into its own dist/web; this checkout's only when out of date.
      execFileSync(process.execPath, [join(b.root, 'bin/ts-run.js'), 'scripts/build-web.ts', ...b.force], {
        cwd: b.root,
        stdio: 'inherit',
      });
      rows.push({ build: b.build, commit: b.commit, ...(await measure(browser, join(b.root, 'dist/web'), runs)) });
    }
    return rows;
  } finally {
    await browser.close();
    if (existsSync(before)) git('worktree', 'remove', '--force', before);
    rmSync(work, { recursive: true, force: true });
  }
}

async function measure(browser: Browser, dir: string, runs: number): Promise<Omit<PortalLoadRow, 'build' | 'commit'>> {
  const app: INestApplication = await NestFactory.create(NoApi, { logger: false });
  servePortal(app, dir);
  await app.listen(0, '127.0.0.1');
  const origin = `http://127.0.0.1:${((app.getHttpServer() as Server).address() as AddressInfo).port}`;
  const entry = /src="\/(assets\/[^"]+\.js)"/.exec(readFileSync(join(dir, 'index.html'), 'utf8'))![1];
  const size = (file: string) => (existsSync(file) ? statSync(file).size : null);
  try {
    const loads: Array<{ ms: number; bytes: number }> = [];
    for (let i = 0; i < runs; i++) {
      // A fresh context each time: nothing cached, as on a first visit.
      const context = await browser.newContext({ locale: 'zh-CN' });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: LATENCY_MS,
        downloadThroughput: (MBIT_PER_S * 1_000_000) / 8,
        uploadThroughput: (MBIT_PER_S * 1_000_000) / 8,
      });
      let bytes = 0;
      cdp.on('Network.loadingFinished', (e) => (bytes += e.encodedDataLength));
      const started = performance.now();
      await page.goto(`${origin}/login`);
      await page.locator('#email').waitFor({ timeout: 120_000 });
      loads.push({ ms: Math.round(performance.now() - started), bytes });
      await context.close();
    }
    const loadMs = loads.map((l) => l.ms);
    return {
      entryBytes: size(join(dir, entry))!,
      entrySentBytes: size(join(dir, `${entry}.br`)) ?? size(join(dir, entry))!,
      transferredKiB: Math.round(median(loads.map((l) => l.bytes)) / 1024),
      loadMs,
      medianMs: median(loadMs),
    };
  } finally {
    await app.close();
  }
}

/** The settings a reader needs to compare runs. */
export const PORTAL_LOAD_SETTINGS = `${MBIT_PER_S} Mbit/s down and up, ${LATENCY_MS} ms latency, a fresh browser context per load`;
