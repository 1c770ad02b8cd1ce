/**
 * The web portal (apps/web, built by `npm run build:web` into dist/web) served
 * by the API app outside /api: its files as they are, and index.html for any
 * other GET (the portal's own routes, /cycles/…, /inbox), so a reload or a
 * bookmarked page works. /api/* and the email links (/l/<token>) stay the API's.
 * Every file goes with the portal's Content-Security-Policy.
 */
import { existsSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { PROJECT_ROOT } from '@libs/config/project-root';
import { portalPolicy } from './security-headers';

export const PORTAL_DIR = join(PROJECT_ROOT, 'dist/web');

const ownedByApi = (path: string) => path === '/api' || path.startsWith('/api/') || path.startsWith('/l/');
const POLICY = portalPolicy();

export function servePortal(app: INestApplication, dir = PORTAL_DIR): void {
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || ownedByApi(req.path) || !existsSync(join(dir, 'index.html')))
      return next();
    res.setHeader('Content-Security-Policy', POLICY);
    if (extname(req.path)) {
      // Built assets carry their content hash in the name: cached for good. A missing file is a 404, not the page.
      const immutable = req.path.startsWith('/assets/');
      res.sendFile(req.path, { root: dir, maxAge: immutable ? '365d' : 0, immutable }, (error) => error && next());
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile('index.html', { root: dir }, (error) => error && next(error));
  });
}
