/**
 * The bureau's dashboard figures, from the records and the clock alone: items
 * by department and by category and state, each department's timeliness and
 * what is overdue. Nothing here asks a workflow, so the figures hold right
 * after a launch (departments still starting) and long after a department's
 * workflow last woke (a query answers as of that moment, not now).
 */
import { Inject, Injectable } from '@nestjs/common';
import type { WorkItemKind } from '@libs/cycle/cycle-definition';
import { OWED_BY_SUBMITTER, type ItemStatus } from '@libs/cycle/department-state';
import { isOverdue, timeliness, type TimelinessSoFar } from '@libs/cycle/timeliness';
import type { EvaluationCycle } from '@libs/persistence/entities';
import { CatalogRepository } from '@libs/persistence/repositories/catalog.repository';
import { CycleItemRepository } from '@libs/persistence/repositories/cycle-item.repository';
import { CycleRepository } from '@libs/persistence/repositories/cycle.repository';
import type { Localized } from '@libs/plan/localized';
import { CLOCK, type Clock } from '../tokens';

/** The groups the dashboard counts items in, beside the indicators' categories. */
export const KIND_GROUPS: Record<WorkItemKind, Localized> = {
  indicator: { zh: '主要指标', en: 'Indicators' },
  task: { zh: '主要任务', en: 'Main tasks' },
  project: { zh: '重大项目', en: 'Major projects' },
  reserve: { zh: '储备项目', en: 'Reserve projects' },
  service: { zh: '基本公共服务', en: 'Basic public services' },
};

export interface DepartmentProgress {
  department: string;
  name: Localized;
  total: number;
  submitted: number;
  overdue: number;
  counts: Record<string, number>;
  /** The deadline in force for the department: its own extension, or the cycle's. */
  deadline: string;
  timeliness: TimelinessSoFar;
}

export interface CategoryProgress {
  key: string;
  name: Localized;
  total: number;
  counts: Record<string, number>;
}

/** An item its submitter still owes past the deadline in force (never submitted, a draft, or returned). */
export interface OverdueItem {
  department: string;
  departmentName: Localized;
  itemKey: string;
  kind: WorkItemKind;
  no: number;
  title: string;
  status: ItemStatus;
  deadline: string;
}

export interface CycleOverview {
  cycleId: string;
  status: EvaluationCycle['status'];
  deadline: Date;
  /** The moment the figures were judged at; a closed cycle's are final. */
  asOf: string;
  departments: DepartmentProgress[];
  categories: CategoryProgress[];
  overdue: OverdueItem[];
}

@Injectable()
export class CycleDashboard {
  constructor(
    @Inject(CycleRepository) private readonly cycles: CycleRepository,
    @Inject(CycleItemRepository) private readonly items: CycleItemRepository,
    @Inject(CatalogRepository) private readonly catalog: CatalogRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async overview(cycle: EvaluationCycle): Promise<CycleOverview> {
    const rows = await this.items.progress(cycle.id);
    const names = new Map(
      (await this.catalog.departmentsByCode([...new Set(rows.map((r) => r.department))])).map((d) => [
        d.code,
        { zh: d.name, en: d.nameEn },
      ]),
    );
    const nameOf = (code: string) => names.get(code) ?? { zh: code, en: code };
    const categoryOf = await this.indicatorCategories(cycle.planCode);
    const recorded = new Map((await this.cycles.recordedTimeliness(cycle.id)).map((o) => [o.department, o.timeliness]));
    const now = await this.clock.now();
    // A running collection is judged now; a closed one as closed; a cancelled one as it stood when cancelled.
    const asOf =
      cycle.status === 'running' ? now : cycle.status === 'closed' ? 'closed' : (cycle.closedAt?.getTime() ?? now);
    const deadlineOf = (department: string) =>
      Date.parse(cycle.departmentDeadlines?.[department] ?? cycle.deadline.toISOString());

    const departments = new Map<string, DepartmentProgress>();
    const firstSubmissions = new Map<string, Array<number | null>>();
    const categories = new Map<string, CategoryProgress>();
    const overdue: OverdueItem[] = [];
    for (const r of rows) {
      const deadline = deadlineOf(r.department);
      const d = departments.get(r.department) ?? {
        department: r.department,
        name: nameOf(r.department),
        total: 0,
        submitted: 0,
        overdue: 0,
        counts: {},
        deadline: new Date(deadline).toISOString(),
        timeliness: 'pending',
      };
      departments.set(r.department, d);
      d.total += 1;
      d.counts[r.status] = (d.counts[r.status] ?? 0) + 1;
      if (r.firstSubmittedAt) d.submitted += 1;
      firstSubmissions.set(r.department, [
        ...(firstSubmissions.get(r.department) ?? []),
        r.firstSubmittedAt ? new Date(r.firstSubmittedAt).getTime() : null,
      ]);
      if (isOverdue(OWED_BY_SUBMITTER.has(r.status), deadline, asOf)) {
        d.overdue += 1;
        overdue.push({
          department: r.department,
          departmentName: d.name,
          itemKey: r.itemKey,
          kind: r.kind,
          no: r.no,
          title: r.title,
          status: r.status,
          deadline: d.deadline,
        });
      }
      const c =
        r.kind === 'indicator'
          ? (categoryOf.get(r.no) ?? { key: 'indicator', ...KIND_GROUPS.indicator })
          : { key: r.kind, ...KIND_GROUPS[r.kind] };
      const group = categories.get(c.key) ?? { key: c.key, name: { zh: c.zh, en: c.en }, total: 0, counts: {} };
      group.total += 1;
      group.counts[r.status] = (group.counts[r.status] ?? 0) + 1;
      categories.set(c.key, group);
    }
    for (const d of departments.values()) {
      // Once the first collection has closed its report records each department's timeliness, which a
      // reopen keeps; until then it is judged as the collection stands.
      d.timeliness =
        recorded.get(d.department) ?? timeliness(firstSubmissions.get(d.department)!, Date.parse(d.deadline), asOf);
    }
    // Indicator categories in the plan's order (专栏1), then tasks, then projects.
    const order = (key: string) =>
      key.startsWith('indicator/') ? Number(key.split('/')[1]) : key === 'task' ? 1000 : 1001;
    return {
      cycleId: cycle.id,
      status: cycle.status,
      deadline: cycle.deadline,
      asOf: new Date(asOf === 'closed' ? (cycle.closedAt?.getTime() ?? now) : asOf).toISOString(),
      departments: [...departments.values()],
      categories: [...categories.values()].sort((a, b) => order(a.key) - order(b.key)),
      overdue,
    };
  }

  private async indicatorCategories(planCode: string): Promise<Map<number, { key: string } & Localized>> {
    const indicators = await this.catalog.indicators(planCode);
    return new Map(
      indicators.map((i) => [i.no, { key: `indicator/${i.category.no}`, zh: i.category.name, en: i.category.nameEn }]),
    );
  }
}
