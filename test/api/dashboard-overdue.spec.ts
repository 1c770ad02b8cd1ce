/**
 * The dashboard's overdue figures, through HTTP against the real API,
 * PostgreSQL and the time-skipping Temporal server, whose clock the API judges
 * by. Past the deadline the overdue list, the counts and each department's
 * timeliness hold from the moment the deadline passes, judged from the records
 * and the clock (the departments' workflows also wake as their deadline passes,
 * to mark themselves overdue for operators, so their live view agrees); a department's own extension
 * takes its items off the list; a closed cycle lists what was never submitted,
 * and the list exports to Excel.
 */
import ExcelJS from 'exceljs';
import { DAYS } from '../support/cycle-harness';
import { createApiHarness, OTHER, OWN, type AccountName, type ApiHarness } from '../support/api-harness';

const enc = encodeURIComponent;
const HOURS = (n: number) => n * 3_600_000;
/** 市统计局's two indicators: one submitted before the deadline, the other after it. */
const ON_TIME = 'indicator-1';
const LATE = 'indicator-4';

interface Overview {
  status: string;
  asOf: string;
  departments: Array<{ department: string; overdue: number; deadline: string; timeliness: string; total: number }>;
  overdue: Array<{ department: string; departmentName: { zh: string }; itemKey: string; status: string }>;
}

describe('the dashboard’s overdue figures, from the records and the clock', () => {
  let h: ApiHarness;
  let stopWorker: () => Promise<void>;
  let cycleId: string;
  let deadline: number;

  beforeAll(async () => {
    h = await createApiHarness();
    stopWorker = await h.startWorker();
    const { itemKinds, ...definition } = await h.definition({
      fromYear: 2022,
      toYear: 2022,
      deadlineInDays: 10,
      hardCloseInDays: 40,
    });
    deadline = Date.parse(definition.deadline);
    cycleId = (
      await as('admin')
        .post('/api/cycles', { ...definition, itemKinds })
        .expect(201)
    ).body.cycleId;
    await h.env.sleep(DAYS(1));
  });
  afterAll(async () => {
    await stopWorker?.();
    await h?.close();
  });

  function as(who: AccountName) {
    return {
      get: (path: string) => h.http().get(path).set('Authorization', `Bearer ${h.tokens[who]}`),
      post: (path: string, body: object) =>
        h.http().post(path).set('Authorization', `Bearer ${h.tokens[who]}`).send(body),
    };
  }
  const cycle = () => `/api/cycles/${enc(cycleId)}`;
  const overview = async (): Promise<Overview> => (await as('viewer').get(`${cycle()}/overview`).expect(200)).body;
  const department = (o: Overview, code: string) => o.departments.find((d) => d.department === code)!;
  const submit = (itemKey: string, value: number) =>
    as('submitter')
      .post(`${cycle()}/items/${itemKey}/submit`, {
        submission: { kind: 'indicator', value, dataSource: '统计公报' },
      })
      .expect(200);

  it('lists nothing overdue before the deadline, every department pending', async () => {
    await submit(ON_TIME, 284.7);
    const o = await overview();
    expect(o.overdue).toEqual([]);
    expect(new Set(o.departments.map((d) => d.timeliness))).toEqual(new Set(['pending']));
    expect(department(o, OWN)).toMatchObject({ overdue: 0, timeliness: 'pending' });
  });

  it('lists every item still owed, in every department, two hours past the deadline', async () => {
    await h.env.sleep(deadline + HOURS(2) - (await h.env.currentTimeMs()));
    const o = await overview();
    const total = o.departments.reduce((n, d) => n + d.total, 0);
    expect(o.overdue).toHaveLength(total - 1);
    expect(o.overdue.map((i) => i.itemKey)).not.toContain(ON_TIME);
    expect(o.overdue).toContainEqual(
      expect.objectContaining({
        department: OWN,
        itemKey: LATE,
        status: 'assigned',
        departmentName: { zh: '市统计局', en: expect.any(String) },
      }),
    );
    for (const d of o.departments) {
      expect(d.overdue).toBe(o.overdue.filter((i) => i.department === d.department).length);
      expect(d.timeliness).toBe('missing');
    }
    // Each department's workflow woke as its deadline passed (its search attribute PlanEvalOverdue): the live view agrees.
    const live = (await as('viewer').get(`${cycle()}/live`).expect(200)).body;
    expect(live.overdue.length).toBe(o.overdue.length);
  });

  it('takes a department’s items off the list while its own extension runs', async () => {
    const extended = new Date(deadline + DAYS(5)).toISOString();
    await as('admin').post(`${cycle()}/extend`, { deadline: extended, department: OTHER }).expect(200);
    const o = await overview();
    expect(department(o, OTHER)).toMatchObject({ overdue: 0, timeliness: 'pending', deadline: extended });
    expect(o.overdue.filter((i) => i.department === OTHER)).toEqual([]);
    expect(department(o, OWN)).toMatchObject({ overdue: 1, timeliness: 'missing' });
  });

  it('judges a department late once its last item arrives after the deadline', async () => {
    await submit(LATE, 12.9);
    const o = await overview();
    expect(department(o, OWN)).toMatchObject({ overdue: 0, timeliness: 'late' });
    expect(o.overdue.map((i) => i.department)).not.toContain(OWN);
  });

  it('lists what a closed cycle never received, as its report judged the departments, and exports it to Excel', async () => {
    const before = await overview();
    await h.env.sleep(DAYS(40));
    await h.env.client.workflow.getHandle(cycleId).result();
    const o = await overview();
    expect(o.status).toBe('closed');
    // Nothing was submitted in between: the list is the one of before, the extended department's items back on it.
    const owedByOther = o.overdue.filter((i) => i.department === OTHER);
    expect(owedByOther.length).toBe(department(o, OTHER).total);
    expect(o.overdue).toHaveLength(before.overdue.length + owedByOther.length);
    expect(new Set(o.overdue.map((i) => i.status))).toEqual(new Set(['assigned']));
    // The report's timeliness and the list agree: missing exactly where something is overdue.
    for (const d of o.departments) expect(d.timeliness === 'missing').toBe(d.overdue > 0);
    expect(department(o, OWN).timeliness).toBe('late');

    const file = await as('admin')
      .get(`${cycle()}/overdue/xlsx`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200)
      .expect('Content-Type', /spreadsheetml/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.body as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.name).toBe('逾期未报');
    expect(ws.getRow(1).values).toEqual([undefined, '部门', '类别', '序号', '事项', '状态', '截止时间（北京时间）']);
    expect(ws.rowCount).toBe(o.overdue.length + 1);
    expect(ws.getRow(2).getCell(1).value).toBe(o.overdue[0].departmentName.zh);
    expect(ws.getRow(2).getCell(5).value).toBe('待填报');

    const refused = await as('admin').get(`${cycle()}/overdue/xlsx?lang=fr`).expect(400);
    expect(refused.body.details).toEqual([expect.objectContaining({ field: 'lang' })]);
    expect(refused.body.message).toContain('lang');
    expect(refused.body.messageEn).toContain('lang');
  }, 300_000);
});
