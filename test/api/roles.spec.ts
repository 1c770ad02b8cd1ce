/**
 * Each role's whole path through HTTP, against the real time-skipping Temporal
 * server, PostgreSQL and SMTP server: the bureau launches; the submitter opens
 * the link from the email it received, fills in, is refused with messages it
 * can act on, submits; the supervisor rejects with a reason; the submitter
 * resubmits with evidence; the supervisor approves; the item's history tells
 * all of it in one request; the viewer reads and cannot change anything.
 */
import { linkSigning, TokenSigner } from '@libs/access/tokens';
import { loadConfig } from '@libs/config/config';
import { BUREAU_EMAIL, DAYS } from '../support/cycle-harness';
import { ACCOUNTS, createApiHarness, OWN, type AccountName, type ApiHarness } from '../support/api-harness';

const enc = encodeURIComponent;

describe('each role’s path through the API', () => {
  let h: ApiHarness;
  beforeAll(async () => (h = await createApiHarness()));
  afterAll(() => h?.close());

  const as = (who: AccountName | string) => {
    const token = who in h.tokens ? h.tokens[who as AccountName] : who;
    const auth = (r: ReturnType<ReturnType<ApiHarness['http']>['get']>) => r.set('Authorization', `Bearer ${token}`);
    return {
      get: (path: string) => auth(h.http().get(path)),
      post: (path: string, body?: object) => auth(h.http().post(path)).send(body),
      put: (path: string, body: object) => auth(h.http().put(path)).send(body),
      upload: (path: string, name: string, bytes: Buffer) => auth(h.http().post(path)).attach('file', bytes, name),
    };
  };

  it('launch → link → draft → submit → reject → resubmit with evidence → approve → history', async () => {
    const definition = await h.definition({ fromYear: 2022, toYear: 2022, deadlineInDays: 30, hardCloseInDays: 60 });
    const worker = await h.newWorker();
    await worker.runUntil(async () => {
      const { itemKinds, ...launch } = definition;
      // Only the bureau launches.
      await as('supervisor')
        .post('/api/cycles', { ...launch, itemKinds })
        .expect(403);
      const launched = await as('admin')
        .post('/api/cycles', { ...launch, itemKinds })
        .expect(201);
      const cycleId: string = launched.body.cycleId;
      const item = (key: string) => `/api/cycles/${enc(cycleId)}/items/${key}`;
      await h.env.sleep(DAYS(1));

      // The assignment digest carries one signed link per item; the link opens its page.
      const [digest] = h.mailsTo(ACCOUNTS.submitter.email, '填报任务');
      expect(digest.subject).toContain('市统计局');
      const links = [...digest.text.matchAll(/http:\/\/portal\.test\/l\/([\w.-]+)/g)].map((m) => m[1]);
      expect(links).toHaveLength(2); // indicators 1 and 4
      const page = await h.http().get(`/l/${links[0]}`).expect(200);
      expect(page.text).toContain('常住人口');
      expect(page.text).toContain('填报');
      // A tampered link gets a page saying what to do, not a stack trace.
      const tampered = await h
        .http()
        .get(`/l/${links[0].slice(0, -3)}abc`)
        .expect(400);
      expect(tampered.text).toContain('此链接无效');

      // The link becomes a session for that item and purpose only.
      const opened = await h.http().post('/api/auth/link').send({ token: links[0] }).expect(200);
      const linkSession: string = opened.body.token;
      const indicator1 = opened.body.item.itemKey as string;
      expect(opened.body.user).toMatchObject({
        email: ACCOUNTS.submitter.email,
        scope: { purpose: 'submit', itemKey: indicator1 },
      });
      const other = indicator1 === 'indicator-1' ? 'indicator-4' : 'indicator-1';
      await as(linkSession).get(item(other)).expect(403);
      await as(linkSession)
        .get(`/api/cycles/${enc(cycleId)}/items`)
        .expect(403);

      // Draft, then a submission refused field by field (422), then submitted.
      await as(linkSession)
        .put(`${item(indicator1)}/draft`, { submission: { kind: 'indicator', value: 280 } })
        .expect(200);
      expect((await as('submitter').get(item(indicator1)).expect(200)).body).toMatchObject({
        status: 'draft',
        draft: { value: 280 },
      });
      const refused = await as(linkSession)
        .post(`${item(indicator1)}/submit`, { submission: { kind: 'indicator', value: '很多' } })
        .expect(422);
      expect(refused.body.code).toBe('invalid_submission');
      expect(refused.body.message).toContain('请填写数值');
      expect(refused.body.message).toContain('请填写数据来源');
      const english = await as(linkSession)
        .post(`${item(indicator1)}/submit`, { submission: { kind: 'indicator', value: '很多' } })
        .set('Accept-Language', 'en-GB,en')
        .expect(422);
      expect(english.body.message).toContain('give the data source');
      await as(linkSession)
        .post(`${item(indicator1)}/submit`, {
          submission: { kind: 'indicator', value: 284.7, dataSource: '人口抽样调查' },
        })
        .expect(200);
      // The link has done its job: opening it again says so.
      const used = await h.http().get(`/l/${links[0]}`).expect(409);
      expect(used.text).toContain('此事项已提交');

      // Another department's supervisor cannot review it; its own rejects with a reason.
      await as('otherSupervisor')
        .post(`${item(indicator1)}/review`, { decision: 'approve' })
        .expect(403);
      const noReason = await as('supervisor')
        .post(`${item(indicator1)}/review`, { decision: 'reject' })
        .expect(409);
      expect(noReason.body.message).toContain('退回时请写明原因');
      await as('supervisor')
        .post(`${item(indicator1)}/review`, { decision: 'reject', reason: '与统计公报不一致，请核实' })
        .expect(200);
      await h.env.sleep(DAYS(1));
      const [rejected] = h.mailsTo(ACCOUNTS.submitter.email, '退回');
      expect(rejected.text).toContain('与统计公报不一致，请核实');

      // Evidence: a mislabelled file is refused; a real one is kept under its hash and attached.
      const fake = await as('submitter')
        .upload(`${item(indicator1)}/evidence`, '公报.pdf', Buffer.from('MZ\x90\x00 not a pdf'))
        .expect(415);
      expect(fake.body.message).toContain('内容不是PDF格式');
      const pdf = Buffer.from('%PDF-1.4\n% 河源市统计公报\n');
      const evidence = await as('submitter')
        .upload(`${item(indicator1)}/evidence`, '公报.pdf', pdf)
        .expect(201);
      expect(evidence.body).toMatchObject({ name: '公报.pdf', mediaType: 'application/pdf', size: pdf.length });
      await as('otherSubmitter')
        .get(`${item(indicator1)}/evidence/${evidence.body.fileId}`)
        .expect(403);
      const downloaded = await as('supervisor')
        .get(`${item(indicator1)}/evidence/${evidence.body.fileId}`)
        .expect(200);
      expect(Buffer.from(downloaded.body).equals(pdf)).toBe(true);

      const resubmitted = await as('submitter')
        .post(`${item(indicator1)}/submit`, {
          submission: {
            kind: 'indicator',
            value: 284.6,
            dataSource: '统计公报',
            evidence: [{ fileId: evidence.body.fileId, name: '公报.pdf', sha256: evidence.body.sha256 }],
          },
        })
        .expect(200);
      expect(resubmitted.body).toMatchObject({ status: 'submitted', version: 2 });
      await as('supervisor')
        .post(`/api/cycles/${enc(cycleId)}/reviews/bulk-approve`, { department: OWN, itemKeys: [indicator1] })
        .expect(200);

      // A co-operating department (市卫生健康局 on indicator 29, led by 市民政局) contributes; the lead sees it.
      await as('admin')
        .post('/api/users', {
          email: 'submitter@city-health.heyuan.example',
          name: '卫健局填报人',
          role: 'submitter',
          department: 'city-health',
          password: 'Heyuan-2026-test',
        })
        .expect(201);
      const health = (
        await h
          .http()
          .post('/api/auth/login')
          .send({ email: 'submitter@city-health.heyuan.example', password: 'Heyuan-2026-test' })
          .expect(200)
      ).body.token;
      await as(health)
        .post(`${item('indicator-29')}/contributions`, { text: '全市医养结合机构护理型床位已核实' })
        .expect(200);
      await as(health)
        .post(`${item('indicator-29')}/submit`, { submission: { kind: 'indicator', value: 60, dataSource: 'x' } })
        .expect(403);
      const contributed = await as('admin')
        .get(`${item('indicator-29')}/history`)
        .expect(200);
      expect(contributed.body.events).toEqual([
        expect.objectContaining({
          type: 'contribute',
          detail: expect.objectContaining({ text: '全市医养结合机构护理型床位已核实' }),
        }),
      ]);

      // The viewer reads everything and changes nothing.
      await as('viewer').get(item(indicator1)).expect(200);
      await as('viewer')
        .post(`${item(other)}/submit`, { submission: { kind: 'indicator', value: 12.8, dataSource: 'x' } })
        .expect(403);
      // Nor on an item the API keeps from the department's own commands: the right is checked on every request.
      for (const who of ['viewer', 'otherSubmitter'] as const)
        await as(who)
          .put(`${item(indicator1)}/draft`, { submission: { kind: 'indicator', value: 1, dataSource: 'x' } })
          .expect(403);
      await as('viewer')
        .post(`/api/cycles/${enc(cycleId)}/remind`, {})
        .expect(403);

      // The bureau's dashboard: the department's counts and the audit trail.
      const status = await as('admin')
        .get(`/api/cycles/${enc(cycleId)}`)
        .expect(200);
      expect(status.body.byDepartment).toEqual(
        expect.arrayContaining([{ department: OWN, status: 'approved', items: 1 }]),
      );
      const inbox = await as('submitter')
        .get(`/api/cycles/${enc(cycleId)}/items`)
        .expect(200);
      expect(inbox.body.items.map((i: { department: string }) => i.department)).toEqual([OWN, OWN]);

      // One request tells the item's whole story, versions kept, nothing overwritten.
      const history = await as('supervisor')
        .get(`${item(indicator1)}/history`)
        .expect(200);
      expect(
        history.body.events.map((e: { type: string; statusAfter: string }) => `${e.type}:${e.statusAfter}`),
      ).toEqual(['save_draft:draft', 'submit:submitted', 'review:returned', 'submit:submitted', 'review:approved']);
      expect(
        history.body.versions.map((v: { version: number; payload: { value: number } }) => [v.version, v.payload.value]),
      ).toEqual([
        [1, 284.7],
        [2, 284.6],
      ]);
      expect(history.body.audit.map((a: { action: string; actor: string }) => `${a.action}:${a.actor}`)).toEqual([
        `open_link:${ACCOUNTS.submitter.email}`,
        `save_draft:${ACCOUNTS.submitter.email}`,
        `submit:${ACCOUNTS.submitter.email}`,
        `review:${ACCOUNTS.supervisor.email}`,
        `upload_evidence:${ACCOUNTS.submitter.email}`,
        `submit:${ACCOUNTS.submitter.email}`,
        `approve:${ACCOUNTS.supervisor.email}`,
      ]);
      expect(history.body.audit[1].actorRole).toBe('submitter (link: submit)');
      // Each command's "before" is the item as the workflow applied it (not a read the request made first).
      type Entry = { action: string; before: { status: string; version?: number }; after: { status: string } };
      expect(
        history.body.audit
          .filter((a: Entry) => a.action !== 'open_link' && a.action !== 'upload_evidence')
          .map((a: Entry) => [a.action, a.before.status, a.before.version, a.after.status]),
      ).toEqual([
        ['save_draft', 'assigned', 0, 'draft'],
        ['submit', 'draft', 0, 'submitted'],
        ['review', 'submitted', 1, 'returned'],
        ['submit', 'returned', 1, 'submitted'],
        ['approve', 'submitted', 2, 'approved'],
      ]);

      // A retried request (same Idempotency-Key) is one change and one audit entry.
      const again = () =>
        as('admin')
          .post(`/api/cycles/${enc(cycleId)}/remind`, { department: 'city-education' })
          .set('Idempotency-Key', 'remind-city-education-1');
      // The answer says who is reminded, of how much, and by when the mail leaves.
      const reminded = await again().expect(200);
      expect(reminded.body).toMatchObject({
        reminders: [
          {
            department: 'city-education',
            departmentName: '市教育局',
            recipient: { email: 'submitter@city-education.heyuan.example' },
            items: expect.any(Number),
            afterAssignment: false,
          },
        ],
        leavesBy: expect.any(String),
      });
      expect(reminded.body.message).toMatch(
        /^已催办：市教育局填报人.+（submitter@city-education\.heyuan\.example）\d+项。邮件立即发出，最迟于/,
      );
      expect(reminded.body.messageEn).toMatch(
        /^Reminded: .+'s submitter .+ <submitter@city-education\.heyuan\.example>, \d+ items?\./,
      );
      await again().expect(200);
      // A department the cycle does not have is named as the problem.
      const noSuchDepartment = await as('admin')
        .post(`/api/cycles/${enc(cycleId)}/remind`, { department: 'no-such-department' })
        .expect(400);
      expect(noSuchDepartment.body.details).toEqual([expect.objectContaining({ field: 'department' })]);
      const audit = await as('admin')
        .get(`/api/audit?entityType=cycle&entityId=${enc(cycleId)}`)
        .expect(200);
      expect(audit.body.items.filter((a: { action: string }) => a.action === 'remind')).toHaveLength(1);
      expect(audit.body.items.map((a: { actor: string }) => a.actor)).toContain(BUREAU_EMAIL);

      // At the hard close the cycle closes with what was approved; everyone signed in downloads the report.
      await h.env.sleep(DAYS(61));
      const reports = await as('submitter')
        .get(`/api/cycles/${enc(cycleId)}/reports`)
        .expect(200);
      expect(reports.body.items).toEqual([
        expect.objectContaining({ version: 1, contentHash: expect.stringMatching(/^[0-9a-f]{64}$/) }),
      ]);
      const docx = await as('viewer')
        .get(`/api/cycles/${enc(cycleId)}/reports/1/docx`)
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect((docx.body as Buffer).subarray(0, 2).toString()).toBe('PK');
      const html = await as('viewer')
        .get(`/api/cycles/${enc(cycleId)}/reports/1/html`)
        .expect(200);
      expect(html.text).toContain('284.6');
      await as('viewer')
        .get(`/api/cycles/${enc(cycleId)}/reports/2/docx`)
        .expect(404);
      // A closed cycle refuses changes, and its links say so.
      const closed = await as('admin')
        .post(`/api/cycles/${enc(cycleId)}/remind`, {})
        .expect(409);
      expect(closed.body.message).toContain('本轮评估已结束');
      const late = await h.http().get(`/l/${links[1]}`).expect(409);
      expect(late.text).toContain('本轮评估已结束');

      // The bureau reopens an item of the closed cycle: only its department runs again, and the
      // corrected, approved value makes report version 2 while version 1 stays.
      await as('supervisor')
        .post(`/api/cycles/${enc(cycleId)}/reopen`, { itemKeys: [indicator1], reason: '统计公报更正' })
        .expect(403);
      const unknown = await as('admin')
        .post(`/api/cycles/${enc(cycleId)}/reopen`, { itemKeys: ['indicator-99'], reason: '更正' })
        .expect(409);
      expect(unknown.body.message).toContain('indicator-99');
      const reopened = await as('admin')
        .post(`/api/cycles/${enc(cycleId)}/reopen`, { itemKeys: [indicator1], reason: '统计公报更正' })
        .expect(200);
      expect(reopened.body).toMatchObject({ departments: [OWN], items: [indicator1] });
      while ((await as('submitter').get(item(indicator1)).expect(200)).body.status !== 'returned')
        await h.env.sleep(60_000);
      await as('submitter')
        .post(`${item(indicator1)}/submit`, {
          submission: {
            kind: 'indicator',
            value: 284.9,
            dataSource: '统计公报（更正）',
            reasons: '人口回流慢于预期',
            measures: '完善落户政策',
          },
        })
        .expect(200);
      await as('supervisor')
        .post(`${item(indicator1)}/review`, { decision: 'approve' })
        .expect(200);
      await h.env.sleep(DAYS(1));
      const versions = await as('viewer')
        .get(`/api/cycles/${enc(cycleId)}/reports`)
        .expect(200);
      expect(versions.body.items.map((r: { version: number }) => r.version)).toEqual([1, 2]);
      const report = await as('viewer')
        .get(`/api/cycles/${enc(cycleId)}/reports/2/html`)
        .expect(200);
      expect(report.text).toContain('284.9');
      // Shown by the portal in a sandboxed frame; opened or framed by its address, it runs and loads nothing either.
      expect(report.headers['content-security-policy']).toBe(
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; sandbox",
      );
      expect(
        (
          await as('viewer')
            .get(`/api/cycles/${enc(cycleId)}/reports/1/html`)
            .expect(200)
        ).text,
      ).toContain('284.6');
    });
  }, 300_000);

  it('answers an expired or forged link with a page saying what to do', async () => {
    const claims = {
      purpose: 'submit' as const,
      cycleId: 'cycle/x/annual/2022',
      department: OWN,
      itemKey: 'indicator-1',
      email: ACCOUNTS.submitter.email,
      name: '填报人',
    };
    const expired = linkSigning(loadConfig('auth')).signer.link(claims, Date.now() - 60_000);
    const page = await h.http().get(`/l/${expired}`).expect(410);
    expect(page.text).toContain('此链接已过期');
    expect(page.text).not.toMatch(/at \w+ \(|Error:/);
    const forged = new TokenSigner('another-secret-of-at-least-thirty-two-chars').link(claims, Date.now() + 60_000);
    expect((await h.http().get(`/l/${forged}`).expect(400)).text).toContain('此链接无效');
    const asSession = await h.http().post('/api/auth/link').send({ token: expired }).expect(410);
    expect(asSession.body.code).toBe('link_expired');
    // A link is not a session, nor a session a link.
    await h.http().get('/api/auth/me').set('Authorization', `Bearer ${expired}`).expect(401);
    await h.http().post('/api/auth/link').send({ token: h.tokens.submitter }).expect(400);
  });

  it('signs in only with the right password, and sessions expire', async () => {
    const wrong = await h
      .http()
      .post('/api/auth/login')
      .send({ email: ACCOUNTS.admin.email, password: 'nope' })
      .expect(401);
    expect(wrong.body).toMatchObject({ code: 'login_failed', message: '邮箱或密码不正确' });
    await h.http().get('/api/auth/me').expect(401);
    await h.http().get('/api/auth/me').set('Authorization', 'Bearer not-a-token').expect(401);
    const me = await as('supervisor').get('/api/auth/me').expect(200);
    expect(me.body).toMatchObject({ email: ACCOUNTS.supervisor.email, role: 'supervisor', department: OWN });
    const principal = {
      id: 'x',
      email: ACCOUNTS.supervisor.email,
      name: 'x',
      role: 'supervisor' as const,
      department: OWN,
    };
    const stale = new TokenSigner(loadConfig('auth').AUTH_SECRET).session(principal, -1000).token;
    const expired = await h.http().get('/api/auth/me').set('Authorization', `Bearer ${stale}`).expect(401);
    expect(expired.body).toMatchObject({ code: 'session_expired', message: '登录已过期，请重新登录' });
  });
});
