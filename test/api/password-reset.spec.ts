/**
 * 忘记密码 through the real API app over the test's PostgreSQL, with the mail
 * going through the outbox and the relay to a real SMTP server: the same
 * answer for an address with and without an account (mail only to the
 * account), throttled like sign-in on counters of its own, a link that sets a
 * password under the password rules once, ends the account's sessions, and is
 * refused used, expired or altered.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { TokenSigner } from '@libs/access/tokens';
import { ACCOUNTS, createApiHarness, PASSWORD, type ApiHarness } from '../support/api-harness';

const NEW_PASSWORD = 'Dongjiang-river-lamp-2031';

describe('忘记密码: a link by email to set a new password', () => {
  let h: ApiHarness;

  beforeAll(async () => {
    h = await createApiHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  const ask = (email: string) => h.http().post('/api/auth/password-reset').send({ email });
  const confirm = (token: string, password: string) =>
    h.http().post('/api/auth/password-reset/confirm').send({ token, password });
  const resetMails = async (address: string, count: number) => {
    for (let i = 0; i < 200 && h.mailsTo(address, '重新设置登录密码').length < count; i++) await sleep(50);
    return h.mailsTo(address, '重新设置登录密码');
  };
  const tokenOf = (mail: { text: string }) => decodeURIComponent(/\/reset-password#(\S+)/.exec(mail.text)![1]);

  it('answers alike for an unknown address and mails only an account', async () => {
    const known = await ask(ACCOUNTS.supervisor.email.toUpperCase()).expect(202);
    const unknown = await ask('nobody@nowhere.example').expect(202);
    expect(unknown.body).toEqual(known.body);
    expect(known.body.message).toContain('如果该邮箱已在系统中注册');
    const [mail] = await resetMails(ACCOUNTS.supervisor.email, 1);
    expect(mail.subject).toBe('重新设置登录密码');
    // One language per mail: the account's (zh-CN by default).
    expect(mail.text).not.toMatch(/new password|ignore this mail/i);
    expect(h.mailsTo('nobody@nowhere.example')).toEqual([]);
  });

  it('sets the password once with the mailed link, under the password rules, and ends the account’s sessions', async () => {
    await ask(ACCOUNTS.otherSubmitter.email).expect(202);
    const token = tokenOf((await resetMails(ACCOUNTS.otherSubmitter.email, 1))[0]);

    const weak = await confirm(token, 'password123').expect(400);
    expect(weak.body.details[0].field).toBe('password');
    // A refused password leaves the link usable.
    const done = await confirm(token, NEW_PASSWORD).expect(200);
    expect(done.body.message).toBe('新密码已设置，请用新密码登录');

    const again = await confirm(token, `${NEW_PASSWORD}-again`).expect(410);
    expect(again.body.code).toBe('reset_link_used');
    await h.http().get('/api/auth/me').set('Authorization', `Bearer ${h.tokens.otherSubmitter}`).expect(401);
    await h
      .http()
      .post('/api/auth/login')
      .send({ email: ACCOUNTS.otherSubmitter.email, password: PASSWORD })
      .expect(401);
    await h
      .http()
      .post('/api/auth/login')
      .send({ email: ACCOUNTS.otherSubmitter.email, password: NEW_PASSWORD })
      .expect(200);
    const audit = await h.db.dataSource.query(`SELECT actor FROM audit_entry WHERE action = 'password_reset'`);
    expect(audit).toEqual([{ actor: ACCOUNTS.otherSubmitter.email }]);
  });

  it('refuses an expired or altered link, naming what to do', async () => {
    const signer = h.app.get(TokenSigner);
    const [account] = await h.db.dataSource.query(`SELECT id, token_version FROM user_account WHERE email = $1`, [
      ACCOUNTS.viewer.email,
    ]);
    const expired = signer.passwordReset(
      { accountId: account.id, tokenVersion: account.token_version },
      Date.now() - 1,
    );
    const refused = await confirm(expired, NEW_PASSWORD).expect(410);
    expect([refused.body.code, refused.body.message]).toEqual([
      'reset_link_expired',
      '重置密码链接已过期（30分钟内有效），请重新申请',
    ]);
    const altered = await confirm(`${expired.slice(0, -3)}abc`, NEW_PASSWORD).expect(400);
    expect(altered.body.code).toBe('reset_link_invalid');
    // A session is no reset link.
    expect((await confirm(h.tokens.viewer, NEW_PASSWORD).expect(400)).body.code).toBe('reset_link_invalid');
  });

  it('is throttled like sign-in, on counters of its own', async () => {
    const email = ACCOUNTS.admin.email;
    for (let i = 0; i < 5; i++) await ask(email).expect(202);
    const throttled = await ask(email).expect(429);
    expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0);
    expect(throttled.body.message).toMatch(/^申请次数过多，请\d+分钟后再试$/);
    // Signing in is untouched by the requests.
    await h.http().post('/api/auth/login').send({ email, password: PASSWORD }).expect(200);
    expect(await resetMails(email, 5)).toHaveLength(5);
  });
});
