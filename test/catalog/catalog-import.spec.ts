import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { importPlan } from '@libs/catalog/catalog-import';
import { readPlanFromDatabase } from '@libs/catalog/catalog-read';
import { catalogSummary } from '@libs/catalog/catalog-summary';
import { exportPlan } from '@libs/catalog/plan-export';
import { readPlanFile } from '@libs/catalog/plan-file-io';
import { readPlanWorkbook, writePlanWorkbook } from '@libs/catalog/plan-workbook';
import { assignServiceItems } from '@libs/catalog/service-assignments';
import { CatalogRepository } from '@libs/persistence/repositories/catalog.repository';
import { PlanValidationError } from '@libs/plan/localized';
import { validatePlan } from '@libs/plan/plan-validation';
import { createTestDatabase, type TestDatabase } from '../../tools/test-database';
import { HEYUAN_PLAN_FILE } from '../support/plans';

describe('the Heyuan plan in PostgreSQL', () => {
  let db: TestDatabase;
  beforeAll(async () => (db = await createTestDatabase()));
  afterAll(() => db.drop());

  const rowCounts = async () =>
    Object.fromEntries((await catalogSummary(db.dataSource)).tables.map((t) => [t.table, t.rows]));

  it('imports every table at its printed count', async () => {
    const report = await importPlan(db.dataSource, await readPlanFile(HEYUAN_PLAN_FILE));
    expect(report.indicator).toEqual({ added: 45, changed: 0, unchanged: 0 });
    expect(await rowCounts()).toMatchObject({
      plan: 1,
      category: 10,
      indicator: 45,
      main_target: 43,
      main_task: 49,
      major_project: 88,
      basic_service_item: 80,
    });
  });

  it('holds the plan’s printed project totals, summed in SQL', async () => {
    const [planned] = await db.dataSource.query(
      `SELECT count(*)::int AS n, sum(total_investment)::text AS total, sum(plan_period_investment)::text AS period, sum(land_mu)::text AS land
         FROM major_project WHERE status = 'planned'`,
    );
    expect(planned).toEqual({ n: 41, total: '1280855.7000', period: '1085769.7000', land: '3312.8000' });
    const [reserve] = await db.dataSource.query(
      `SELECT count(*)::int AS n, sum(total_investment)::text AS total FROM major_project WHERE status = 'reserve'`,
    );
    expect(reserve).toEqual({ n: 47, total: '1408698.8800' });
  });

  it('stores sample rows exactly as the seed prints them', async () => {
    const rows = await db.dataSource.query(
      `SELECT i.no, i.name, i.unit, i.baseline_printed, i.target_printed, i.attribute, i.cumulative, c.name AS category
         FROM indicator i JOIN category c ON c.id = i."categoryId" WHERE i.no IN (12, 13, 22, 23, 33, 45) ORDER BY i.no`,
    );
    // seed lines 200–300, 专栏1
    expect(rows).toEqual([
      {
        no: 12,
        name: '零就业家庭动态清零',
        unit: '—',
        baseline_printed: '动态清零',
        target_printed: '动态清零',
        attribute: 'binding',
        cumulative: false,
        category: '劳有所得',
      },
      {
        no: 13,
        name: '城镇新增就业人数',
        unit: '万人',
        baseline_printed: '〔20.27〕',
        target_printed: '〔12.5〕',
        attribute: 'expected',
        cumulative: true,
        category: '劳有所得',
      },
      {
        no: 22,
        name: '每千人口拥有医疗机构床位数',
        unit: '张',
        baseline_printed: '6.57',
        target_printed: '6',
        attribute: 'expected',
        cumulative: false,
        category: '病有所医',
      },
      {
        no: 23,
        name: '每千人口拥有注册护士数',
        unit: '人',
        baseline_printed: '3.17',
        target_printed: '3.5-4.0',
        attribute: 'expected',
        cumulative: false,
        category: '病有所医',
      },
      {
        no: 33,
        name: '符合条件的城镇低保、低收入住房困难家庭的公租房（含租赁补贴）保障率',
        unit: '%',
        baseline_printed: '394',
        target_printed: '100',
        attribute: 'binding',
        cumulative: false,
        category: '住有所居',
      },
      {
        no: 45,
        name: '应急广播主动发布终端人口覆盖率',
        unit: '%',
        baseline_printed: '1.32',
        target_printed: '≥90',
        attribute: 'binding',
        cumulative: false,
        category: '文体服务保障',
      },
    ]);
    // 附件3 row 1 (seed line ~1697) and 附件4 row 47 (seed line ~2650)
    const projects = await db.dataSource.query(
      `SELECT status, no, name, total_investment::text, plan_period_investment::text, land_mu::text, owner, responsible_unit_printed
         FROM major_project WHERE (status, no) IN (('planned', 1), ('reserve', 47)) ORDER BY status`,
    );
    expect(projects).toEqual([
      {
        status: 'planned',
        no: 1,
        name: '河源职业技术学院教育建筑群',
        total_investment: '22029.0000',
        plan_period_investment: '22029.0000',
        land_mu: '27.8400',
        owner: '河源职业技术学院',
        responsible_unit_printed: '河源职业技术学院',
      },
      {
        status: 'reserve',
        no: 47,
        name: '市高新区应急指挥体系建设项目',
        total_investment: '8000.0000',
        plan_period_investment: null,
        land_mu: '7.5000',
        owner: '市高新区管委会',
        responsible_unit_printed: '市高新区管委会',
      },
    ]);
    // 附件2 task 49: lead first, variants normalised, the group kept.
    const task49 = await db.dataSource.query(
      `SELECT r.position, r.role, d.name FROM responsibility r JOIN department d ON d.id = r."departmentId"
        WHERE r.item_kind = 'task' AND r.item_key = '49' ORDER BY r.position`,
    );
    expect(task49).toEqual([
      { position: 0, role: 'lead', name: '市发展改革局' },
      { position: 1, role: 'co', name: '市审计局' },
      { position: 2, role: 'co', name: '市统计局' },
      { position: 3, role: 'co', name: '县（区）人民政府（管委会）' },
    ]);
  });

  it('changes nothing on re-import and says so', async () => {
    const before = await rowCounts();
    const report = await importPlan(db.dataSource, await readPlanFile(HEYUAN_PLAN_FILE));
    for (const [table, stats] of Object.entries(report)) {
      expect({ table, added: stats.added, changed: stats.changed }).toEqual({ table, added: 0, changed: 0 });
    }
    expect(await rowCounts()).toEqual(before);
  });

  it('reports a changed row as changed and keeps contacts the bureau edited', async () => {
    await db.dataSource.query(
      `UPDATE department_contact SET email = 'li.hua@tjj.heyuan.example' WHERE role = 'submitter'
          AND "departmentId" = (SELECT id FROM department WHERE name = '市统计局')`,
    );
    const plan = JSON.parse(await readFile(HEYUAN_PLAN_FILE, 'utf8'));
    plan.indicators[0].target = '287';
    const report = await importPlan(db.dataSource, validatePlan(plan));
    expect(report.indicator).toEqual({ added: 0, changed: 1, unchanged: 44 });
    const [contact] = await db.dataSource.query(
      `SELECT email FROM department_contact c JOIN department d ON d.id = c."departmentId" WHERE d.name = '市统计局' AND c.role = 'submitter'`,
    );
    expect(contact.email).toBe('li.hua@tjj.heyuan.example');
    await importPlan(db.dataSource, await readPlanFile(HEYUAN_PLAN_FILE));
  });

  it('exports from the database exactly what the file exports', async () => {
    const fromDb = exportPlan(await readPlanFromDatabase(db.dataSource));
    const fromFile = exportPlan(await readPlanFile(HEYUAN_PLAN_FILE));
    fromFile.departments.find((d) => d.name === '市统计局')!.submitter.email = 'li.hua@tjj.heyuan.example';
    expect(fromDb).toEqual(fromFile);
  });

  it('refuses a malformed workbook naming sheet, row and column, and writes nothing', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      (await writePlanWorkbook((await readPlanFile(HEYUAN_PLAN_FILE)).file)) as unknown as ArrayBuffer,
    );
    workbook.getWorksheet('重大项目')!.getCell('F5').value = '两万';
    workbook.getWorksheet('主要指标')!.getCell('G3').value = '很重要';
    workbook.getWorksheet('规划')!.getCell('B2').value = 'another-plan';
    const before = await rowCounts();

    let error: unknown;
    try {
      await importPlan(
        db.dataSource,
        validatePlan(await readPlanWorkbook(Buffer.from(await workbook.xlsx.writeBuffer()))),
      );
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PlanValidationError);
    const where = (error as PlanValidationError).issues.map((i) => i.where);
    expect(where).toEqual([
      '主要指标!G3（指标属性 Attribute）',
      '重大项目!F5（计划总投资（万元） Total investment (10k yuan)）',
    ]);
    expect((error as Error).message).toContain('应为数字，实际为“两万”');
    expect(await rowCounts()).toEqual(before);
  });

  it('takes a service item’s department from the file as a default, never over the bureau’s assignment', async () => {
    const plan = JSON.parse(await readFile(HEYUAN_PLAN_FILE, 'utf8'));
    plan.plan.code = 'service-defaults';
    plan.basicServiceItems[4].department = '市卫生健康局';
    await importPlan(db.dataSource, validatePlan(plan));
    const assigned = async () =>
      (await readPlanFromDatabase(db.dataSource, 'service-defaults')).serviceItems
        .filter((b) => b.responsibility)
        .map((b) => [b.no, b.responsibility!.lead.name]);
    expect(await assigned()).toEqual([[5, '市卫生健康局']]);
    // The bureau assigns another department; importing the same file again leaves it, and the export carries it.
    await assignServiceItems(new CatalogRepository(db.dataSource), 'service-defaults', [
      { no: 5, department: 'city-healthcare-security' },
    ]);
    const again = await importPlan(db.dataSource, validatePlan(plan));
    expect(again.basic_service_item).toEqual({ added: 0, changed: 0, unchanged: 80 });
    expect(await assigned()).toEqual([[5, '市医保局']]);
    const exported = exportPlan(await readPlanFromDatabase(db.dataSource, 'service-defaults'));
    expect(exported.basicServiceItems[4]).toMatchObject({ no: 5, name: '预防接种', department: '市医保局' });
    expect(exported.basicServiceItems[5]).not.toHaveProperty('department');
  });

  it('rolls back a whole import that fails halfway', async () => {
    const plan = JSON.parse(await readFile(HEYUAN_PLAN_FILE, 'utf8'));
    plan.plan.code = 'half-written';
    const validated = validatePlan(plan);
    // A duplicated basic service item number breaks a unique key after the earlier tables were written.
    validated.serviceItems[1].no = 1;
    const before = await rowCounts();
    await expect(importPlan(db.dataSource, validated)).rejects.toThrow(/duplicate key/);
    expect(await rowCounts()).toEqual(before);
  });
});
