/**
 * The headers a browser is told to protect the portal with, in one place.
 *
 * Every answer: `X-Content-Type-Options: nosniff` (a file is what its type
 * says, never sniffed into a script or a page) and `Referrer-Policy:
 * no-referrer` (email links carry their token in the address: no request a
 * page makes may pass it on).
 *
 * The portal's files and the email link pages: a Content-Security-Policy that
 * backs React's escaping. Scripts only from the portal's own files (Vite
 * emits no inline script; the link page's one forwarding line is allowed by
 * its hash); styles also inline, since Ant Design injects its CSS-in-JS as
 * <style> elements; images from the portal or data: URLs; frames only from
 * the portal (the report view is a sandboxed srcdoc frame, which inherits
 * this policy); no plugins, no <base>, forms posting only to the portal; and
 * no other site may frame any of it.
 *
 * A report's HTML file gets a policy of its own: it is fetched by the portal
 * and shown in a frame, and should it ever be opened or framed by its
 * address, it runs nothing and loads nothing.
 */
import { createHash } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

type Directives = Record<string, string[]>;

const PORTAL: Directives = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'frame-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

const policy = (directives: Directives) =>
  Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ');

/** The CSP source allowing exactly this inline script. */
export const scriptHash = (source: string) =>
  `'sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}'`;

/** The portal's policy; `inlineScripts` are the exact texts of inline scripts a server-made page may run. */
export const portalPolicy = (inlineScripts: string[] = []) =>
  policy({ ...PORTAL, 'script-src': [...PORTAL['script-src'], ...inlineScripts.map(scriptHash)] });

/** A report's HTML: its own inline styles and data: images, nothing else; framed by the portal only. */
export const REPORT_POLICY = policy({
  'default-src': ["'none'"],
  'style-src': ["'unsafe-inline'"],
  'img-src': ['data:'],
  'frame-ancestors': ["'self'"],
  sandbox: [],
});

export function securityHeaders(app: INestApplication): void {
  app.use((_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    next();
  });
}
