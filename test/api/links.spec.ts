/**
 * An email link carries a right only while its holder has it: it expires by
 * the cycle's hard close; it and the session it opened stop working once the
 * holder is no longer the department's contact or the delegation has ended,
 * or once the item's purpose is done (a submit link's session saves no draft
 * and uploads no evidence after approval); a link session can be signed out.
 * Its token shows in no metric. Through HTTP against the real API, Temporal
 * (time-skipping), PostgreSQL and SMTP.
 */
import { loadConfig } from '@libs/config/config';
import { linkSigning } from '@libs/access/tokens';
import { DAYS } from '../support/cycle-harness';
import { ACCOUNTS, createApiHarness, OWN, type ApiHarness } from '../support/api-harness';

const enc = encodeURIComponent;
const claimsOf = (token: string) =>
  JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as { itemKey: string; exp: number };

describe('email links and their sessions', () => {
  let h: ApiHarness;
  let stopWorker: () => Promise<void>;
  let cycleId: string;
  let hardClose: string;
  /** The assignment email's link for each of 市统计局's items (indicators 1 and 4). */
  const links: Record<string, string> = {};

  const as = (token: string) => ({
    get: (path: string) => h.http().get(path).set('Authorization', `Bearer ${token}`),
    post: (path: string, body?: object) => h.http().post(path).set('Authorization', `Bearer ${token}`).send(body),
    put: (path: string, body: object) => h.http().put(path).set('Authorization', `Bearer ${token}`).send(body),
    upload: (path: string, name: string, bytes: Buffer) =>
      h.http().post(path).set('Authorization', `Bearer ${token}`).attach('file', bytes, name),
  });
  const item = (key: string) => `/api/cycles/${enc(cycleId)}/items/${key}`;
  const open = async (link: string) =>
    (await h.http().post('/api/auth/link').send({ token: link }).expect(200)).body.token as string;
  const expectEnded = async (session: string, zh: string) => {
    const refused = await as(session).get(item('indicator-1')).expect(401);
    expect(refused.body).toMatchObject({ code: 'link_session_ended' });
    expect(refused.body.message).toContain(zh);
    expect(refused.body.messageEn).toMatch(/ended/);
  };

  beforeAll(async () => {
    h = await createApiHarness();
    stopWorker = await h.startWorker();
    // A hard close 20 days away, well within LINK_TTL (60 days).
    const { itemKinds, ...definition } = await h.definition({
      fromYear: 2022,
      toYear: 2022,
      deadlineInDays: 10,
      hardCloseInDays: 20,
    });
    hardClose = definition.hardClose;
    cycleId = (
      await as(h.tokens.admin)
        .post('/api/cycles', { ...definition, itemKinds })
        .expect(201)
    ).body.cycleId;
    await h.env.sleep(DAYS(1));
    const [digest] = h.mailsTo(ACCOUNTS.submitter.email, '填报任务');
    for (const [, token] of digest.text.matchAll(/http:\/\/portal\.test\/l\/([\w.-]+)/g))
      links[claimsOf(token).itemKey] = token;
    expect(Object.keys(links).sort()).toEqual(['indicator-1', 'indicator-4']);
  });
  afterAll(async () => {
    await stopWorker?.();
    await h?.close();
  });

  it('expires by the cycle’s hard close, not LINK_TTL later', () => {
    for (const token of Object.values(links))
      expect(claimsOf(token).exp * 1000).toBeLessThanOrEqual(Date.parse(hardClose));
  });

  it('ends the session’s changes once the item is approved: no draft, no evidence; it still reads the outcome', async () => {
    const session = await open(links['indicator-4']);
    await as(session)
      .put(`${item('indicator-4')}/draft`, { submission: { kind: 'indicator', value: 12.8 } })
      .expect(200);
    await as(session)
      .post(`${item('indicator-4')}/submit`, { submission: { kind: 'indicator', value: 12.8, dataSource: '统计公报' } })
      .expect(200);
    await as(h.tokens.supervisor)
      .post(`${item('indicator-4')}/review`, { decision: 'approve' })
      .expect(200);

    const draft = await as(session)
      .put(`${item('indicator-4')}/draft`, { submission: { kind: 'indicator', value: 99 } })
      .expect(403);
    expect(draft.body).toMatchObject({ code: 'link_session_ended' });
    expect(draft.body.message).toContain('邮件链接的办理已完成');
    const evidence = await as(session)
      .upload(`${item('indicator-4')}/evidence`, '公报.pdf', Buffer.from('%PDF-1.4\n% 公报\n'))
      .expect(403);
    expect(evidence.body.code).toBe('link_session_ended');
    expect((await as(session).get(item('indicator-4')).expect(200)).body).toMatchObject({
      status: 'approved',
      draft: null,
    });
    expect((await h.http().post('/api/auth/link').send({ token: links['indicator-4'] }).expect(409)).body.code).toBe(
      'link_used',
    );
  });

  it('stops working, link and session, once its holder is no longer the department’s contact', async () => {
    const session = await open(links['indicator-1']);
    await as(session).get(item('indicator-1')).expect(200);
    const contact = (await as(h.tokens.admin).get(`/api/departments/${OWN}`).expect(200)).body.submitter;
    expect(contact.email).toBe(ACCOUNTS.submitter.email);
    await as(h.tokens.admin)
      .put(`/api/departments/${OWN}/contacts/submitter`, {
        name: '新填报人',
        email: `new-submitter@${OWN}.heyuan.example`,
      })
      .expect(200);

    await expectEnded(session, '不再是该部门的填报人');
    const exchanged = await h.http().post('/api/auth/link').send({ token: links['indicator-1'] }).expect(403);
    expect(exchanged.body).toMatchObject({ code: 'link_revoked' });
    expect((await h.http().get(`/l/${links['indicator-1']}`).expect(403)).text).toContain('此链接已失效');

    // The contact again: the link carries the right again.
    await as(h.tokens.admin)
      .put(`/api/departments/${OWN}/contacts/submitter`, { name: contact.name, email: contact.email })
      .expect(200);
    await as(await open(links['indicator-1']))
      .get(item('indicator-1'))
      .expect(200);
  });

  it('stops working, link and session, once the holder’s delegation has ended', async () => {
    const deputy = `deputy@${OWN}.heyuan.example`;
    const now = Date.now();
    await as(h.tokens.admin)
      .post('/api/delegations', {
        department: OWN,
        role: 'submitter',
        delegateName: '代理填报人',
        delegateEmail: deputy,
        validFrom: new Date(now - 3_600_000).toISOString(),
        validUntil: new Date(now + 3_600_000).toISOString(),
      })
      .expect(201);
    // The link a notice sent during the delegation carries.
    const link = linkSigning(loadConfig('auth')).signer.link(
      { purpose: 'submit', cycleId, department: OWN, itemKey: 'indicator-1', email: deputy, name: '代理填报人' },
      now + DAYS(7),
    );
    const session = await open(link);
    await as(session)
      .put(`${item('indicator-1')}/draft`, { submission: { kind: 'indicator', value: 280 } })
      .expect(200);

    // Its period ends (no endpoint ends a delegation early: the clock does).
    await h.db.dataSource.query(`UPDATE delegation SET valid_until = now() WHERE delegate_email = $1`, [deputy]);
    await expectEnded(session, '您的委托已结束');
    await as(session)
      .put(`${item('indicator-1')}/draft`, { submission: { kind: 'indicator', value: 281 } })
      .expect(401);
    expect((await h.http().post('/api/auth/link').send({ token: link }).expect(403)).body.code).toBe('link_revoked');
    // The contact's own link still works.
    await as(await open(links['indicator-1']))
      .get(item('indicator-1'))
      .expect(200);
  });

  it('signs a link session out alone, audited; the link opens a new one', async () => {
    const first = await open(links['indicator-1']);
    const second = await open(links['indicator-1']);
    await as(first).post('/api/auth/logout').expect(204);
    await expectEnded(first, '您已退出');
    await as(second).get(item('indicator-1')).expect(200);
    await as(await open(links['indicator-1']))
      .get(item('indicator-1'))
      .expect(200);
    const audit = await as(h.tokens.admin)
      .get(`/api/audit?entityType=item&entityId=${enc(`${cycleId}#indicator-1`)}`)
      .expect(200);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toContain('sign_out');
  });

  it('keeps link tokens out of the metrics: routes are labelled by their pattern', async () => {
    const token = links['indicator-1'];
    await h.http().get(`/l/${token}`).expect(200);
    await h.http().post('/api/auth/link').send({ token }).expect(200);
    await h
      .http()
      .get(`/l/${token.slice(0, -4)}`)
      .expect(400);
    const metrics = (await h.http().get('/api/metrics').expect(200)).text;
    expect(metrics).toContain('route="/l/:token"');
    expect(metrics).toContain('route="/api/auth/link"');
    expect(metrics).not.toContain(token.split('.')[2].slice(0, 16));
    expect(metrics).not.toContain(token.split('.')[1].slice(0, 16));
  });
});
