import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { HEYUAN_PLAN_FILE } from '../support/plans';

const run = promisify(execFile);
const BIN = join(__dirname, '../../bin/plan-eval.js');
// No database is reachable at this address: the file commands must not need one.
const env = { ...process.env, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' };

async function planEval(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('node', [BIN, ...args], { env, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('plan-eval, the contract other tools rely on', () => {
  it('exports a plan file as JSON without a database', async () => {
    const { code, stdout } = await planEval('export', '--format', 'json', '--file', HEYUAN_PLAN_FILE);
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.indicators).toHaveLength(45);
    expect(out.targets).toHaveLength(43);
    expect(out.tasks).toHaveLength(49);
    expect(out.projects).toHaveLength(88);
    expect(out.indicators[12]).toMatchObject({
      no: 13,
      category: '劳有所得',
      name: '城镇新增就业人数',
      unit: '万人',
      baseline: '〔20.27〕',
      target: '〔12.5〕',
      attribute: 'expected',
      leadDepartment: '市人力资源社会保障局',
      coDepartments: [],
    });
    expect(out.indicators.find((i: { no: number }) => i.no === 8)).toMatchObject({
      baseline: '80.73',
      target: '稳定在85以上',
      attribute: 'binding',
    });
    expect(out.indicators.find((i: { no: number }) => i.no === 28)).toMatchObject({ baseline: '—', target: '60' });
    expect(out.indicators.find((i: { no: number }) => i.no === 29)).toMatchObject({
      leadDepartment: '市民政局',
      coDepartments: ['市卫生健康局'],
    });
    expect(out.tasks[48]).toMatchObject({
      no: 49,
      title: '强化监管评估',
      leadDepartment: '市发展改革局',
      coDepartments: ['市审计局', '市统计局', '县（区）人民政府（管委会）'],
    });
    const reserve = out.projects.find((p: { status: string; no: number }) => p.status === 'reserve' && p.no === 44);
    // 附件4 row 44: printed "源城区" / "政府" over two lines, the county unit 源城区.
    expect(reserve).toMatchObject({
      name: '源城区国防教育训练基地',
      status: 'reserve',
      planPeriodInvestment: null,
      responsibleUnit: '源城区政府',
      leadDepartment: '源城区',
    });
    expect(Object.keys(out.projects[0])).toEqual(
      expect.arrayContaining([
        'no',
        'name',
        'status',
        'totalInvestment',
        'planPeriodInvestment',
        'landMu',
        'responsibleUnit',
      ]),
    );
  });

  it('validates a plan file and refuses a broken one with the reason, exit code 1', async () => {
    expect((await planEval('validate', HEYUAN_PLAN_FILE)).code).toBe(0);
    const dir = await mkdtemp(join(tmpdir(), 'plan-eval-'));
    const broken = JSON.parse(await readFile(HEYUAN_PLAN_FILE, 'utf8'));
    broken.projects[0].totalInvestment = 1;
    await writeFile(join(dir, 'broken.json'), JSON.stringify(broken));
    const result = await planEval('validate', join(dir, 'broken.json'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('重大项目计划表计划总投资（万元）合计为1258827.7，与原文1280855.7不符');
  });

  it('round-trips the plan through an Excel workbook', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'plan-eval-'));
    const xlsx = join(dir, 'heyuan.xlsx');
    expect((await planEval('export', '--format', 'xlsx', '--file', HEYUAN_PLAN_FILE, '--out', xlsx)).code).toBe(0);
    const fromXlsx = await planEval('export', '--format', 'json', '--file', xlsx);
    const fromJson = await planEval('export', '--format', 'json', '--file', HEYUAN_PLAN_FILE);
    expect(fromXlsx.stdout).toBe(fromJson.stdout);
  });

  it('lists the indicators of one department, variants accepted', async () => {
    const { stdout } = await planEval(
      'indicators',
      '--file',
      HEYUAN_PLAN_FILE,
      '--department',
      '统计局',
      '--format',
      'json',
    );
    expect(JSON.parse(stdout).map((i: { no: number }) => i.no)).toEqual([1, 4]);
  });
});

describe('plan-eval evaluate', () => {
  it('evaluates a values file without a database, one entry per indicator', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'plan-eval-'));
    const valuesFile = join(dir, 'values.json');
    await writeFile(
      valuesFile,
      JSON.stringify([
        { indicator: 3, year: 2023, value: 50.9 },
        { indicator: 13, year: 2021, value: 2.6 },
        { indicator: 13, year: 2022, value: 2.4 },
        { indicator: 13, year: 2023, value: 2.5 },
        { indicator: 12, year: 2023, value: false },
      ]),
    );
    const { code, stdout } = await planEval(
      'evaluate',
      '--file',
      HEYUAN_PLAN_FILE,
      '--values',
      valuesFile,
      '--period',
      '2023',
      '--format',
      'json',
    );
    expect(code).toBe(0);
    const out: Array<{ no: number; expected: number | null; ratio: number | null; status: string }> =
      JSON.parse(stdout);
    expect(out).toHaveLength(45);
    const byNo = new Map(out.map((e) => [e.no, e]));
    expect(byNo.get(3)).toMatchObject({ status: 'slightly_behind' });
    expect(byNo.get(3)!.ratio).toBeCloseTo(0.8, 6);
    expect(byNo.get(13)).toMatchObject({ expected: 7.5, status: 'on_track' });
    expect(byNo.get(12)).toMatchObject({ expected: null, ratio: null, status: 'lagging' });
    expect(byNo.get(1)).toMatchObject({ expected: null, ratio: null, status: 'no_data' });

    const lights = await planEval(
      'evaluate',
      '--file',
      HEYUAN_PLAN_FILE,
      '--values',
      valuesFile,
      '--period',
      '2023',
      '--format',
      'json',
      '--preset',
      'traffic_light',
    );
    expect(JSON.parse(lights.stdout).find((e: { no: number }) => e.no === 3).status).toBe('on_track');
  });

  it('shows one item, a reserve project by its item key (reserve-44)', async () => {
    const { code, stdout } = await planEval('show', 'project', 'reserve-44', '--file', HEYUAN_PLAN_FILE);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ no: 44, status: 'reserve', name: '源城区国防教育训练基地' });
    const unknown = await planEval('show', 'project', 'reserve-x', '--file', HEYUAN_PLAN_FILE);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('没有找到 project reserve-x');
  });

  it('refuses a period outside the plan with a message', async () => {
    const result = await planEval(
      'evaluate',
      '--file',
      HEYUAN_PLAN_FILE,
      '--values',
      HEYUAN_PLAN_FILE,
      '--period',
      '2030',
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('评价年份应为2021–2025之间的整数');
  });
});
