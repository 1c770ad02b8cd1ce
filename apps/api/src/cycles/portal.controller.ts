/**
 * Reads the portal needs beside the item and the cycle: what to show next to
 * an indicator's input (target, base year, last year's approved value, the
 * value expected on the straight path, data-quality warnings on the latest
 * submission), and the bureau's dashboard figures (progress by department and
 * by category, each department's timeliness).
 */
import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import type { Principal } from '@libs/access/principal';
import type { DepartmentOutcome } from '@libs/cycle/activities-contract';
import type { WorkItemKind } from '@libs/cycle/cycle-definition';
import type { WorkItemSpec } from '@libs/cycle/submission';
import {
  CycleReport,
  Department,
  Indicator,
  Plan,
  SubmissionVersion,
  type EvaluationCycle,
} from '@libs/persistence/entities';
import { checkValueQuality } from '@libs/rules/data-quality';
import { expectedValue, targetText } from '@libs/rules/expected';
import { timeliness, type TimelinessSoFar } from '@libs/cycle/timeliness';
import type { CycleClient } from '@libs/temporal/cycle-client';
import { Caller, Requires } from '../auth/auth.decorators';
import { CYCLE_CLIENT } from '../tokens';
import { ItemAccess } from './item-access.service';

const KIND_GROUPS = {
  task: { zh: '主要任务', en: 'Main tasks' },
  project: { zh: '重大项目', en: 'Major projects' },
  reserve: { zh: '储备项目', en: 'Reserve projects' },
  service: { zh: '基本公共服务', en: 'Basic public services' },
};

@ApiTags('items 事项')
@ApiBearerAuth()
@Controller('cycles/:cycleId')
export class PortalController {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    @Inject(CYCLE_CLIENT) private readonly cycles: CycleClient,
    @Inject(ItemAccess) private readonly access: ItemAccess,
  ) {}

  @Get('items/:itemKey/guide')
  @Requires('item:read')
  @ApiOperation({
    summary:
      '填报参考 What to show beside the input: unit, base year, target, last year’s value, expected value, warnings on the latest submission',
  })
  async guide(@Param('cycleId') cycleId: string, @Param('itemKey') itemKey: string, @Caller() p: Principal) {
    const item = await this.access.item(p, 'item:read', cycleId, itemKey);
    const cycle = await this.access.cycle(cycleId);
    const plan = await this.ds.getRepository(Plan).findOneByOrFail({ code: cycle.planCode });
    const spec = item.spec as WorkItemSpec;
    const year = cycle.toYear;
    const latest = await this.ds
      .getRepository(SubmissionVersion)
      .findOne({ where: { cycleId, itemKey }, order: { version: 'DESC' } });
    const department = await this.ds.getRepository(Department).findOneBy({ code: item.department });
    const context = {
      year,
      kind: spec.kind,
      cycle: {
        id: cycle.id,
        kind: cycle.kind,
        fromYear: cycle.fromYear,
        toYear: cycle.toYear,
        deadline: cycle.deadline,
        status: cycle.status,
      },
      department: {
        code: item.department,
        zh: department?.name ?? item.department,
        en: department?.nameEn ?? item.department,
      },
    };
    if (!spec.indicator) return { ...context, indicator: null, latest: latest?.payload ?? null, warnings: [] };
    const printed = await this.ds
      .getRepository(Indicator)
      .findOne({ where: { plan: { code: plan.code }, no: spec.no }, relations: { category: true } });
    const previous = await this.previousValue(cycle, plan, spec);
    const value = (latest?.payload as { value?: unknown } | undefined)?.value;
    const warnings =
      typeof value === 'number'
        ? checkValueQuality({ no: spec.no, unit: spec.indicator.unit }, value, previous?.value ?? null).map((w) => ({
            ...w.message,
            rule: w.rule,
            blocking: w.blocking,
          }))
        : [];
    return {
      ...context,
      indicator: {
        unit: spec.indicator.unit,
        category: printed ? { zh: printed.category.name, en: printed.category.nameEn } : null,
        binding: printed?.attribute === 'binding',
        baseline: {
          year: plan.baselineYear,
          printed: printed?.baselinePrinted ?? null,
          value: spec.indicator.baseline.kind === 'value' ? spec.indicator.baseline.value : null,
        },
        target: {
          year: plan.endYear,
          printed: printed?.targetPrinted ?? null,
          text: targetText(spec.indicator.target),
          kind: spec.indicator.target.kind,
        },
        expected: expectedValue(spec.indicator, year, plan),
        previous,
      },
      latest: latest?.payload ?? null,
      warnings,
    };
  }

  @Get('overview')
  @Requires('cycle:read')
  @ApiOperation({
    summary: '进度总览 The dashboard: items by department and by category and state, each department’s timeliness',
  })
  async overview(@Param('cycleId') cycleId: string) {
    const cycle = await this.access.cycle(cycleId);
    const rows: Array<{ department: string; kind: WorkItemKind; no: number; status: string; first: Date | null }> =
      await this.ds.query(
        `SELECT w.department, w.item_kind AS kind, w.item_no AS no, w.status,
              (SELECT min(s.submitted_at) FROM submission_version s WHERE s.cycle_id = w.cycle_id AND s.item_key = w.item_key) AS first
         FROM work_item w WHERE w.cycle_id = $1 ORDER BY w.department, w.item_kind, w.item_no`,
        [cycleId],
      );
    const names = new Map(
      (await this.ds.getRepository(Department).find()).map((d) => [d.code, { zh: d.name, en: d.nameEn }]),
    );
    const indicators = await this.ds
      .getRepository(Indicator)
      .find({ where: { plan: { code: cycle.planCode } }, relations: { category: true } });
    const categoryOf = new Map(
      indicators.map((i) => [i.no, { key: `indicator/${i.category.no}`, zh: i.category.name, en: i.category.nameEn }]),
    );
    const deadlines = await this.departmentDeadlines(cycle);
    const recorded = await this.recordedTimeliness(cycle);
    const now = Date.now();

    const departments = new Map<
      string,
      {
        department: string;
        name: { zh: string; en: string };
        total: number;
        submitted: number;
        counts: Record<string, number>;
        deadline: string;
        timeliness: TimelinessSoFar;
      }
    >();
    const firstSubmissions = new Map<string, Array<number | null>>();
    const categories = new Map<
      string,
      { key: string; name: { zh: string; en: string }; total: number; counts: Record<string, number> }
    >();
    for (const r of rows) {
      const d = departments.get(r.department) ?? {
        department: r.department,
        name: names.get(r.department) ?? { zh: r.department, en: r.department },
        total: 0,
        submitted: 0,
        counts: {},
        deadline: new Date(deadlines.get(r.department) ?? cycle.deadline.getTime()).toISOString(),
        timeliness: 'pending',
      };
      d.total += 1;
      d.counts[r.status] = (d.counts[r.status] ?? 0) + 1;
      if (r.first) d.submitted += 1;
      firstSubmissions.set(r.department, [
        ...(firstSubmissions.get(r.department) ?? []),
        r.first ? new Date(r.first).getTime() : null,
      ]);
      departments.set(r.department, d);
      const c =
        r.kind === 'indicator'
          ? (categoryOf.get(r.no) ?? { key: 'indicator', zh: '主要指标', en: 'Indicators' })
          : { key: r.kind, ...KIND_GROUPS[r.kind] };
      const group = categories.get(c.key) ?? { key: c.key, name: { zh: c.zh, en: c.en }, total: 0, counts: {} };
      group.total += 1;
      group.counts[r.status] = (group.counts[r.status] ?? 0) + 1;
      categories.set(c.key, group);
    }
    for (const d of departments.values()) {
      // A closed cycle's timeliness is the one its report recorded; a running one's is judged as it stands.
      d.timeliness =
        recorded.get(d.department) ?? timeliness(firstSubmissions.get(d.department)!, Date.parse(d.deadline), now);
    }
    // Indicator categories in the plan's order (专栏1), then tasks, then projects.
    const order = (key: string) =>
      key.startsWith('indicator/') ? Number(key.split('/')[1]) : key === 'task' ? 1000 : 1001;
    return {
      cycleId,
      status: cycle.status,
      deadline: cycle.deadline,
      departments: [...departments.values()],
      categories: [...categories.values()].sort((a, b) => order(a.key) - order(b.key)),
    };
  }

  /** Last year's approved value: the base year's printed figure, or the previous annual cycle's approved version. */
  private async previousValue(
    cycle: EvaluationCycle,
    plan: Plan,
    spec: WorkItemSpec,
  ): Promise<{ year: number; value: number; source: 'baseline' | 'cycle' } | null> {
    const year = cycle.toYear - 1;
    if (year === plan.baselineYear)
      return spec.indicator?.baseline.kind === 'value'
        ? { year, value: spec.indicator.baseline.value, source: 'baseline' }
        : null;
    const [row] = await this.ds.query(
      `SELECT s.payload->'value' AS value FROM submission_version s JOIN evaluation_cycle c ON c.id = s.cycle_id
        WHERE c.plan_code = $1 AND c.to_year = $2 AND s.item_key = $3 AND s.approved_at IS NOT NULL
        ORDER BY s.approved_at DESC LIMIT 1`,
      [plan.code, year, spec.key],
    );
    return typeof row?.value === 'number' ? { year, value: row.value, source: 'cycle' } : null;
  }

  /** Deadlines in force per department (a department's own extension included) while its workflow runs. */
  private async departmentDeadlines(cycle: EvaluationCycle): Promise<Map<string, number>> {
    if (cycle.status !== 'running') return new Map();
    const live = await this.cycles.liveStatus(cycle.id).catch(() => null);
    // A department still starting has no deadline of its own yet: the cycle's applies.
    return new Map(
      (live?.departments ?? []).flatMap((d) => (d.phase === 'running' ? [[d.department, d.deadline] as const] : [])),
    );
  }

  private async recordedTimeliness(cycle: EvaluationCycle): Promise<Map<string, TimelinessSoFar>> {
    if (cycle.status === 'running') return new Map();
    const report = await this.ds
      .getRepository(CycleReport)
      .findOne({ where: { cycleId: cycle.id }, order: { version: 'DESC' } });
    return new Map(
      ((report?.timeliness as DepartmentOutcome[] | undefined) ?? []).map((o) => [o.department, o.timeliness]),
    );
  }
}
