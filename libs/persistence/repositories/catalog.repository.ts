/**
 * The catalog's SQL: plans and their items, the department directory (contacts,
 * groups, delegations), the English twins and the service items' departments.
 * Importing a plan file is its own part (catalog-import.repository.ts).
 */
import { In, type ObjectLiteral } from 'typeorm';
import {
  BasicServiceItem,
  catalogEntities,
  Category,
  Delegation,
  Department,
  DepartmentContact,
  DepartmentGroupMember,
  Indicator,
  MainTarget,
  MainTask,
  MajorProject,
  Plan,
  type ContactRole,
} from '../entities';
import type { PlanFile } from '../../plan/plan-file';
import type { TranslatedKind } from '../../plan/translations';
import type { Database } from './transactions';

/** Everything a plan holds, each list in the plan's order. */
export interface PlanContents {
  categories: Category[];
  indicators: Indicator[];
  targets: MainTarget[];
  tasks: MainTask[];
  projects: MajorProject[];
  basicServiceItems: BasicServiceItem[];
  /** The whole directory, with contacts, by code. */
  departments: Department[];
  members: DepartmentGroupMember[];
}

export interface ContactValues {
  name: string;
  email: string;
  locale: string;
}

/** A department role's contact and the delegate in force, as a notice's recipient is chosen from them. */
export interface RecipientRow {
  department_name: string;
  department_name_en: string;
  contact_name: string | null;
  contact_email: string | null;
  contact_locale: string | null;
  delegate_name: string | null;
  delegate_email: string | null;
}

/** The kinds of item whose English is stored on the item's row (a project group's is with the plan's totals). */
export type EnglishRowKind = Exclude<TranslatedKind, 'projectGroup'>;

/** Per kind: the table, and how the key finds the row. */
type Row = [new () => ObjectLiteral, object];
const byNo = (entity: new () => ObjectLiteral) => (key: string) => [entity, { no: Number(key) }] as Row;
const ENGLISH_ROWS: Record<EnglishRowKind, (key: string) => Row> = {
  indicator: byNo(Indicator),
  target: byNo(MainTarget),
  task: byNo(MainTask),
  project: (key) => [MajorProject, { status: 'planned', no: Number(key) }],
  reserve: (key) => [MajorProject, { status: 'reserve', no: Number(key) }],
  serviceItem: byNo(BasicServiceItem),
};

export class CatalogRepository {
  constructor(private readonly db: Database) {}

  /** The plan with this code, or every plan; by code. */
  plans(code?: string): Promise<Plan[]> {
    return this.db.getRepository(Plan).find({ where: code ? { code } : {}, order: { code: 'ASC' } });
  }

  plan(code: string): Promise<Plan | null> {
    return this.db.getRepository(Plan).findOneBy({ code });
  }

  async planContents(plan: Plan): Promise<PlanContents> {
    const byPlan = { where: { plan: { id: plan.id } }, order: { no: 'ASC' as const } };
    const [categories, indicators, targets, tasks, projects, basicServiceItems, departments, members] =
      await Promise.all([
        this.db.getRepository(Category).find(byPlan),
        this.db.getRepository(Indicator).find({ ...byPlan, relations: { category: true } }),
        this.db.getRepository(MainTarget).find(byPlan),
        this.db.getRepository(MainTask).find(byPlan),
        this.db.getRepository(MajorProject).find({ where: byPlan.where, order: { status: 'ASC', no: 'ASC' } }),
        this.db.getRepository(BasicServiceItem).find({ ...byPlan, relations: { department: true } }),
        this.directory(),
        this.groupMembers(),
      ]);
    return { categories, indicators, targets, tasks, projects, basicServiceItems, departments, members };
  }

  /** Every department and group, with its contacts, by code. */
  directory(): Promise<Department[]> {
    return this.db.getRepository(Department).find({ relations: { contacts: true }, order: { code: 'ASC' } });
  }

  /** One department with its contacts. */
  department(code: string): Promise<Department | null> {
    return this.db.getRepository(Department).findOne({ where: { code }, relations: { contacts: true } });
  }

  departmentsByCode(codes: string[]): Promise<Department[]> {
    return codes.length ? this.db.getRepository(Department).findBy({ code: In(codes) }) : Promise.resolve([]);
  }

  groupMembers(): Promise<DepartmentGroupMember[]> {
    return this.db.getRepository(DepartmentGroupMember).find({ relations: { group: true, member: true } });
  }

  /** The group stands for exactly these departments from now on. */
  async setGroupMembers(group: Department, members: Department[]): Promise<void> {
    const table = this.db.getRepository(DepartmentGroupMember);
    await table.delete({ group: { id: group.id } });
    if (members.length) await table.insert(members.map((member) => ({ group, member })));
  }

  /** Sets a department role's contact; returns the one it replaces, if any. */
  async setContact(department: Department, role: ContactRole, after: ContactValues): Promise<ContactValues | null> {
    const table = this.db.getRepository(DepartmentContact);
    const existing = await table.findOne({ where: { department: { id: department.id }, role } });
    if (existing) await table.update(existing.id, after);
    else await table.insert({ department, role, ...after });
    return existing ? { name: existing.name, email: existing.email, locale: existing.locale } : null;
  }

  /** Whether any department has this address (any case) as a contact. */
  isDirectoryContact(email: string): Promise<boolean> {
    return this.db
      .getRepository(DepartmentContact)
      .createQueryBuilder('c')
      .where('lower(c.email) = :email', { email })
      .getExists();
  }

  addDelegation(values: Omit<Delegation, 'id'>): Promise<Delegation> {
    return this.db.getRepository(Delegation).save(values);
  }

  /** Whether `email` (lower case) is a delegate of the department's `role` at some time in [from, until). */
  delegateDuring(departmentId: string, role: ContactRole, email: string, from: Date, until: Date): Promise<boolean> {
    return this.db
      .getRepository(Delegation)
      .createQueryBuilder('d')
      .where(
        'd."departmentId" = :id AND d.role = :role AND lower(d.delegate_email) = :email AND d.valid_from < :until AND d.valid_until > :from',
        { id: departmentId, role, email, from, until },
      )
      .getExists();
  }

  /** The latest delegation of a department's role in force at `at`. */
  delegationInForce(departmentCode: string, role: ContactRole, at: Date): Promise<Delegation | null> {
    return this.db
      .getRepository(Delegation)
      .createQueryBuilder('d')
      .innerJoin('d.department', 'dept')
      .where('dept.code = :departmentCode AND d.role = :role AND d.valid_from <= :at AND d.valid_until > :at', {
        departmentCode,
        role,
        at,
      })
      .orderBy('d.valid_from', 'DESC')
      .getOne();
  }

  /** Delegations, of one department or all, newest first, each with its department. */
  delegations(departmentCode?: string): Promise<Delegation[]> {
    return this.db.getRepository(Delegation).find({
      where: departmentCode ? { department: { code: departmentCode } } : {},
      relations: { department: true },
      order: { validFrom: 'DESC' },
    });
  }

  /** One query, as every notice asks (200 of them at a large cycle's launch); null for an unknown department. */
  async recipientRow(departmentCode: string, role: ContactRole, at: Date): Promise<RecipientRow | null> {
    const [row]: RecipientRow[] = await this.db.query(
      `SELECT d.name AS department_name, d.name_en AS department_name_en, c.name AS contact_name, c.email AS contact_email, c.locale AS contact_locale, g.delegate_name, g.delegate_email
         FROM department d
         LEFT JOIN department_contact c ON c."departmentId" = d.id AND c.role = $2
         LEFT JOIN LATERAL (
           SELECT delegate_name, delegate_email FROM delegation
            WHERE "departmentId" = d.id AND role = $2 AND valid_from <= $3 AND valid_until > $3
            ORDER BY valid_from DESC LIMIT 1
         ) g ON true
        WHERE d.code = $1`,
      [departmentCode, role, at],
    );
    return row ?? null;
  }

  /** The plan's indicators by number, each with its category. */
  indicators(planCode: string): Promise<Indicator[]> {
    return this.db
      .getRepository(Indicator)
      .find({ where: { plan: { code: planCode } }, relations: { category: true }, order: { no: 'ASC' } });
  }

  /** One indicator with its category. */
  indicator(planCode: string, no: number): Promise<Indicator | null> {
    return this.db
      .getRepository(Indicator)
      .findOne({ where: { plan: { code: planCode }, no }, relations: { category: true } });
  }

  /** The plan's basic public service items by number, each with its department. */
  serviceItems(planId: string): Promise<BasicServiceItem[]> {
    return this.db.getRepository(BasicServiceItem).find({
      where: { plan: { id: planId } },
      relations: { department: true },
      order: { no: 'ASC' },
    });
  }

  /** Null withdraws the assignment. */
  async assignServiceItem(itemId: string, departmentId: string | null): Promise<void> {
    await this.db
      .getRepository(BasicServiceItem)
      .update(itemId, { department: departmentId ? { id: departmentId } : null });
  }

  async setPrintedTotals(planId: string, printedTotals: PlanFile['printedTotals']): Promise<void> {
    await this.db.getRepository(Plan).update(planId, { printedTotals });
  }

  /** Stores the English of one item's text; `column` is the entity's English field (`nameEn`, …). */
  async setEnglish(planId: string, kind: EnglishRowKind, key: string, column: string, text: string): Promise<void> {
    const [entity, where] = ENGLISH_ROWS[kind](key);
    await this.db.getRepository(entity).update({ plan: { id: planId }, ...where }, { [column]: text } as ObjectLiteral);
  }

  /** Rows per catalog table. */
  async tableSizes(): Promise<Array<{ table: string; rows: number }>> {
    const tables = [];
    for (const entity of catalogEntities) {
      const rows = this.db.getRepository(entity);
      tables.push({ table: rows.metadata.tableName, rows: await rows.count() });
    }
    return tables;
  }

  /** Items each department leads, per item kind. */
  leadItemCounts(): Promise<Array<{ department: string; item_kind: string; n: string }>> {
    return this.db.query(
      `SELECT d.name AS department, r.item_kind, count(*) AS n
         FROM responsibility r JOIN department d ON d.id = r."departmentId"
        WHERE r.role = 'lead'
        GROUP BY d.name, r.item_kind`,
    );
  }

  /**
   * The English name of each item of a cycle's plan, by item key; an item
   * whose plan has no English twin for it is left out (its Chinese title stands).
   */
  async englishTitles(cycleId: string, itemKeys: string[]): Promise<Map<string, string>> {
    const rows: Array<{ key: string; title: string }> = await this.db.query(
      `WITH p AS (SELECT p.id FROM plan p JOIN evaluation_cycle c ON c.plan_code = p.code WHERE c.id = $1),
            named AS (
              SELECT 'indicator-' || no AS key, name_en AS title FROM indicator WHERE "planId" = (SELECT id FROM p)
              UNION ALL SELECT 'task-' || no, title_en FROM main_task WHERE "planId" = (SELECT id FROM p)
              UNION ALL SELECT CASE status WHEN 'planned' THEN 'project-' ELSE 'reserve-' END || no, name_en
                          FROM major_project WHERE "planId" = (SELECT id FROM p)
              UNION ALL SELECT 'service-' || no, name_en FROM basic_service_item WHERE "planId" = (SELECT id FROM p)
            )
       SELECT key, title FROM named WHERE key = ANY($2) AND title IS NOT NULL`,
      [cycleId, itemKeys],
    );
    return new Map(rows.map((r) => [r.key, r.title]));
  }
}
