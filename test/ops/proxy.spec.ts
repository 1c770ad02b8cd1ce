/**
 * The stack's proxy (deploy/proxy/nginx.conf) for real: Debian's nginx checks the file and runs
 * it (test/support/nginx-proxy.ts) in front of the real API (the api harness, with a keyring)
 * and a stub standing in for the Temporal UI. Only a bureau administrator's operator cookie
 * opens the UI, which never sees that cookie itself; a browser without it is sent to sign in; the codec endpoint decrypts through the proxy with it; and the address the
 * audit keeps is the client's, as the proxy names it (TRUST_PROXY), not one the client made up.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultPayloadConverter } from '@temporalio/common';
import { loadConfig } from '@libs/config/config';
import { temporalDataConverter } from '@libs/temporal/connection';
import { OPERATOR_COOKIE } from '../../apps/api/src/auth/operator-cookie';
import { ACCOUNTS, createApiHarness, PASSWORD, type AccountName, type ApiHarness } from '../support/api-harness';
import { checkProxyConfig, startProxy, type RunningProxy } from '../support/nginx-proxy';

/** A client on a loopback address of its own, so the proxy's address (127.0.0.1) and the client's differ. */
const CLIENT = '127.0.0.2';
const UI_PAGE = 'Temporal UI (stand-in)';

describe('the proxy in front of the API and the Temporal UI', () => {
  let h: ApiHarness;
  let proxy: RunningProxy;
  let ui: Server;
  const uiSaw: Array<{ url: string; headers: IncomingHttpHeaders }> = [];
  const trustProxy = process.env.TRUST_PROXY;

  beforeAll(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'plan-eval-keys-'));
    const keys = join(dir, 'payload-keys');
    await writeFile(keys, `2026-12:${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
    // As the stack's api service: the proxy, on loopback here, is trusted to name the client.
    process.env.TRUST_PROXY = '127.0.0.1';
    h = await createApiHarness(
      'time-skipping',
      temporalDataConverter({ ...loadConfig('temporal'), TEMPORAL_PAYLOAD_KEYS_FILE: keys }),
    );
    await new Promise<void>((resolve) => h.app.getHttpServer().listen(0, '127.0.0.1', resolve));
    ui = createServer((req, res) => {
      uiSaw.push({ url: req.url ?? '', headers: req.headers });
      req.resume();
      res.writeHead(200, { 'content-type': 'text/plain' }).end(UI_PAGE);
    });
    await new Promise<void>((resolve) => ui.listen(0, '127.0.0.1', resolve));
    const port = (s: Server) => (s.address() as AddressInfo).port;
    proxy = await startProxy({ api: port(h.app.getHttpServer()), ui: port(ui) });
  });
  afterAll(async () => {
    if (trustProxy === undefined) delete process.env.TRUST_PROXY;
    else process.env.TRUST_PROXY = trustProxy;
    await proxy?.stop();
    ui?.close();
    h?.app.getHttpServer().close();
    await h?.close();
  });

  /** Signs in through the proxy: the session's token and the Set-Cookie lines of the answer. */
  async function signIn(who: AccountName) {
    const res = await proxy.fetch('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: ACCOUNTS[who].email, password: PASSWORD }),
      from: CLIENT,
    });
    expect(res.status).toBe(200);
    return { token: JSON.parse(res.body).token as string, setCookies: res.headers['set-cookie'] ?? [] };
  }
  const cookie = (token: string) => ({ cookie: `theme=dark; ${OPERATOR_COOKIE}=${token}` });
  const operatorCookies = (lines: string[]) => lines.filter((l) => l.startsWith(`${OPERATOR_COOKIE}=`));

  it('is a configuration nginx accepts', async () => {
    await expect(checkProxyConfig(proxy)).resolves.toMatch(/test is successful/);
  });

  it('gives a bureau administrator the operator cookie at sign-in, HttpOnly, Secure, Strict, on two paths; a department, none', async () => {
    const admin = await signIn('admin');
    const issued = operatorCookies(admin.setCookies);
    expect(issued.map((l) => /Path=([^;]+)/.exec(l)?.[1]).sort()).toEqual(['/api/temporal-codec', '/temporal']);
    for (const line of issued) {
      expect(line).toContain(`${OPERATOR_COOKIE}=${admin.token};`);
      expect(line).toMatch(/; HttpOnly/);
      expect(line).toMatch(/; Secure/);
      expect(line).toMatch(/; SameSite=Strict/);
    }
    // A department's sign-in clears one an administrator may have left in the browser.
    const department = await signIn('submitter');
    for (const line of operatorCookies(department.setCookies))
      expect(line).toMatch(new RegExp(`^${OPERATOR_COOKIE}=;.*Expires=Thu, 01 Jan 1970`));
  });

  it('lets an administrator’s cookie through to the UI, and no one else', async () => {
    const admin = await signIn('admin');
    const page = await proxy.fetch('/temporal/namespaces/default/workflows', { headers: cookie(admin.token) });
    expect({ status: page.status, body: page.body }).toEqual({ status: 200, body: UI_PAGE });
    // The UI's own actions are POSTs with a body: the check is still a bodiless GET, and the action goes on.
    const action = await proxy.fetch('/temporal/api/v1/namespaces/default/workflows/x/terminate', {
      method: 'POST',
      headers: { ...cookie(admin.token), 'content-type': 'application/json' },
      body: JSON.stringify({ reason: 'test' }),
    });
    expect(action.status).toBe(200);
    // The UI gets the browser's other cookies, not the administrator's session.
    const cookies = async (header: string) => {
      const seen = uiSaw.length;
      const res = await proxy.fetch('/temporal/namespaces', { headers: { cookie: header } });
      expect(res.status).toBe(200);
      expect(uiSaw.length).toBe(seen + 1);
      return uiSaw[seen].headers.cookie;
    };
    const operator = `${OPERATOR_COOKIE}=${admin.token}`;
    expect(await cookies(`theme=dark; ${operator}; _csrf=ui-token`)).toBe('theme=dark; _csrf=ui-token');
    expect(await cookies(`theme=dark; ${operator}`)).toBe('theme=dark');
    expect(await cookies(`${operator}; _csrf=ui-token`)).toBe('; _csrf=ui-token');
    expect(await cookies(operator)).toBeUndefined();
    // A cookie whose name merely ends with the operator cookie's is another cookie, and stays.
    const lookAlike = `x${OPERATOR_COOKIE}=look-alike`;
    expect(await cookies(`${lookAlike}; ${operator}; theme=dark`)).toBe(`${lookAlike}; theme=dark`);
    expect(uiSaw.map((r) => r.headers.cookie ?? '').filter((c) => c.includes(admin.token))).toEqual([]);

    const seen = uiSaw.length;
    const refused = async (headers: Record<string, string>) => (await proxy.fetch('/temporal/', { headers })).status;
    expect(await refused({})).toBe(401);
    expect(await refused(cookie('not-a-session'))).toBe(401);
    // A session that is not an administrator's, even put in the cookie by hand.
    for (const who of ['submitter', 'supervisor', 'viewer', 'approver'] as const)
      expect({ who, status: await refused(cookie(h.tokens[who])) }).toEqual({ who, status: 403 });
    expect(uiSaw.length).toBe(seen);
  });

  it('sends a browser without an administrator’s session to the portal’s sign-in; the UI’s own requests get 401', async () => {
    const seen = uiSaw.length;
    const opened = (path: string, headers: Record<string, string>) =>
      proxy.fetch(path, { headers: { 'sec-fetch-mode': 'navigate', ...headers } });
    // The path as the browser sent it (an encoded slash stays encoded), without the query.
    const deep = await opened('/temporal/namespaces/default/workflows/cycle%2Fheyuan/history?tab=input', {});
    expect({ status: deep.status, location: deep.headers.location }).toEqual({
      status: 302,
      location: '/login?next=/temporal/namespaces/default/workflows/cycle%2Fheyuan/history',
    });
    // A lapsed or made-up session is no session.
    const lapsed = await opened('/temporal/', cookie('not-a-session'));
    expect({ status: lapsed.status, location: lapsed.headers.location }).toEqual({
      status: 302,
      location: '/login?next=/temporal/',
    });
    // Redirects keep the browser's own host and port (the published port may not be nginx's).
    expect((await proxy.fetch('/temporal')).headers.location).toBe('/temporal/');
    // The UI's fetches keep the plain answer, and someone signed in who is not an administrator is refused
    // (signing in again would not let them in).
    const fetched = await proxy.fetch('/temporal/api/v1/namespaces', { headers: { 'sec-fetch-mode': 'cors' } });
    expect(fetched.status).toBe(401);
    expect((await opened('/temporal/', cookie(h.tokens.viewer))).status).toBe(403);
    expect(uiSaw.length).toBe(seen);
  });

  it('decrypts through the proxy with the cookie, audited with the client’s address', async () => {
    const { token } = await signIn('admin');
    const [codec] = h.env.client.options.loadedDataConverter.payloadCodecs;
    const [sealed] = await codec.encode([defaultPayloadConverter.toPayload('河源市教育局报送值 284.7')]);
    const wire = {
      metadata: Object.fromEntries(
        Object.entries(sealed.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')]),
      ),
      data: Buffer.from(sealed.data ?? []).toString('base64'),
    };
    // As the Temporal UI calls it; the client also claims another address, which the proxy replaces.
    const decode = (headers: Record<string, string>) =>
      proxy.fetch('/api/temporal-codec/decode', {
        method: 'POST',
        headers: { ...cookie(token), 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.9', ...headers },
        body: JSON.stringify({ payloads: [wire] }),
        from: CLIENT,
      });
    const opened = await decode({ 'x-namespace': 'default', 'sec-fetch-site': 'same-origin' });
    expect(opened.status).toBe(200);
    const [payload] = JSON.parse(opened.body).payloads;
    expect(Buffer.from(payload.data, 'base64').toString()).toBe('"河源市教育局报送值 284.7"');

    // A cookie rides on any request to its path: a write without the UI's header, or from another site, is refused.
    const elsewhere: Array<Record<string, string>> = [{}, { 'x-namespace': 'default', 'sec-fetch-site': 'cross-site' }];
    for (const headers of elsewhere) {
      const refused = await decode(headers);
      expect(refused.status).toBe(403);
      expect(JSON.parse(refused.body)).toMatchObject({
        code: 'cross_site_request',
        messageEn: expect.stringContaining('X-Namespace'),
      });
    }
    // Nowhere else does the API take the cookie for a session.
    const me = await proxy.fetch('/api/auth/me', { headers: cookie(token) });
    expect(me.status).toBe(401);

    const audit = await h
      .http()
      .get('/api/audit?entityType=temporal_namespace')
      .set('Authorization', `Bearer ${h.tokens.admin}`)
      .expect(200);
    expect(audit.body.items).toEqual([
      expect.objectContaining({ action: 'temporal.payloads.decode', actor: ACCOUNTS.admin.email, ip: CLIENT }),
    ]);
  });

  it('takes the cookie away at sign-out, and the session it held no longer opens the UI', async () => {
    const { token } = await signIn('admin');
    const out = await proxy.fetch('/api/auth/logout', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(out.status).toBe(204);
    const cleared = operatorCookies(out.headers['set-cookie'] ?? []);
    expect(cleared.map((l) => /Path=([^;]+)/.exec(l)?.[1]).sort()).toEqual(['/api/temporal-codec', '/temporal']);
    for (const line of cleared) expect(line).toMatch(/Expires=Thu, 01 Jan 1970/);
    expect((await proxy.fetch('/temporal/', { headers: cookie(token) })).status).toBe(401);
  });
});
