/**
 * The portal's files as the API app serves them (servePortal, on Nest's
 * express adapter): the precompressed twin the browser accepts, brotli before
 * gzip, with the original's type; hashed assets cached for good and the page
 * asked for again every time. Over a built portal of its own (the build's
 * precompression, scripts/precompress-web.ts), and over the real build.
 */
import { existsSync } from 'node:fs';
import http, { type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { PORTAL_DIR, servePortal } from '../../apps/api/src/portal-static';
import { precompressDir } from '../../scripts/precompress-web';

@Module({})
class NoApi {}

/** The portal served on a free loopback port. */
const serve = async (dir: string): Promise<INestApplication> => {
  const app = await NestFactory.create(NoApi, { logger: false });
  servePortal(app, dir);
  await app.listen(0, '127.0.0.1');
  return app;
};

interface Raw {
  status: number;
  headers: IncomingHttpHeaders;
  /** The bytes as sent: HTTP clients' own decompression (supertest's, fetch's) would hide what is tested. */
  body: Buffer;
}

function get(app: INestApplication, path: string, acceptEncoding = ''): Promise<Raw> {
  const { port } = (app.getHttpServer() as Server).address() as AddressInfo;
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path, headers: { 'Accept-Encoding': acceptEncoding } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

const decoded = (res: Raw): string => {
  const encoding = res.headers['content-encoding'];
  const body =
    encoding === 'br' ? brotliDecompressSync(res.body) : encoding === 'gzip' ? gunzipSync(res.body) : res.body;
  return body.toString('utf8');
};

describe('the portal’s files, compressed at build and served by what the browser accepts', () => {
  let dir: string;
  let app: INestApplication;
  const script = `export const greeting = ${JSON.stringify('规划监测评估系统 '.repeat(400))};\n`;
  const page = `<!doctype html><html><head><script type="module" src="/assets/main-3f2a1b.js"></script></head><body>${'<div></div>'.repeat(200)}</body></html>`;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'plan-eval-portal-'));
    await mkdir(join(dir, 'assets'));
    await writeFile(join(dir, 'index.html'), page);
    await writeFile(join(dir, 'assets/main-3f2a1b.js'), script);
    await writeFile(join(dir, 'assets/tiny-9c8d7e.js'), 'export {};\n');
    expect(precompressDir(dir)).toMatchObject({ files: 2 });
    app = await serve(dir);
  });
  afterAll(async () => {
    await app?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it.each<[string, string | undefined, string]>([
    ['br, gzip, deflate', 'br', 'brotli first when both are accepted'],
    ['gzip', 'gzip', 'gzip when brotli is not'],
    ['gzip;q=0.5, br;q=1', 'br', 'by the weights given'],
    ['identity', undefined, 'as it is when neither is'],
  ])('Accept-Encoding: %s → %s (%s)', async (accept, encoding) => {
    const res = await get(app, '/assets/main-3f2a1b.js', accept);
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe(encoding);
    expect(res.headers['content-type']).toMatch(/^text\/javascript|^application\/javascript/);
    expect(res.headers.vary).toMatch(/Accept-Encoding/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(decoded(res)).toBe(script);
    if (encoding) expect(res.body.length).toBeLessThan(Buffer.byteLength(script) / 10);
  });

  it('sends a file too small to compress as it is, and the page (compressed) for the portal’s routes, never cached', async () => {
    const tiny = await get(app, '/assets/tiny-9c8d7e.js', 'br, gzip');
    expect([tiny.status, tiny.headers['content-encoding']]).toEqual([200, undefined]);
    const route = await get(app, '/cycles/x/items/indicator-1', 'br');
    expect([route.status, route.headers['content-encoding']]).toEqual([200, 'br']);
    expect(route.headers['content-type']).toMatch(/^text\/html/);
    expect(route.headers['cache-control']).toBe('no-cache');
    expect(decoded(route)).toBe(page);
    expect((await get(app, '/assets/missing-000000.js', 'br')).status).toBe(404);
  });

  it('serves the real build’s entry script compressed, the pages split into chunks of their own', async () => {
    expect(existsSync(join(PORTAL_DIR, 'index.html'))).toBe(true);
    const built = await serve(PORTAL_DIR);
    try {
      const index = await get(built, '/');
      const entry = /src="(\/assets\/[^"]+\.js)"/.exec(decoded(index))![1];
      const res = await get(built, entry, 'br');
      expect([res.status, res.headers['content-encoding']]).toEqual([200, 'br']);
      const raw = decoded(res);
      expect(res.body.length).toBeLessThan(Buffer.byteLength(raw) / 3);
      // The item page is fetched when first opened, not with the entry.
      expect(raw).toMatch(/ItemPage-[\w-]+\.js/);
    } finally {
      await built.close();
    }
  });
});
