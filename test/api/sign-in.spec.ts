/**
 * Signing in, through HTTP against the real app and PostgreSQL: password
 * guessing throttled per account and per address (429 with Retry-After, the
 * right password refused too until the window ends), every refusal audited
 * without the password, an unknown email answered in the time of a wrong
 * password, the session's answer never cached, and no token without an expiry.
 */
import bcrypt from 'bcryptjs';
import jws from 'jws';
import { loadConfig } from '@libs/config/config';
import { ACCOUNTS, createApiHarness, PASSWORD, type ApiHarness } from '../support/api-harness';

describe('signing in', () => {
  let h: ApiHarness;
  // As behind a proxy on this machine: a request's X-Forwarded-For names its client.
  const trusted = process.env.TRUST_PROXY;
  beforeAll(async () => {
    process.env.TRUST_PROXY = 'loopback';
    h = await createApiHarness();
  });
  afterAll(async () => {
    process.env.TRUST_PROXY = trusted;
    if (trusted === undefined) delete process.env.TRUST_PROXY;
    await h?.close();
  });

  const login = (email: string, password: string) => h.http().post('/api/auth/login').send({ email, password });
  /** What fifteen minutes do to the counts (the windows are PostgreSQL's clock, not the test's). */
  const windowsPass = () =>
    h.db.dataSource.query(`UPDATE sign_in_throttle SET window_started_at = window_started_at - interval '15 minutes'`);
  const audit = async (actor: string) =>
    (
      await h
        .http()
        .get(`/api/audit?actor=${encodeURIComponent(actor)}&pageSize=200`)
        .set('Authorization', `Bearer ${h.tokens.admin}`)
        .expect(200)
    ).body.items as Array<Record<string, unknown>>;
  afterEach(windowsPass);

  it('answers a session that no cache keeps, and says nothing of the server', async () => {
    const res = await login(ACCOUNTS.viewer.email, PASSWORD).expect(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(
      (await h.http().get('/api/health').set('Authorization', `Bearer ${res.body.token}`)).headers['x-powered-by'],
    ).toBeUndefined();
  });

  it('refuses an account after 5 wrong passwords, the right one too, with Retry-After, until the window ends', async () => {
    const email = ACCOUNTS.supervisor.email;
    for (let i = 0; i < 5; i++) await login(email, `wrong-${i}`).expect(401);
    const throttled = await login(email, PASSWORD).expect(429);
    expect(throttled.body.code).toBe('too_many_attempts');
    expect(throttled.body.message).toBe('登录尝试次数过多，请15分钟后再试');
    expect(throttled.body.messageEn).toBe('too many sign-in attempts; try again in 15 minutes');
    const retryAfter = Number(throttled.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    // In English too; and another account from the same address is not held up.
    const english = await login(email, PASSWORD).set('Accept-Language', 'en').expect(429);
    expect(english.body.message).toBe('too many sign-in attempts; try again in 15 minutes');
    await login(ACCOUNTS.submitter.email, PASSWORD).expect(200);

    await windowsPass();
    await login(email, PASSWORD).expect(200);
  });

  it('counts guesses at an account from the right password on', async () => {
    const email = ACCOUNTS.otherSupervisor.email;
    for (let i = 0; i < 4; i++) await login(email, `wrong-${i}`).expect(401);
    await login(email, PASSWORD).expect(200);
    for (let i = 0; i < 5; i++) await login(email, `wrong-again-${i}`).expect(401);
    await login(email, PASSWORD).expect(429);
  });

  it('counts guesses sent at once like guesses sent in turn', async () => {
    const email = ACCOUNTS.otherSubmitter.email;
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => login(email, `parallel-${i}`)));
    expect(answers.map((a) => a.status).sort()).toEqual([...Array(5).fill(401), ...Array(7).fill(429)]);
  });

  it('audits every refusal with the email tried and the address, never the password', async () => {
    const unknown = 'nobody@heyuan.example';
    await login(unknown, 'Secret-guess-1').expect(401);
    await login(ACCOUNTS.viewer.email, 'Secret-guess-2').expect(401);
    const [forUnknown] = await audit(unknown);
    expect(forUnknown).toMatchObject({
      action: 'sign_in_failed',
      actorRole: 'anonymous',
      entityType: 'user',
      entityId: unknown,
      after: { reason: 'wrong_email_or_password' },
    });
    expect(forUnknown.ip).toEqual(expect.stringContaining('127.0.0.1'));
    const [forViewer] = await audit(ACCOUNTS.viewer.email);
    expect(forViewer).toMatchObject({ action: 'sign_in_failed', after: { reason: 'wrong_email_or_password' } });
    const all = JSON.stringify(await audit(unknown)) + JSON.stringify(await audit(ACCOUNTS.viewer.email));
    expect(all).not.toContain('Secret-guess');
    // A throttled attempt is a refusal too: four more wrong, then two held up.
    for (let i = 0; i < 6; i++) await login(unknown, 'Secret-guess-3');
    expect((await audit(unknown)).map((e) => (e.after as { reason: string }).reason)).toEqual([
      'throttled',
      'throttled',
      ...Array(5).fill('wrong_email_or_password'),
    ]);
  });

  it('runs bcrypt at the accounts’ cost for an unknown email as for a wrong password, so both take as long', async () => {
    // Counted, not timed: a timing comparison fails on a busy machine, and bcrypt's cost is what makes the time.
    const compare = jest.spyOn(bcrypt, 'compare');
    try {
      await login(ACCOUNTS.admin.email, 'Not-the-password-9').expect(401);
      await login('no-such-person@heyuan.example', 'Not-the-password-9').expect(401);
      expect(compare).toHaveBeenCalledTimes(2);
      const [[, accountHash], [, nobodyHash]] = compare.mock.calls as unknown as Array<[string, string]>;
      expect(nobodyHash).not.toBe(accountHash);
      expect(bcrypt.getRounds(nobodyHash)).toBe(bcrypt.getRounds(accountHash));
    } finally {
      compare.mockRestore();
    }
  });

  it('refuses a correctly signed session without an expiry', async () => {
    const { AUTH_SECRET } = loadConfig('auth');
    const me = (token: string) => h.http().get('/api/auth/me').set('Authorization', `Bearer ${token}`);
    const [, payload] = h.tokens.admin.split('.');
    const { exp, ...claims } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<
      string,
      unknown
    >;
    const eternal = jws.sign({ header: { alg: 'HS256', typ: 'JWT' }, payload: claims, secret: AUTH_SECRET });
    const refused = await me(eternal).expect(401);
    expect(refused.body.code).toBe('unauthorized');
    // The same claims with their expiry are a good session: only the expiry was missing.
    await me(
      jws.sign({ header: { alg: 'HS256', typ: 'JWT' }, payload: { ...claims, exp }, secret: AUTH_SECRET }),
    ).expect(200);
  });

  it('counts a client behind the proxy by the address the proxy names, not the proxy’s', async () => {
    const from = (client: string, email: string, password: string) =>
      login(email, password).set('X-Forwarded-For', client);
    for (let i = 0; i < 20; i++)
      await from('203.0.113.7', `guess-${i}@heyuan.example`, 'Not-the-password-9').expect(401);
    await from('203.0.113.7', ACCOUNTS.admin.email, PASSWORD).expect(429);
    await from('203.0.113.8', ACCOUNTS.admin.email, PASSWORD).expect(200);
    await login(ACCOUNTS.admin.email, PASSWORD).expect(200);
    const [entry] = await audit('guess-19@heyuan.example');
    expect(entry.ip).toBe('203.0.113.7');
  });

  // Last of the address's guesses: 20 refusals from one address hold up every account signing in from it.
  it('refuses an address after 20 wrong guesses over any accounts, until the window ends', async () => {
    for (let i = 0; i < 20; i++) await login(`guess-${i}@heyuan.example`, 'Not-the-password-9').expect(401);
    const throttled = await login(ACCOUNTS.admin.email, PASSWORD).expect(429);
    expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0);
    await windowsPass();
    await login(ACCOUNTS.admin.email, PASSWORD).expect(200);
  });
});
