/**
 * Target adjustments through the API: what a proposal or a revision must be
 * before anything is written or sent (the item in the plan, the cycle it comes
 * from and its report, the adjusted target in a form the plan's rules read,
 * the year it applies from), and who may decide. The approval itself is the
 * workflow's (libs/temporal/adjustment-client.ts).
 */
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { authorize } from '@libs/access/permissions';
import type { Principal } from '@libs/access/principal';
import { readPlan } from '@libs/catalog/catalog-read';
import type { AdjustmentActor, AdjustmentRevision } from '@libs/cycle/adjustment-approval';
import { itemKey } from '@libs/cycle/cycle-definition';
import type { ValidatedPlan } from '@libs/plan/plan-validation';
import type { TargetAdjustment } from '@libs/persistence/entities';
import { CatalogRepository } from '@libs/persistence/repositories/catalog.repository';
import { CycleItemRepository } from '@libs/persistence/repositories/cycle-item.repository';
import { CycleRepository } from '@libs/persistence/repositories/cycle.repository';
import { TargetAdjustmentRepository } from '@libs/persistence/repositories/target-adjustment.repository';
import { effectiveYearProblem, parseAdjustedTarget, type AdjustedItemKind } from '@libs/rules/target-in-force';
import { AdjustmentClient } from '@libs/temporal/adjustment-client';
import { CycleClient } from '@libs/temporal/cycle-client';
import { ApiProblem, forbidden, notFound } from '../common/problem.filter';
import { CYCLE_CLIENT, TEMPORAL_CLIENT } from '../tokens';
import type { Client } from '@temporalio/client';

export interface ProposalRequest extends AdjustmentRevision {
  cycleId: string;
  itemKind: AdjustedItemKind;
  itemNo: number;
}

const refused = (field: string, zh: string, en: string) =>
  new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, 'adjustment_refused', [{ field, zh, en }]);
const conflict = (zh: string, en: string) => new ApiProblem(HttpStatus.CONFLICT, 'adjustment_refused', [{ zh, en }]);

/** The plan's item an adjustment is about, with its target as printed and the department that leads it. */
interface AdjustedItem {
  name: string;
  original: string;
  parse: (text: string) => ReturnType<typeof parseAdjustedTarget>;
  /** The plan's lead unit, when it is one department (a group is resolved per cycle). */
  leadName: string | null;
}

function planItem(plan: ValidatedPlan, kind: AdjustedItemKind, no: number): AdjustedItem | null {
  if (kind === 'indicator') {
    const i = plan.indicators.find((x) => x.no === no);
    return i
      ? {
          name: i.name,
          original: i.target,
          parse: (text) => parseAdjustedTarget({ kind: 'indicator', target: i.parsedTarget }, text),
          leadName: i.responsibility.lead.kind === 'department' ? i.responsibility.lead.name : null,
        }
      : null;
  }
  const p = plan.projects.find((x) => x.no === no && x.status === 'planned');
  return p && p.planPeriodInvestment !== null
    ? {
        name: p.name,
        original: String(p.planPeriodInvestment),
        parse: (text) => parseAdjustedTarget({ kind: 'project' }, text),
        leadName: p.responsibility.lead.kind === 'department' ? p.responsibility.lead.name : null,
      }
    : null;
}

/** The person as the approval's workflow knows them. */
export function adjustmentActor(p: Principal): AdjustmentActor {
  const role = p.role === 'admin' ? 'bureau' : p.role === 'approver' ? 'approver' : 'supervisor';
  return { id: p.email, name: p.name, role, department: role === 'supervisor' ? p.department : null };
}

@Injectable()
export class AdjustmentsService {
  readonly client: AdjustmentClient;
  private readonly catalog: CatalogRepository;
  private readonly cycles: CycleRepository;
  private readonly items: CycleItemRepository;
  readonly adjustments: TargetAdjustmentRepository;

  constructor(
    @Inject(DataSource) ds: DataSource,
    @Inject(TEMPORAL_CLIENT) temporal: Client,
    @Inject(CYCLE_CLIENT) cycleClient: CycleClient,
  ) {
    // On the cycles' task queue: the same worker runs the approvals.
    this.client = new AdjustmentClient(temporal, cycleClient.taskQueue, ds);
    this.catalog = new CatalogRepository(ds);
    this.cycles = new CycleRepository(ds);
    this.items = new CycleItemRepository(ds);
    this.adjustments = new TargetAdjustmentRepository(ds);
  }

  plan(code: string): Promise<ValidatedPlan> {
    return readPlan(this.catalog, code);
  }

  itemName(plan: ValidatedPlan, row: Pick<TargetAdjustment, 'itemKind' | 'itemNo'>): string {
    return planItem(plan, row.itemKind, row.itemNo)?.name ?? String(row.itemNo);
  }

  async row(planCode: string, id: number) {
    const row = id >= 1 && id <= 2 ** 31 - 1 ? await this.adjustments.find(planCode, id) : null;
    if (!row) throw notFound(`该规划没有第${id}号调整建议`, `the plan has no adjustment ${id}`);
    return row;
  }

  async propose(plan: ValidatedPlan, r: ProposalRequest, by: Principal): Promise<TargetAdjustment> {
    const code = plan.file.plan.code;
    const cycle = await this.cycles.find(r.cycleId);
    if (!cycle || cycle.planCode !== code)
      throw refused('cycleId', '该规划没有这一评估轮次', 'this plan has no such evaluation cycle');
    if (cycle.kind === 'final')
      throw refused(
        'cycleId',
        '规划调整应根据年度监测或中期评估提出，总结评估时规划期已结束',
        'an adjustment is proposed from an annual monitoring or a mid-term evaluation; at the final evaluation the plan is over',
      );
    const reports = await this.cycles.reports(r.cycleId);
    if (reports.length === 0)
      throw conflict(
        '该评估轮次尚未形成评估报告，请在报告生成后再提出调整',
        'this cycle has no report yet: propose an adjustment from its report',
      );
    const item = planItem(plan, r.itemKind, r.itemNo);
    if (!item)
      throw refused(
        'itemNo',
        `规划中没有序号为${r.itemNo}的${r.itemKind === 'indicator' ? '指标' : '重大项目'}`,
        `the plan has no ${r.itemKind === 'indicator' ? 'indicator' : 'major project'} ${r.itemNo}`,
      );
    this.checkRevision(plan, item, r, cycle);
    const open = (await this.adjustments.list(code)).find(
      (a) => a.itemKind === r.itemKind && a.itemNo === r.itemNo && a.state !== 'approved',
    );
    if (open)
      throw conflict(
        `该事项已有待审批的调整建议（第${open.id}号），请在其中修改`,
        `this item already has an adjustment under way (no. ${open.id}); revise that one`,
      );
    const leadDepartment = await this.leadDepartment(plan, r, item);
    return this.client.propose({
      planCode: code,
      itemKind: r.itemKind,
      itemNo: r.itemNo,
      leadDepartment,
      originalTarget: item.original,
      adjustedTarget: r.adjustedTarget.trim(),
      effectiveYear: r.effectiveYear,
      reason: r.reason.trim(),
      cycleId: r.cycleId,
      reportVersion: Math.max(...reports.map((x) => x.version)),
      proposedBy: by.email,
      proposedByName: by.name,
    });
  }

  /** A revision is held to what a proposal is: a target the rules read, a year after the proposing cycle's. */
  async checkedRevision(
    plan: ValidatedPlan,
    row: TargetAdjustment,
    r: AdjustmentRevision,
  ): Promise<AdjustmentRevision> {
    const item = planItem(plan, row.itemKind, row.itemNo);
    const cycle = await this.cycles.get(row.cycleId);
    if (item) this.checkRevision(plan, item, r, cycle);
    return { adjustedTarget: r.adjustedTarget.trim(), effectiveYear: r.effectiveYear, reason: r.reason.trim() };
  }

  /**
   * Who may decide: a supervisor (of the lead department, once `row` is known)
   * or the approver; which of them it is now is the workflow's to say.
   */
  checkDecider(p: Principal, row?: Pick<TargetAdjustment, 'leadDepartment'>): void {
    const refusal =
      p.role === 'approver'
        ? authorize(p, 'adjustment:approve')
        : p.role === 'supervisor'
          ? authorize(p, 'item:review', row && { department: row.leadDepartment })
          : {
              zh: '只有牵头部门审核人和审批人可以审批规划调整',
              en: 'only the lead department’s supervisor and the approver decide on an adjustment',
            };
    if (refusal) throw forbidden(refusal);
  }

  private checkRevision(
    plan: ValidatedPlan,
    item: AdjustedItem,
    r: AdjustmentRevision,
    cycle: { toYear: number },
  ): void {
    const parsed = item.parse(r.adjustedTarget);
    if (!parsed.ok) throw refused('adjustedTarget', parsed.reason.zh, parsed.reason.en);
    if (r.adjustedTarget.trim() === item.original.trim())
      throw refused('adjustedTarget', '调整后目标与原目标相同', 'the adjusted target is the same as the original');
    const year = effectiveYearProblem(r.effectiveYear, cycle, plan.file.plan);
    if (year) throw refused('effectiveYear', year.zh, year.en);
    if (!r.reason.trim()) throw refused('reason', '请说明调整理由', 'give the reason for the adjustment');
  }

  /** The department the item was assigned to in the proposing cycle, else the plan's lead department. */
  private async leadDepartment(plan: ValidatedPlan, r: ProposalRequest, item: AdjustedItem): Promise<string> {
    const [assigned] = await this.items.items(r.cycleId, [itemKey(r.itemKind, r.itemNo)]);
    if (assigned) return assigned.department;
    const code = plan.file.departments.find((d) => d.name === item.leadName)?.code;
    if (!code)
      throw refused(
        'itemNo',
        '该事项的牵头单位不是单一部门，且未在该评估轮次中分派，无法确定审核部门',
        'the item is led by a group and was not assigned in that cycle: no department to review the adjustment',
      );
    return code;
  }
}
