/** Free loopback ports for the processes a bench or a test starts (never the demo's 2525/3000/7233/8233/54329). */
import { createServer } from 'node:net';

/*
 * Ports are drawn below Linux's ephemeral range (32768–60999 by default), never
 * with listen(0): a server stopped and started again on its port (an SMTP
 * outage, a PostgreSQL restart) would otherwise find the port taken by some
 * outgoing connection in the meantime, and fail with EADDRINUSE. CI did.
 */
const LOWEST = 20_000;
const HIGHEST = 32_767;

export async function freePort(): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    const port = LOWEST + Math.floor(Math.random() * (HIGHEST - LOWEST + 1));
    if (await canListen(port)) return port;
    if (attempt === 50) throw new Error(`no free port between ${LOWEST} and ${HIGHEST} after ${attempt} tries`);
  }
}

function canListen(port: number): Promise<boolean> {
  const server = createServer();
  return new Promise((resolve) => {
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** Polls until `check` succeeds or `timeoutMs` passes; the last error explains a timeout. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined | false> | T | undefined | false,
  timeoutMs: number,
  everyMs = 50,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value;
    } catch (e) {
      last = e;
    }
    if (Date.now() > until)
      throw new Error(`${what}: not within ${timeoutMs} ms${last ? ` (${(last as Error).message})` : ''}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** `size` consecutive free ports (a Temporal cluster's nodes number their ports from one base). */
export async function freePortBlock(size: number): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    const base = LOWEST + Math.floor(Math.random() * (HIGHEST - LOWEST - size + 2));
    let free = true;
    for (let port = base; free && port < base + size; port++) free = await canListen(port);
    if (free) return base;
    if (attempt === 50) throw new Error(`no ${size} consecutive free ports between ${LOWEST} and ${HIGHEST}`);
  }
}
