/**
 * Sessions end when their account changes, not 8 hours later: a deactivated
 * account, a changed role, department or password, and signing out end every
 * session the account had, at its next request (401, session_revoked); a new
 * sign-in works at once. Through HTTP against the real API over PostgreSQL.
 */
import { loadConfig } from '@libs/config/config';
import { TokenSigner } from '@libs/access/tokens';
import { createApiHarness, OTHER, OWN, PASSWORD, type ApiHarness } from '../support/api-harness';

describe('sessions that can be revoked', () => {
  let h: ApiHarness;
  beforeAll(async () => (h = await createApiHarness()));
  afterAll(() => h?.close());

  const me = (token: string) => h.http().get('/api/auth/me').set('Authorization', `Bearer ${token}`);
  const signIn = async (email: string) =>
    (await h.http().post('/api/auth/login').send({ email, password: PASSWORD }).expect(200)).body.token as string;
  const admin = (path: string) => h.http().patch(path).set('Authorization', `Bearer ${h.tokens.admin}`);
  let n = 0;
  /** A new account, signed in. */
  const account = async (role = 'submitter', department: string | null = OWN) => {
    const email = `person-${++n}@${OWN}.heyuan.example`;
    const created = await h
      .http()
      .post('/api/users')
      .set('Authorization', `Bearer ${h.tokens.admin}`)
      .send({ email, name: `人员${n}`, role, ...(department ? { department } : {}), password: PASSWORD })
      .expect(201);
    return { id: created.body.id as string, email, token: await signIn(email) };
  };
  const expectRevoked = async (token: string) => {
    const refused = await me(token).expect(401);
    expect(refused.body).toMatchObject({ code: 'session_revoked' });
    expect(refused.body.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(refused.body.messageEn).toMatch(/session has ended|deactivated/);
  };

  it('ends a deactivated account’s sessions, and it cannot sign in again', async () => {
    const a = await account();
    await me(a.token).expect(200);
    await admin(`/api/users/${a.id}`).send({ active: false }).expect(200);
    await expectRevoked(a.token);
    expect((await me(a.token).expect(401)).body.message).toContain('账号已停用');
    await h.http().post('/api/auth/login').send({ email: a.email, password: PASSWORD }).expect(401);
  });

  it('ends the sessions of an account whose role changed; a new sign-in carries the new role', async () => {
    const a = await account('submitter');
    await admin(`/api/users/${a.id}`).send({ role: 'supervisor' }).expect(200);
    await expectRevoked(a.token);
    // What the old session could do, the new role cannot: nothing was acted on in the old role.
    await h
      .http()
      .put(`/api/cycles/x/items/indicator-1/draft`)
      .set('Authorization', `Bearer ${a.token}`)
      .send({ submission: { kind: 'indicator', value: 1 } })
      .expect(401);
    expect((await me(await signIn(a.email)).expect(200)).body).toMatchObject({ role: 'supervisor', department: OWN });
  });

  it('ends the sessions of an account moved to another department', async () => {
    const a = await account('submitter');
    await admin(`/api/users/${a.id}`).send({ department: OTHER }).expect(200);
    await expectRevoked(a.token);
    expect((await me(await signIn(a.email)).expect(200)).body).toMatchObject({ department: OTHER });
  });

  it('ends the sessions of an account whose password changed', async () => {
    const a = await account();
    await admin(`/api/users/${a.id}`).send({ password: 'Another-2026-secret' }).expect(200);
    await expectRevoked(a.token);
  });

  it('keeps the sessions of an account whose name alone changed', async () => {
    const a = await account();
    await admin(`/api/users/${a.id}`).send({ name: '新名字' }).expect(200);
    await me(a.token).expect(200);
  });

  it('signs out: every session of the account ends, the sign-out is audited, signing in again works', async () => {
    const a = await account();
    const laptop = a.token;
    const phone = await signIn(a.email);
    await h.http().post('/api/auth/logout').set('Authorization', `Bearer ${laptop}`).expect(204);
    await expectRevoked(laptop);
    await expectRevoked(phone);
    await h.http().post('/api/auth/logout').set('Authorization', `Bearer ${laptop}`).expect(401);
    const audit = await h
      .http()
      .get(`/api/audit?entityType=user&entityId=${a.id}`)
      .set('Authorization', `Bearer ${h.tokens.admin}`)
      .expect(200);
    expect(audit.body.items.map((e: { action: string; actor: string }) => `${e.action}:${e.actor}`)).toEqual(
      expect.arrayContaining([`sign_out:${a.email}`]),
    );
    await me(await signIn(a.email)).expect(200);
    // Other accounts are not touched.
    await me(h.tokens.submitter).expect(200);
  });

  it('refuses a well-signed session for no account, or without the version it was issued under', async () => {
    const signer = new TokenSigner(loadConfig('auth').AUTH_SECRET);
    const nobody = signer.session({
      id: 'not-an-account',
      email: 'x@x.example',
      name: 'x',
      role: 'admin',
      department: null,
      tokenVersion: 0,
    }).token;
    await expectRevoked(nobody);
    const a = await account();
    const unversioned = signer.session({
      id: a.id,
      email: a.email,
      name: 'x',
      role: 'submitter',
      department: OWN,
    }).token;
    await expectRevoked(unversioned);
  });
});
