import { Column, Entity, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { numericColumn } from './numeric.transformer';
import { Category, Plan } from './plan.entity';
import { Department } from './department.entity';
import type { Baseline, Target } from '../../rules/target';

/** A main indicator of 专栏1, its baseline and target kept as printed and as parsed. */
@Entity('indicator')
@Unique(['plan', 'no'])
export class Indicator {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => Plan, { onDelete: 'CASCADE', nullable: false })
  plan: Plan;

  @Column({ type: 'int' })
  no: number;

  @ManyToOne(() => Category, { nullable: false })
  category: Category;

  @Column()
  name: string;

  @Column()
  unit: string;

  @Column({ name: 'baseline_printed' })
  baselinePrinted: string;

  @Column({ name: 'target_printed' })
  targetPrinted: string;

  /** English twins (libs/plan/translations); null where the text needs none or the plan predates them. */
  @Column({ name: 'name_en', type: 'text', nullable: true })
  nameEn: string | null;

  @Column({ name: 'unit_en', type: 'text', nullable: true })
  unitEn: string | null;

  @Column({ name: 'baseline_en', type: 'text', nullable: true })
  baselineEn: string | null;

  @Column({ name: 'target_en', type: 'text', nullable: true })
  targetEn: string | null;

  @Column({ type: 'jsonb' })
  baseline: Baseline;

  @Column({ type: 'jsonb' })
  target: Target;

  /** 约束性 binding or 预期性 expected. */
  @Column({ type: 'varchar' })
  attribute: 'binding' | 'expected';

  @Column({ type: 'varchar' })
  polarity: 'higher_is_better' | 'lower_is_better' | 'projection';

  /** A 〔〕 figure: counted over the five years. */
  @Column()
  cumulative: boolean;

  @Column({ name: 'departments_printed' })
  departmentsPrinted: string;
}

/** A main target of 附件2. */
@Entity('main_target')
@Unique(['plan', 'no'])
export class MainTarget {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => Plan, { onDelete: 'CASCADE', nullable: false })
  plan: Plan;

  @Column({ type: 'int' })
  no: number;

  @Column()
  text: string;

  @Column({ name: 'text_en', type: 'text', nullable: true })
  textEn: string | null;

  @Column({ name: 'departments_printed' })
  departmentsPrinted: string;

  /** The indicators (专栏1 numbers) that measure this target. */
  @Column({ name: 'indicator_nos', type: 'int', array: true, default: () => "'{}'" })
  indicatorNos: number[];
}

/** A main task of 附件2. */
@Entity('main_task')
@Unique(['plan', 'no'])
export class MainTask {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => Plan, { onDelete: 'CASCADE', nullable: false })
  plan: Plan;

  @Column({ type: 'int' })
  no: number;

  @Column()
  title: string;

  @Column({ type: 'text' })
  details: string;

  @Column({ name: 'title_en', type: 'text', nullable: true })
  titleEn: string | null;

  @Column({ name: 'details_en', type: 'text', nullable: true })
  detailsEn: string | null;

  @Column({ name: 'departments_printed' })
  departmentsPrinted: string;
}

/** A major project: planned (附件3) or reserve (附件4); money in 万元, land in 亩. */
@Entity('major_project')
@Unique(['plan', 'status', 'no'])
export class MajorProject {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => Plan, { onDelete: 'CASCADE', nullable: false })
  plan: Plan;

  @Column({ type: 'varchar' })
  status: 'planned' | 'reserve';

  @Column({ type: 'int' })
  no: number;

  @Column({ name: 'group_name' })
  groupName: string;

  @Column()
  name: string;

  @Column({ name: 'name_en', type: 'text', nullable: true })
  nameEn: string | null;

  @Column({ type: 'text' })
  content: string;

  @Column({ name: 'total_investment', type: 'numeric', precision: 14, scale: 4, transformer: numericColumn })
  totalInvestment: number;

  @Column({
    name: 'plan_period_investment',
    type: 'numeric',
    precision: 14,
    scale: 4,
    nullable: true,
    transformer: numericColumn,
  })
  planPeriodInvestment: number | null;

  @Column({ name: 'land_mu', type: 'numeric', precision: 14, scale: 4, nullable: true, transformer: numericColumn })
  landMu: number | null;

  @Column()
  owner: string;

  @Column({ name: 'responsible_unit_printed' })
  responsibleUnitPrinted: string;
}

/** A basic public service item of 专栏2. */
@Entity('basic_service_item')
@Unique(['plan', 'no'])
export class BasicServiceItem {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => Plan, { onDelete: 'CASCADE', nullable: false })
  plan: Plan;

  @Column({ type: 'int' })
  no: number;

  @Column()
  area: string;

  @Column({ type: 'text' })
  goal: string;

  @Column()
  name: string;

  @Column({ name: 'area_en', type: 'text', nullable: true })
  areaEn: string | null;

  @Column({ name: 'goal_en', type: 'text', nullable: true })
  goalEn: string | null;

  @Column({ name: 'name_en', type: 'text', nullable: true })
  nameEn: string | null;

  /**
   * The department that reports the item's 落实情况. The plan names none: the
   * bureau assigns it in the catalog (a plan file may give a default, which an
   * import sets only where none is assigned, so a re-import never undoes the bureau's choice).
   */
  @ManyToOne(() => Department, { nullable: true })
  department: Department | null;
}

export type ItemKind = 'indicator' | 'target' | 'task' | 'project';

/**
 * Who answers for an item: one lead (牵头单位, position 0) and the co-operating
 * units (配合单位) in printed order. Projects are keyed `planned-3` / `reserve-3`.
 */
@Entity('responsibility')
@Unique(['plan', 'itemKind', 'itemKey', 'position'])
export class Responsibility {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => Plan, { onDelete: 'CASCADE', nullable: false })
  plan: Plan;

  @Column({ name: 'item_kind', type: 'varchar' })
  itemKind: ItemKind;

  @Column({ name: 'item_key' })
  itemKey: string;

  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'varchar' })
  role: 'lead' | 'co';

  @ManyToOne(() => Department, { nullable: false })
  department: Department;
}
