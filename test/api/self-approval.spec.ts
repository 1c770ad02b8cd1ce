/**
 * Four eyes, through HTTP against the real services: a supervisor may not make
 * themselves the department's submitter (nor anyone the bureau does not know),
 * and nobody reviews a version they submitted — not the bureau, and not a
 * supervisor who holds a submitter's delegation made before these rules.
 */
import { Delegation, Department } from '@libs/persistence/entities';
import { DAYS } from '../support/cycle-harness';
import { ACCOUNTS, createApiHarness, OWN, type AccountName, type ApiHarness } from '../support/api-harness';

const enc = encodeURIComponent;
const OWN_SUBMISSION = '您提交了此版本，不能再审核它';

describe('nobody approves their own submission', () => {
  let h: ApiHarness;
  beforeAll(async () => (h = await createApiHarness()));
  afterAll(() => h?.close());

  const as = (who: AccountName | string) => {
    const token = who in h.tokens ? h.tokens[who as AccountName] : who;
    return {
      post: (path: string, body: object) => h.http().post(path).set('Authorization', `Bearer ${token}`).send(body),
    };
  };
  const period = { validFrom: '2026-12-01T00:00:00+08:00', validUntil: '2026-12-31T00:00:00+08:00' };
  const delegation = (delegateEmail: string) => ({
    department: OWN,
    role: 'submitter',
    delegateName: '代填报人',
    delegateEmail,
    ...period,
  });

  it.each([
    ['their own address', ACCOUNTS.supervisor.email],
    ['their own address, in capitals', ACCOUNTS.supervisor.email.toUpperCase()],
    ['the role’s holder', ACCOUNTS.submitter.email],
  ])('refuses a supervisor delegating the submitter role to %s (422)', async (_label, email) => {
    const refused = await as('supervisor').post('/api/delegations', delegation(email)).expect(422);
    expect(refused.body.details).toEqual([expect.objectContaining({ field: 'delegateEmail' })]);
    expect(refused.body.messageEn).toMatch(
      /submitting and reviewing take two people|a role is not delegated to its holder/,
    );
  });

  it('leaves a delegation to someone outside the directory to the bureau', async () => {
    const outsider = delegation('helper@gmail.example');
    const refused = await as('supervisor').post('/api/delegations', outsider).expect(403);
    expect(refused.body.message).toContain('委托给外部人员须由市统计局办理');
    expect(refused.body.messageEn).toContain('only the bureau delegates to someone from outside');
    // Someone the directory knows (another department's contact) is the supervisor's to name.
    await as('supervisor').post('/api/delegations', delegation(ACCOUNTS.otherSubmitter.email)).expect(201);
    const made = await as('admin').post('/api/delegations', outsider).expect(201);
    const audit = await h
      .http()
      .get(`/api/audit?entityType=delegation&entityId=${made.body.id}`)
      .set('Authorization', `Bearer ${h.tokens.admin}`)
      .expect(200);
    expect(audit.body.items).toEqual([expect.objectContaining({ action: 'delegate', actor: ACCOUNTS.admin.email })]);
  });

  it('refuses the review of a version its reviewer submitted: as a delegate, or as the bureau', async () => {
    // A delegation made before these rules: the supervisor holds the submitter's role too.
    const now = await h.env.currentTimeMs();
    const department = await h.db.dataSource.getRepository(Department).findOneByOrFail({ code: OWN });
    await h.db.dataSource.getRepository(Delegation).save({
      department,
      role: 'submitter',
      delegateName: '审核人',
      delegateEmail: ACCOUNTS.supervisor.email,
      validFrom: new Date(now - DAYS(1)),
      validUntil: new Date(now + DAYS(30)),
      createdBy: 'before-the-rules',
    });
    const { itemKinds, ...launch } = await h.definition({
      fromYear: 2022,
      toYear: 2022,
      deadlineInDays: 30,
      hardCloseInDays: 60,
    });
    const worker = await h.newWorker();
    await worker.runUntil(async () => {
      const cycleId: string = (
        await as('admin')
          .post('/api/cycles', { ...launch, itemKinds })
          .expect(201)
      ).body.cycleId;
      const item = (key: string) => `/api/cycles/${enc(cycleId)}/items/${key}`;
      await h.env.sleep(DAYS(1));

      // The assignment went to the delegate: the supervisor submits indicator 1 through its link…
      const [digest] = h.mailsTo(ACCOUNTS.supervisor.email, '填报任务');
      const link = [...digest.text.matchAll(/http:\/\/portal\.test\/l\/([\w.-]+)/g)].map((m) => m[1])[0];
      const opened = await h.http().post('/api/auth/link').send({ token: link }).expect(200);
      expect(opened.headers['cache-control']).toBe('no-store'); // a session: no cache keeps it
      const key: string = opened.body.item.itemKey;
      await as(opened.body.token)
        .post(`${item(key)}/submit`, { submission: { kind: 'indicator', value: 284.7, dataSource: '人口抽样调查' } })
        .expect(200);
      // …and may not approve it, one by one or in bulk, nor return it.
      const refused = await as('supervisor')
        .post(`${item(key)}/review`, { decision: 'approve' })
        .expect(409);
      expect(refused.body.message).toContain(OWN_SUBMISSION);
      expect(refused.body.messageEn).toContain('you submitted this version, so someone else must review it');
      await as('supervisor')
        .post(`${item(key)}/review`, { decision: 'reject', reason: '自己退回' })
        .expect(409);
      const bulk = await as('supervisor')
        .post(`/api/cycles/${enc(cycleId)}/reviews/bulk-approve`, { department: OWN, itemKeys: [key] })
        .expect(409);
      expect(bulk.body.message).toContain(OWN_SUBMISSION);
      // Someone else (the bureau) reviews it.
      await as('admin')
        .post(`${item(key)}/review`, { decision: 'approve' })
        .expect(200);

      // The bureau submits the other item itself: it may not approve it, its department's supervisor may.
      const other = key === 'indicator-1' ? 'indicator-4' : 'indicator-1';
      const value = other === 'indicator-1' ? 284.7 : 12.8;
      await as('admin')
        .post(`${item(other)}/submit`, { submission: { kind: 'indicator', value, dataSource: '统计年报' } })
        .expect(200);
      const bureau = await as('admin')
        .post(`${item(other)}/review`, { decision: 'approve' })
        .expect(409);
      expect(bureau.body.message).toContain(OWN_SUBMISSION);
      await as('supervisor')
        .post(`${item(other)}/review`, { decision: 'approve' })
        .expect(200);
    });
  });
});
