/**
 * The bureau edits the report's drafted text through HTTP against the real
 * services (time-skipping Temporal server, PostgreSQL, SMTP): a closed cycle's
 * drafted sections, an edit saved as version 1, a save over a stale version
 * refused with 409, bad text refused at its field, the versions with who and
 * when, the audit entry; then a reopen recompiles the report, whose Word and
 * HTML files carry the edit in place of the drafted text, and the API says the
 * drafted paragraph changed under the edit; 定稿 compiles the final version
 * with the edit and the text's hash, and the text is read-only from then on. Annual 2021: indicators 1 and 4
 * (市统计局) lagging at first; the reopen puts indicator 1 on its path.
 */
import JSZip from 'jszip';
import { DAYS } from '../support/cycle-harness';
import { createApiHarness, type AccountName, type ApiHarness } from '../support/api-harness';

const enc = encodeURIComponent;
const EDITED = '市统计局牵头的两项人口指标低于预期，已约谈牵头单位，责成其于下季度前拿出整改方案。';
const EDITED_EN =
  'Two population indicators led by the statistics bureau are behind; their lead unit must set out a remedy.';

describe('the bureau edits the report’s drafted text', () => {
  let h: ApiHarness;
  beforeAll(async () => (h = await createApiHarness()));
  afterAll(() => h?.close());

  const as = (who: AccountName) => {
    const auth = (r: ReturnType<ReturnType<ApiHarness['http']>['get']>) =>
      r.set('Authorization', `Bearer ${h.tokens[who]}`);
    return {
      get: (path: string) => auth(h.http().get(path)),
      post: (path: string, body?: object) => auth(h.http().post(path)).send(body),
      put: (path: string, body: object) => auth(h.http().put(path)).send(body),
    };
  };
  const binary = (r: ReturnType<ReturnType<typeof as>['get']>) =>
    r.buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });

  it('edit → stale save refused → versions → reopen → the recompiled Word and HTML carry the edit → 定稿 locks it', async () => {
    const worker = await h.newWorker();
    await worker.runUntil(async () => {
      const { cycleId } = await h.launch({ deadlineInDays: 30, hardCloseInDays: 60 });
      const cycle = `/api/cycles/${enc(cycleId)}`;
      const text = `${cycle}/report/text`;
      const item = (key: string) => `${cycle}/items/${key}`;
      await h.env.sleep(DAYS(1));
      // Before a report is compiled there is nothing to edit.
      const early = await as('admin').get(text).expect(409);
      expect(early.body).toMatchObject({ code: 'no_report', messageEn: expect.stringContaining('no report yet') });

      for (const [key, value] of [
        ['indicator-1', 280],
        ['indicator-4', 11],
      ] as const) {
        await as('submitter')
          .post(`${item(key)}/submit`, {
            submission: { kind: 'indicator', value, dataSource: '统计年报', reasons: '人口外流', measures: '稳就业' },
          })
          .expect(200);
        await as('supervisor')
          .post(`${item(key)}/review`, { decision: 'approve' })
          .expect(200);
      }
      await h.env.sleep(DAYS(61));

      // Every signed-in reader sees the drafted sections of version 1; none is edited yet.
      const drafted = (await as('submitter').get(text).expect(200)).body;
      expect(drafted).toMatchObject({ reportVersion: 1, contentHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
      const behind = drafted.sections.find((s: { key: string }) => s.key === 'problems.behind');
      expect(behind).toMatchObject({
        chapter: 'problems',
        drafted: { text: expect.stringMatching(/^2项指标进度滞后/), textEn: expect.stringMatching(/^2 indicator/) },
        latest: null,
        draftedChanged: false,
        versions: [{ version: 0, editedBy: null }],
      });

      // Only the bureau edits; the text is checked at its field, in both languages.
      await as('submitter')
        .put(`${text}/problems.behind`, { text: EDITED, textEn: EDITED_EN, baseVersion: 0 })
        .expect(403);
      const empty = await as('admin')
        .put(`${text}/problems.behind`, { text: '  ', textEn: 'a\nb', baseVersion: 0 })
        .expect(400);
      expect(empty.body.details).toEqual([
        { field: 'text', zh: 'text：段落文字不能为空', en: expect.stringContaining('may not be empty') },
        {
          field: 'textEn',
          zh: expect.stringContaining('不能含换行'),
          en: expect.stringContaining('without line breaks'),
        },
      ]);
      const missing = await as('admin').put(`${text}/problems.behind`, { text: EDITED, baseVersion: 0 }).expect(400);
      expect(missing.body.details).toEqual([expect.objectContaining({ field: 'textEn' })]);
      const unknown = await as('admin')
        .put(`${text}/problems.nothing`, { text: EDITED, textEn: EDITED_EN, baseVersion: 0 })
        .expect(404);
      expect(unknown.body.message).toContain('problems.nothing');

      const saved = await as('admin')
        .put(`${text}/problems.behind`, { text: EDITED, textEn: EDITED_EN, baseVersion: 0 })
        .expect(200);
      expect(saved.body).toMatchObject({
        key: 'problems.behind',
        latest: { version: 1, text: EDITED, textEn: EDITED_EN, editedBy: 'admin', reportVersion: 1 },
        draftedChanged: false,
        versions: [{ version: 0 }, { version: 1, editedBy: 'admin' }],
      });
      // A save made over version 0, now that version 1 exists, is refused and writes nothing.
      const stale = await as('admin')
        .put(`${text}/problems.behind`, { text: '另一种写法。', textEn: 'Another wording.', baseVersion: 0 })
        .expect(409);
      expect(stale.body).toMatchObject({
        code: 'stale_edit',
        message: expect.stringContaining('已由admin修改为第1版'),
        messageEn: expect.stringContaining('has since saved version 1'),
      });
      const versions = (await as('viewer').get(`${text}/problems.behind/versions`).expect(200)).body;
      expect(versions).toMatchObject({
        section: 'problems.behind',
        items: [
          { version: 0, text: behind.drafted.text, editedBy: null, reportVersion: 1 },
          { version: 1, text: EDITED, editedBy: 'admin', editedAt: expect.any(String), reportVersion: 1 },
        ],
      });
      const edited = (await as('admin').get(text).expect(200)).body;
      expect(edited.textHash).not.toBe(drafted.textHash);
      const audit = (
        await as('admin')
          .get(`/api/audit?entityType=report_text&entityId=${enc(`${cycleId}#problems.behind`)}`)
          .expect(200)
      ).body;
      expect(audit.items).toEqual([
        expect.objectContaining({
          action: 'edit_report_text',
          before: { version: 0 },
          after: expect.objectContaining({ version: 1, text: EDITED }),
        }),
      ]);

      // The reopen puts indicator 1 on its path: version 2 drafts the paragraph differently, the edit stays.
      await as('admin')
        .post(`${cycle}/reopen`, { itemKeys: ['indicator-1'], reason: '统计公报更正' })
        .expect(200);
      while ((await as('submitter').get(item('indicator-1')).expect(200)).body.status !== 'returned')
        await h.env.sleep(60_000);
      await as('submitter')
        .post(`${item('indicator-1')}/submit`, {
          submission: { kind: 'indicator', value: 284.1, dataSource: '统计公报（更正）' },
        })
        .expect(200);
      await as('supervisor')
        .post(`${item('indicator-1')}/review`, { decision: 'approve' })
        .expect(200);
      await h.env.sleep(DAYS(1));

      const recompiled = (await as('admin').get(text).expect(200)).body;
      expect(recompiled.reportVersion).toBe(2);
      expect(recompiled.sections.find((s: { key: string }) => s.key === 'problems.behind')).toMatchObject({
        drafted: { text: expect.stringMatching(/^1项指标进度滞后/) },
        latest: { version: 1, text: EDITED, reportVersion: 1 },
        draftedChanged: true,
      });
      const html = (await as('viewer').get(`${cycle}/reports/2/html`).expect(200)).text;
      expect(html).toContain(EDITED);
      expect(html).not.toContain('1项指标进度滞后');
      const english = (await as('viewer').get(`${cycle}/reports/2/html?lang=en`).expect(200)).text;
      expect(english).toContain('Two population indicators led by the statistics bureau are behind');
      const docx = await binary(as('viewer').get(`${cycle}/reports/2/docx`)).expect(200);
      const xml = await (await JSZip.loadAsync(docx.body as Buffer)).file('word/document.xml')!.async('string');
      expect(xml).toContain(EDITED);
      // Version 1 stays as it was compiled, with the drafted text.
      expect((await as('viewer').get(`${cycle}/reports/1/html`).expect(200)).text).toContain('2项指标进度滞后');

      // Out for comments the text is still the bureau's to edit; from 定稿 on it is the final version's.
      const deadline = new Date((await h.env.currentTimeMs()) + DAYS(14)).toISOString();
      await as('admin').post(`${cycle}/review`, { deadline }).expect(201);
      // The review's workflow writes its row as it opens (in real time: no timer is involved).
      for (let waited = 0; (await as('admin').get(`${cycle}/review`)).status !== 200; waited += 200) {
        if (waited > 60_000) throw new Error('the review did not open');
        await new Promise((r) => setTimeout(r, 200));
      }
      expect((await as('admin').get(text).expect(200)).body.editable).toBe(true);
      const finalised = await as('admin').post(`${cycle}/review/finalise`).expect(200);
      expect(finalised.body.stage).toBe('awaiting_approval');
      const review = (await as('admin').get(`${cycle}/review`).expect(200)).body;
      // The final version carries the edit, and the hash of the text as the API showed it before 定稿.
      expect(review.final).toMatchObject({ version: 3, textHash: recompiled.textHash });
      expect((await as('viewer').get(`${cycle}/reports/3/html`).expect(200)).text).toContain(EDITED);
      const final = (await as('admin').get(text).expect(200)).body;
      expect(final).toMatchObject({ editable: false, reportVersion: 3 });
      const locked = await as('admin')
        .put(`${text}/problems.behind`, { text: '定稿后再改。', textEn: 'After the final.', baseVersion: 1 })
        .expect(409);
      expect(locked.body).toMatchObject({ code: 'report_finalised', messageEn: expect.stringContaining('finalised') });
    });
  }, 300_000);
});
