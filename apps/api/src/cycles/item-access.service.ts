export interface SubmissionRules {
  years: PlanYears;
  thresholds: Thresholds;
}

/** Finds the item a request is about and checks the caller may act on it: 404 first, then 403. */
import { Inject, Injectable } from '@nestjs/common';
import { authorize, type Permission } from '@libs/access/permissions';
import type { Principal } from '@libs/access/principal';
import { cycleThresholds, type CycleDefinition } from '@libs/cycle/cycle-definition';
import type { PlanYears } from '@libs/cycle/submission';
import type { EvaluationCycle, Plan, WorkItem } from '@libs/persistence/entities';
import { CatalogRepository } from '@libs/persistence/repositories/catalog.repository';
import { CycleItemRepository } from '@libs/persistence/repositories/cycle-item.repository';
import { CycleRepository } from '@libs/persistence/repositories/cycle.repository';
import type { Thresholds } from '@libs/rules/thresholds';
import { forbidden, notFound } from '../common/problem.filter';
import { LaunchedItems, type LaunchedItem } from './launched-items';

@Injectable()
export class ItemAccess {
  /** A cycle's plan years and thresholds never change once launched: read once per cycle, not on every submission. */
  private readonly rules = new Map<string, Promise<SubmissionRules>>();
  private readonly launched = new LaunchedItems((cycleId, itemKey) => this.items.itemsBesides(cycleId, itemKey));

  constructor(
    @Inject(CycleRepository) private readonly cycles: CycleRepository,
    @Inject(CycleItemRepository) private readonly items: CycleItemRepository,
    @Inject(CatalogRepository) private readonly catalog: CatalogRepository,
  ) {}

  submissionRules(cycleId: string): Promise<SubmissionRules> {
    let rules = this.rules.get(cycleId);
    if (!rules) {
      rules = this.readSubmissionRules(cycleId);
      this.rules.set(cycleId, rules);
      rules.catch(() => this.rules.delete(cycleId));
    }
    return rules;
  }

  private async readSubmissionRules(cycleId: string): Promise<SubmissionRules> {
    const cycle = await this.cycle(cycleId);
    const plan = await this.plan(cycle.planCode);
    return {
      years: { baselineYear: plan.baselineYear, endYear: plan.endYear, year: cycle.toYear },
      thresholds: cycleThresholds(cycle.definition as CycleDefinition),
    };
  }

  /** A cycle's plan, which a launched cycle always has. */
  async plan(code: string): Promise<Plan> {
    const plan = await this.catalog.plan(code);
    if (!plan) throw new Error(`no plan ${code}`);
    return plan;
  }

  async cycle(cycleId: string): Promise<EvaluationCycle> {
    const cycle = await this.cycles.find(cycleId);
    // The ID is the address's, not a name anyone reads: the answer says what is missing in words.
    if (!cycle)
      throw notFound(
        '没有找到这一评估轮次，请从评估轮次列表进入',
        'no such evaluation cycle; open it from the list of cycles',
      );
    return cycle;
  }

  /** The item as it stands now (its status, version and attention read afresh). */
  async item(principal: Principal, permission: Permission, cycleId: string, itemKey: string): Promise<WorkItem> {
    return authorized(principal, permission, await this.items.item(cycleId, itemKey));
  }

  /**
   * The item's fields fixed at launch, for a department's command: kept after the first read
   * (./launched-items.ts), the caller's right checked each time. Its status is the workflow's to answer.
   */
  async launchedItem(
    principal: Principal,
    permission: Permission,
    cycleId: string,
    itemKey: string,
  ): Promise<LaunchedItem> {
    return authorized(principal, permission, await this.launched.item(cycleId, itemKey));
  }

  /** A department-level check (lists, bulk actions) for a department code. */
  department(principal: Principal, permission: Permission, department: string): void {
    const refusal = authorize(principal, permission, { department });
    if (refusal) throw forbidden(refusal);
  }
}

/** 404 first (no such item in the cycle), then 403 (not the caller's to act on). */
function authorized<T extends LaunchedItem>(principal: Principal, permission: Permission, item: T | null): T {
  if (!item)
    throw notFound(
      '本轮评估中没有这一事项，请从事项列表进入',
      'this cycle has no such item; open it from the list of items',
    );
  const refusal = authorize(principal, permission, {
    department: item.department,
    cycleId: item.cycleId,
    itemKey: item.itemKey,
    coDepartments: item.coDepartments,
  });
  if (refusal) throw forbidden(refusal);
  return item;
}
