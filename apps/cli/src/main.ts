/**
 * `plan-eval`: the bureau's command line over the same libraries the API and
 * the worker use. Output for people is zh-CN with English beside it; `--format
 * json` output is for other tools.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Connection } from '@temporalio/client';
import { Command, Option } from 'commander';
import { catalogSummary } from '@libs/catalog/catalog-summary';
import { DelegationError } from '@libs/catalog/delegations';
import { importPlan } from '@libs/catalog/catalog-import';
import { exportPlan } from '@libs/catalog/plan-export';
import { readPlanFile } from '@libs/catalog/plan-file-io';
import { writePlanWorkbook } from '@libs/catalog/plan-workbook';
import { UserError } from '@libs/access/users';
import { ConfigError, loadConfig } from '@libs/config/config';
import { PROJECT_ROOT } from '@libs/config/project-root';
import { DEFAULT_THRESHOLD_PRESET, parseItemKey } from '@libs/cycle/cycle-definition';
import { parseDuration } from '@libs/cycle/duration';
import { MailStore } from '@libs/mail/mail-store';
import { CatalogRepository } from '@libs/persistence/repositories/catalog.repository';
import { bilingual, PlanValidationError } from '@libs/plan/localized';
import { evaluatePlanIndicators, parseIndicatorValues, summarizeEvaluation } from '@libs/rules/plan-evaluation';
import { STATUS_LABELS } from '@libs/rules/progress';
import { THRESHOLD_PRESET_NAMES, THRESHOLD_PRESETS, type ThresholdPreset } from '@libs/rules/thresholds';
import { CycleRequestError } from '@libs/temporal/cycle-client';
import { temporalConnectionOptions } from '@libs/temporal/connection';
import { ensureNamespace } from '@libs/temporal/namespace-registry';
import { registerSearchAttributes } from '@libs/temporal/search-attribute-registry';
import { registerBureauCommands } from './bureau-commands';
import { registerCalendarCommands } from './calendar-commands';
import { loadPlan, withDatabase } from './plan-source';

export const DEFAULT_PLAN_FILE = resolve(PROJECT_ROOT, 'data/plans/heyuan-public-services-2021-2025.json');

const program = new Command('plan-eval')
  .description('规划监测评估命令行 (five-year plan evaluation command line)')
  .showHelpAfterError();

const fileOption = () =>
  new Option('-f, --file <path>', '规划文件 (.json 或 .xlsx)，不连接数据库 (plan file; no database)');
const planOption = () => new Option('-p, --plan <code>', '数据库中的规划代码 (plan code in the database)');
const print = (value: unknown): void => void process.stdout.write(JSON.stringify(value, null, 2) + '\n');

program
  .command('migrate')
  .description('执行数据库迁移 (run database migrations)')
  .option('--revert', '回退最近一次迁移 (revert the last migration)')
  .action((opts: { revert?: boolean }) =>
    withDatabase(async (ds) => {
      if (opts.revert) {
        await ds.undoLastMigration({ transaction: 'all' });
        console.log('已回退最近一次迁移 (reverted the last migration)');
        return;
      }
      const applied = await ds.runMigrations({ transaction: 'all' });
      console.log(
        `已执行 ${applied.length} 个迁移 (applied ${applied.length} migration(s))${applied.map((m) => `\n  ${m.name}`).join('')}`,
      );
    }),
  );

program
  .command('validate')
  .description('检查规划文件，不连接数据库 (check a plan file without a database)')
  .argument('[file]', '规划文件 (plan file)', DEFAULT_PLAN_FILE)
  .action(async (file: string) => {
    const plan = await readPlanFile(file);
    console.log(`规划文件有效 (plan file is valid): ${plan.file.plan.name}`);
    console.log(
      `  指标 ${plan.indicators.length} · 目标 ${plan.targets.length} · 任务 ${plan.tasks.length} · 项目 ${plan.projects.length} · 基本公共服务 ${plan.file.basicServiceItems.length}`,
    );
    for (const w of plan.warnings) console.log(`  注意 (warning) ${w.where}: ${bilingual(w.message)}`);
  });

program
  .command('import')
  .description('导入规划到数据库（可重复导入）(import a plan into the database; idempotent)')
  .argument('[file]', '规划文件 (plan file)', DEFAULT_PLAN_FILE)
  .addOption(new Option('--format <format>', '输出格式 (output)').choices(['table', 'json']).default('table'))
  .option(
    '--if-absent',
    '仅当数据库中还没有该规划时导入 (import only a plan the database does not hold: a deployment never reverts what the bureau changed since)',
  )
  .action(async (file: string, opts: { format: string; ifAbsent?: boolean }) => {
    const plan = await readPlanFile(file);
    const { code } = plan.file.plan;
    const report = await withDatabase(async (ds) =>
      opts.ifAbsent && (await new CatalogRepository(ds).plan(code)) ? null : importPlan(ds, plan),
    );
    if (report === null) {
      if (opts.format === 'json') return print({ plan: code, imported: false });
      console.log(`规划已在数据库中，未导入 (plan already in the database, not imported): ${code}`);
      console.log('  重新导入请运行 (to re-import, run) plan-eval import');
      return;
    }
    if (opts.format === 'json') return print(report);
    console.log(`已导入 (imported) ${plan.file.plan.name}`);
    console.table(
      Object.entries(report).map(([table, s]) => ({
        表: table,
        '新增 added': s.added,
        '修改 changed': s.changed,
        '未变 unchanged': s.unchanged,
      })),
    );
    for (const w of plan.warnings) console.log(`注意 (warning) ${w.where}: ${bilingual(w.message)}`);
  });

program
  .command('export')
  .description('导出规划 (export a plan as JSON or an Excel workbook)')
  .addOption(new Option('--format <format>', '格式 (format)').choices(['json', 'xlsx']).default('json'))
  .addOption(fileOption())
  .addOption(planOption())
  .option('-o, --out <path>', '写入文件而不是标准输出 (write to a file instead of stdout)')
  .option('--template', '导出空白模板 (an empty workbook for another plan)')
  .action(async (opts: { format: string; file?: string; plan?: string; out?: string; template?: boolean }) => {
    if (opts.format === 'xlsx') {
      if (!opts.out) throw new UsageError('导出 Excel 需要 --out 指定文件 (xlsx export needs --out <path>)');
      const plan = opts.template ? null : (await loadPlan(opts)).file;
      await writeFile(opts.out, await writePlanWorkbook(plan));
      console.log(`已写入 (written) ${opts.out}`);
      return;
    }
    const json = JSON.stringify(exportPlan(await loadPlan(opts)), null, 2) + '\n';
    if (opts.out) await writeFile(opts.out, json);
    else process.stdout.write(json);
  });

program
  .command('indicators')
  .description('列出指标 (list indicators, filtered by department or category)')
  .addOption(fileOption())
  .addOption(planOption())
  .option('-d, --department <name>', '负责部门，含配合单位 (responsible department, lead or co-operating)')
  .option('-c, --category <name>', '指标类别 (category)')
  .addOption(new Option('--format <format>', '输出格式 (output)').choices(['table', 'json']).default('table'))
  .action(async (opts: { file?: string; plan?: string; department?: string; category?: string; format: string }) => {
    const plan = await loadPlan(opts);
    const dept = opts.department ? (plan.directory.unit(opts.department)?.name ?? opts.department) : undefined;
    const rows = exportPlan(plan).indicators.filter(
      (i) =>
        (!dept || i.leadDepartment === dept || i.coDepartments.includes(dept)) &&
        (!opts.category || i.category === opts.category),
    );
    if (opts.format === 'json') return print(rows);
    console.table(
      rows.map((i) => ({
        序号: i.no,
        类别: i.category,
        指标: i.name,
        单位: i.unit,
        基期: i.baseline,
        目标: i.target,
        属性: i.attribute === 'binding' ? '约束性' : '预期性',
        牵头: i.leadDepartment,
      })),
    );
  });

program
  .command('show')
  .description('显示一项 (show one item): indicator|target|task|project <no>')
  .argument('<kind>', 'indicator | target | task | project')
  .argument('<no>', '序号；储备项目写作 reserve-3 (number; reserve projects as reserve-3)')
  .addOption(fileOption())
  .addOption(planOption())
  .action(async (kind: string, no: string, opts: { file?: string; plan?: string }) => {
    const exported = exportPlan(await loadPlan(opts));
    // A reserve project is named as a cycle keys it (`reserve-3`); every other item by its number.
    const key = kind === 'project' ? parseItemKey(no) : null;
    const [status, n] = key?.kind === 'reserve' ? ['reserve', key.no] : ['planned', Number(no)];
    const sections: Record<string, Array<{ no: number; status?: string }>> = {
      indicator: exported.indicators,
      target: exported.targets,
      task: exported.tasks,
      project: exported.projects,
    };
    if (!(kind in sections))
      throw new UsageError(`未知的类型“${kind}”(unknown kind "${kind}"): indicator | target | task | project`);
    const item = sections[kind].find((x) => x.no === n && (kind !== 'project' || x.status === status));
    if (!item) throw new UsageError(`没有找到 ${kind} ${no} (no ${kind} ${no})`);
    print(item);
  });

program
  .command('summary')
  .description('数据库中的目录概况 (what the catalog in the database holds)')
  .action(() =>
    withDatabase(async (ds) => {
      const summary = await catalogSummary(ds);
      console.log('各表行数 (rows per table)');
      console.table(summary.tables.map((t) => ({ 表: t.table, 行数: t.rows })));
      console.log('各牵头单位负责事项 (items per lead department)');
      console.table(
        summary.leadDepartments.map((d) => ({
          牵头单位: d.department,
          指标: d.indicator,
          目标: d.target,
          任务: d.task,
          项目: d.project,
          合计: d.total,
        })),
      );
    }),
  );

program
  .command('evaluate')
  .description('按时序进度评价指标，不连接数据库时用 --file (judge indicators by time-elapsed progress)')
  .addOption(fileOption())
  .addOption(planOption())
  .requiredOption(
    '--values <path>',
    '数值文件：[{ "indicator": 序号, "year": 年份, "value": 数值或 true/false }] (values file)',
  )
  .requiredOption('--period <year>', '评价年份 (the year evaluated)')
  .addOption(
    new Option('--preset <preset>', '阈值方案 (threshold preset)')
      .choices(THRESHOLD_PRESET_NAMES)
      .default(DEFAULT_THRESHOLD_PRESET),
  )
  .addOption(new Option('--format <format>', '输出格式 (output)').choices(['table', 'json']).default('table'))
  .action(
    async (opts: {
      file?: string;
      plan?: string;
      values: string;
      period: string;
      preset: ThresholdPreset;
      format: string;
    }) => {
      const plan = await loadPlan(opts);
      const year = Number(opts.period);
      const { baselineYear, endYear } = plan.file.plan;
      if (!Number.isInteger(year) || year <= baselineYear || year > endYear) {
        throw new UsageError(
          `评价年份应为${baselineYear + 1}–${endYear}之间的整数 (--period must be a year from ${baselineYear + 1} to ${endYear})`,
        );
      }
      let json: unknown;
      try {
        json = JSON.parse(await readFile(opts.values, 'utf8'));
      } catch (e) {
        throw new UsageError(`无法读取数值文件 (cannot read the values file) ${opts.values}: ${(e as Error).message}`);
      }
      const thresholds = THRESHOLD_PRESETS[opts.preset];
      const evaluations = evaluatePlanIndicators(plan, parseIndicatorValues(json, plan), year, thresholds);
      if (opts.format === 'json') return print(evaluations);
      const summary = summarizeEvaluation(evaluations);
      console.log(`${plan.file.plan.name} · ${year}年 · 阈值 (thresholds) ${thresholds.preset}`);
      console.log(
        `约束性指标未达进度 (binding indicators not on track): ${summary.bindingNotOnTrack.join('、') || '无 (none)'}`,
      );
      console.table(
        evaluations.map((e) => ({
          序号: e.no,
          指标: e.name,
          基期: e.baseline,
          目标: e.target,
          数值: e.value,
          预期: e.expected === null ? '' : round(e.expected),
          进度比: e.ratio === null ? '' : round(e.ratio),
          状态: STATUS_LABELS[e.status].zh,
        })),
      );
    },
  );

const mail = program
  .command('mail')
  .description('阅读内置邮件服务器收到的邮件 (read the mail the embedded mail server received)');
const mailStore = (opts: { dir?: string }) => new MailStore(resolve(opts.dir ?? loadConfig('mailbox').MAIL_DIR));
const dirOption = () => new Option('--dir <path>', '邮件目录 (mail folder), 默认 MAIL_DIR 或 .data/mail');
const shanghai = (d: Date) =>
  new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'medium', timeStyle: 'medium' }).format(d);

mail
  .command('list')
  .description('列出邮件，最新的在前 (list messages, newest first)')
  .addOption(dirOption())
  .option('-n, --limit <n>', '最多列出几封 (at most this many)')
  .addOption(new Option('--format <format>', '输出格式 (output)').choices(['table', 'json']).default('table'))
  .action(async (opts: { dir?: string; limit?: string; format: string }) => {
    const store = mailStore(opts);
    const all = await store.list();
    const messages = opts.limit ? all.slice(0, Number(opts.limit)) : all;
    if (opts.format === 'json') return print(messages);
    console.log(`共 ${all.length} 封 (${all.length} messages) · ${store.dir}`);
    for (const m of messages) console.log(`${m.id}\n  ${shanghai(m.date)} · ${m.from} → ${m.to}\n  ${m.subject}`);
  });

mail
  .command('read')
  .description('阅读一封邮件：信头和纯文本部分 (read one message: headers and text part)')
  .argument('<id>', '邮件编号，见 mail list (message ID, from mail list)')
  .addOption(dirOption())
  .option('--html', '显示 HTML 部分而不是纯文本 (show the HTML part instead of the text)')
  .addOption(new Option('--format <format>', '输出格式 (output)').choices(['text', 'json']).default('text'))
  .action(async (id: string, opts: { dir?: string; html?: boolean; format: string }) => {
    const m = await mailStore(opts).read(id.replace(/\.eml$/, ''));
    if (!m) throw new UsageError(`没有编号为“${id}”的邮件 (no message "${id}")`);
    if (opts.format === 'json') return print(m);
    console.log(
      `发件人 (From): ${m.from}\n收件人 (To): ${m.to}\n主题 (Subject): ${m.subject}\n时间 (Date): ${shanghai(m.date)}`,
    );
    for (const a of m.attachments) console.log(`附件 (attachment): ${a.filename} (${a.contentType}, ${a.size} bytes)`);
    console.log('');
    console.log(opts.html ? (m.html ?? '（没有 HTML 部分 no HTML part）') : m.text);
  });

program
  .command('temporal-setup')
  .description(
    "在 Temporal 命名空间中注册工作流检索属性 (register the workflows' search attributes with the namespace)",
  )
  .option(
    '--retention <duration>',
    '同时创建命名空间（如缺），并设定已结束工作流历史的保留期限 (also create the namespace if missing, keeping closed histories this long, e.g. 180d)',
  )
  .action(async (opts: { retention?: string }) => {
    const t = loadConfig('temporal');
    const retentionMs = opts.retention === undefined ? undefined : parseDuration(opts.retention);
    if (retentionMs === null || retentionMs === 0)
      throw new UsageError(
        `--retention 须为时长，如 180d (--retention must be a duration such as 180d): ${opts.retention}`,
      );
    const connection = await Connection.connect(temporalConnectionOptions(t));
    try {
      if (retentionMs !== undefined) {
        const change = await ensureNamespace(connection, t.TEMPORAL_NAMESPACE, retentionMs);
        console.log(`命名空间 (namespace) ${t.TEMPORAL_NAMESPACE}: ${change}, retention ${opts.retention}`);
      }
      const added = await registerSearchAttributes(connection, t.TEMPORAL_NAMESPACE);
      console.log(
        added.length > 0
          ? `已注册检索属性 (registered search attributes) ${added.join(', ')} @ ${t.TEMPORAL_NAMESPACE}`
          : `检索属性均已注册 (search attributes already registered) @ ${t.TEMPORAL_NAMESPACE}`,
      );
    } finally {
      await connection.close();
    }
  });

registerBureauCommands(program);
registerCalendarCommands(program);

const round = (n: number) => Math.round(n * 10000) / 10000;

class UsageError extends Error {}

program.parseAsync(process.argv).catch((error: unknown) => {
  if (
    error instanceof PlanValidationError ||
    error instanceof ConfigError ||
    error instanceof UsageError ||
    error instanceof DelegationError ||
    error instanceof CycleRequestError ||
    error instanceof UserError
  ) {
    console.error(error.message);
  } else {
    console.error('命令失败 (command failed):', error);
  }
  process.exitCode = 1;
});
