/**
 * The web portal (apps/web, built by `npm run build:web` into dist/web) served
 * by the API app outside /api: its files as they are, and index.html for any
 * other GET (the portal's own routes, /cycles/…, /inbox), so a reload or a
 * bookmarked page works. /api/* and the email links (/l/<token>) stay the API's.
 * Every file goes with the portal's Content-Security-Policy; compressed, when
 * the browser accepts it, from the brotli or gzip file the build wrote beside it.
 */
import { existsSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { PROJECT_ROOT } from '@libs/config/project-root';
import { portalPolicy } from './security-headers';

export const PORTAL_DIR = join(PROJECT_ROOT, 'dist/web');

const ownedByApi = (path: string) => path === '/api' || path.startsWith('/api/') || path.startsWith('/l/');
const POLICY = portalPolicy();
/** The encodings the build writes (scripts/precompress-web.ts), by the suffix of their file; brotli first. */
const ENCODINGS = [
  ['br', '.br'],
  ['gzip', '.gz'],
] as const;

/**
 * Sends `file` (a path under `dir`), or its precompressed twin in an encoding
 * the request accepts; the type is the original's either way.
 */
function sendPortalFile(
  req: Request,
  res: Response,
  dir: string,
  file: string,
  cache: { maxAge: string | number; immutable: boolean },
  onError: (error: Error) => void,
): void {
  res.vary('Accept-Encoding');
  const stored = ENCODINGS.filter(([, suffix]) => existsSync(join(dir, file + suffix)));
  const accepted = stored.length ? req.acceptsEncodings(stored.map(([encoding]) => encoding)) : false;
  const chosen = stored.find(([encoding]) => encoding === accepted);
  if (chosen) {
    res.type(extname(file));
    res.setHeader('Content-Encoding', chosen[0]);
  }
  res.sendFile(file + (chosen?.[1] ?? ''), { root: dir, ...cache }, (error) => error && onError(error));
}

/** `app`: the Nest application, or any app that takes middleware (the bench serves builds with express alone). */
export function servePortal(app: { use(handler: RequestHandler): unknown }, dir = PORTAL_DIR): void {
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || ownedByApi(req.path) || !existsSync(join(dir, 'index.html')))
      return next();
    res.setHeader('Content-Security-Policy', POLICY);
    if (extname(req.path)) {
      // Built assets carry their content hash in the name: cached for good. A missing file is a 404, not the page.
      const immutable = req.path.startsWith('/assets/');
      sendPortalFile(req, res, dir, req.path, { maxAge: immutable ? '365d' : 0, immutable }, () => next());
      return;
    }
    // The page names the current assets: asked again every time, so a new build is picked up at once.
    res.setHeader('Cache-Control', 'no-cache');
    sendPortalFile(req, res, dir, '/index.html', { maxAge: 0, immutable: false }, (error) => next(error));
  });
}
