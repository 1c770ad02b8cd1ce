/**
 * What is read beside an item to judge it and to show it in context: the
 * submissions waiting for review, the same items' approved values of earlier
 * annual cycles, the plan's own text for a task or project, and each
 * co-operating department's latest contribution.
 */
import { In, type DataSource, type EntityManager } from 'typeorm';
import { Department, Indicator, MainTask, MajorProject, SubmissionVersion, WorkItem } from '../entities';

export interface WaitingSubmission {
  item: WorkItem;
  /** The version waiting: the item's latest. */
  latest: SubmissionVersion;
}

export interface EarlierApproval {
  itemKey: string;
  year: number;
  payload: Record<string, unknown>;
}

export interface Contribution {
  department: string;
  text: string;
  at: Date;
}

export class ItemContextRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /** The cycle's items waiting for review (of one department, or every one), each with the version waiting. */
  async waitingForReview(cycleId: string, department?: string): Promise<WaitingSubmission[]> {
    const items = await this.db.getRepository(WorkItem).find({
      where: { cycleId, status: 'submitted', ...(department ? { department } : {}) },
      order: { department: 'ASC', itemKind: 'ASC', itemNo: 'ASC' },
    });
    if (items.length === 0) return [];
    const versions: SubmissionVersion[] = await this.db.query(
      `SELECT DISTINCT ON (item_key) item_key AS "itemKey", version, payload, submitted_by AS "submittedBy", submitted_at AS "submittedAt"
         FROM submission_version WHERE cycle_id = $1 AND item_key = ANY($2) ORDER BY item_key, version DESC`,
      [cycleId, items.map((i) => i.itemKey)],
    );
    const latest = new Map(versions.map((v) => [v.itemKey, v]));
    return items.filter((i) => latest.has(i.itemKey)).map((item) => ({ item, latest: latest.get(item.itemKey)! }));
  }

  /** The items' latest approved payload in each of the plan's annual cycles before `year`. */
  earlierApprovals(planCode: string, year: number, itemKeys: string[]): Promise<EarlierApproval[]> {
    if (itemKeys.length === 0) return Promise.resolve([]);
    return this.db.query(
      `SELECT DISTINCT ON (c.to_year, s.item_key) s.item_key AS "itemKey", c.to_year AS year, s.payload
         FROM submission_version s JOIN evaluation_cycle c ON c.id = s.cycle_id
        WHERE c.plan_code = $1 AND c.kind = 'annual' AND c.to_year < $2 AND s.item_key = ANY($3) AND s.approved_at IS NOT NULL
        ORDER BY c.to_year, s.item_key, s.version DESC`,
      [planCode, year, itemKeys],
    );
  }

  /** The plan's indicators by number, with their category. */
  indicators(planCode: string, nos: number[]): Promise<Indicator[]> {
    if (nos.length === 0) return Promise.resolve([]);
    return this.db
      .getRepository(Indicator)
      .find({ where: { plan: { code: planCode }, no: In(nos) }, relations: { category: true } });
  }

  /** The plan's projects (附件3, planned) by number: content and investment as printed. */
  projects(planCode: string, nos: number[]): Promise<MajorProject[]> {
    if (nos.length === 0) return Promise.resolve([]);
    return this.db.getRepository(MajorProject).findBy({ plan: { code: planCode }, status: 'planned', no: In(nos) });
  }

  task(planCode: string, no: number): Promise<MainTask | null> {
    return this.db.getRepository(MainTask).findOneBy({ plan: { code: planCode }, no });
  }

  /** Each department's latest contribution to the item. */
  contributions(cycleId: string, itemKey: string): Promise<Contribution[]> {
    return this.db.query(
      `SELECT DISTINCT ON (actor->>'department') actor->>'department' AS department, detail->>'text' AS text, at
         FROM item_event WHERE cycle_id = $1 AND item_key = $2 AND type = 'contribute'
        ORDER BY actor->>'department', at DESC`,
      [cycleId, itemKey],
    );
  }

  departments(codes: string[]): Promise<Department[]> {
    if (codes.length === 0) return Promise.resolve([]);
    return this.db.getRepository(Department).findBy({ code: In(codes) });
  }
}
