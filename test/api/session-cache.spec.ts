/**
 * The API keeps each account's session standing for a few seconds
 * (apps/api/src/auth/session-cache.ts), and a change to the account ends its
 * sessions all the same: at once in the API process that made the change, and
 * in another process as soon as PostgreSQL's announcement reaches it. A lost
 * LISTEN connection drops everything kept. Two API apps on one database,
 * through HTTP against the real PostgreSQL.
 */
import { eventually } from '../support/eventually';
import { createApiHarness, OTHER, OWN, PASSWORD, type ApiHarness } from '../support/api-harness';

/** Well within the cache's 10 s: a refusal seen by then came from the announcement, not the standing's expiry. */
const ANNOUNCED_WITHIN_MS = 3_000;
const LISTENER = 'listen account_changed';

describe('the session cache across API processes', () => {
  let h: ApiHarness;
  /** The second API process. */
  let other: Awaited<ReturnType<ApiHarness['anotherApi']>>['http'];
  beforeAll(async () => {
    h = await createApiHarness();
    other = (await h.anotherApi()).http;
    await listening(2);
  });
  afterAll(() => h?.close());

  /** Resolves once `count` API apps listen for account changes; their backends' process IDs. */
  const listening = async (count: number, besides: number[] = []) =>
    eventually(
      async () =>
        (
          await h.db.dataSource.query(
            `SELECT pid FROM pg_stat_activity
              WHERE datname = current_database() AND application_name = $1 AND query = 'LISTEN account_changed'`,
            [LISTENER],
          )
        )
          .map((r: { pid: number }) => r.pid)
          .filter((pid: number) => !besides.includes(pid)),
      (pids: number[]) => pids.length === count,
      `${count} API apps listening for account changes`,
      10_000,
    );

  const me = (http: ApiHarness['http'], token: string) =>
    http().get('/api/auth/me').set('Authorization', `Bearer ${token}`);
  const signIn = async (email: string) =>
    (await h.http().post('/api/auth/login').send({ email, password: PASSWORD }).expect(200)).body.token as string;
  let n = 0;
  /** A new account, signed in, its session seen (and so kept) by both API apps. */
  const account = async () => {
    const email = `cached-${++n}@${OWN}.heyuan.example`;
    const created = await h
      .http()
      .post('/api/users')
      .set('Authorization', `Bearer ${h.tokens.admin}`)
      .send({ email, name: `人员${n}`, role: 'submitter', department: OWN, password: PASSWORD })
      .expect(201);
    const token = await signIn(email);
    await me(h.http, token).expect(200);
    await me(other, token).expect(200);
    return { id: created.body.id as string, token };
  };
  const revoked = (res: { status: number; body: { code?: string } }) =>
    res.status === 401 && res.body.code === 'session_revoked';

  const changes: Array<[string, (a: { id: string; token: string }) => Promise<unknown>]> = [
    ['signing out', (a) => h.http().post('/api/auth/logout').set('Authorization', `Bearer ${a.token}`).expect(204)],
    [
      'deactivation',
      (a) =>
        h
          .http()
          .patch(`/api/users/${a.id}`)
          .set('Authorization', `Bearer ${h.tokens.admin}`)
          .send({ active: false })
          .expect(200),
    ],
    [
      'a change of role',
      (a) =>
        h
          .http()
          .patch(`/api/users/${a.id}`)
          .set('Authorization', `Bearer ${h.tokens.admin}`)
          .send({ role: 'supervisor' })
          .expect(200),
    ],
    [
      'a change of department',
      (a) =>
        h
          .http()
          .patch(`/api/users/${a.id}`)
          .set('Authorization', `Bearer ${h.tokens.admin}`)
          .send({ department: OTHER })
          .expect(200),
    ],
    [
      'a change of password',
      (a) =>
        h
          .http()
          .patch(`/api/users/${a.id}`)
          .set('Authorization', `Bearer ${h.tokens.admin}`)
          .send({ password: 'Another-2026-secret' })
          .expect(200),
    ],
  ];

  it.each(changes)(
    'ends a kept session after %s: at once in the process that made it, in the other on its announcement',
    async (_, change) => {
      const a = await account();
      await change(a);
      expect(revoked(await me(h.http, a.token))).toBe(true);
      await eventually(
        () => me(other, a.token),
        revoked,
        'the other API app refusing the session',
        ANNOUNCED_WITHIN_MS,
      );
    },
  );

  it('ends kept sessions on a change made outside the API (the CLI, an operator’s SQL)', async () => {
    const a = await account();
    await h.db.dataSource.query(`UPDATE user_account SET active = false WHERE id = $1`, [a.id]);
    for (const http of [h.http, other])
      await eventually(() => me(http, a.token), revoked, 'both API apps refusing the session', ANNOUNCED_WITHIN_MS);
  });

  it('keeps a name change’s sessions (no announcement, nothing ended)', async () => {
    const a = await account();
    await h.db.dataSource.query(`UPDATE user_account SET name = '新名字' WHERE id = $1`, [a.id]);
    await me(other, a.token).expect(200);
  });

  it('drops everything kept when its LISTEN connection is lost, and keeps nothing until it listens again', async () => {
    const a = await account();
    // A change nobody hears of (triggers do not fire in replica mode): the kept standing still answers,
    // which shows it is kept, and stands for a change announced while the connection was down.
    await h.db.dataSource.transaction(async (m) => {
      await m.query(`SET LOCAL session_replication_role = replica`);
      await m.query(`UPDATE user_account SET token_version = token_version + 1 WHERE id = $1`, [a.id]);
    });
    await me(other, a.token).expect(200);

    const lost: number[] = (
      await h.db.dataSource.query(
        `SELECT pg_terminate_backend(pid), pid FROM pg_stat_activity
          WHERE datname = current_database() AND application_name = $1`,
        [LISTENER],
      )
    ).map((r: { pid: number }) => r.pid);
    expect(lost).toHaveLength(2);
    await listening(2, lost);
    expect(revoked(await me(other, a.token))).toBe(true);
    expect(revoked(await me(h.http, a.token))).toBe(true);
  });
});
