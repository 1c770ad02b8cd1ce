import { Column, CreateDateColumn, Entity, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';

/** A five-year plan whose indicators, tasks and projects are evaluated. */
@Entity('plan')
export class Plan {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ unique: true })
  code: string;

  @Column()
  name: string;

  @Column({ name: 'name_en' })
  nameEn: string;

  /** The period's short name as plans print it (十四五), and in English (14th FYP). */
  @Column({ name: 'period_name', type: 'text', nullable: true })
  periodName: string | null;

  @Column({ name: 'period_name_en', type: 'text', nullable: true })
  periodNameEn: string | null;

  @Column({ name: 'baseline_year', type: 'int' })
  baselineYear: number;

  @Column({ name: 'start_year', type: 'int' })
  startYear: number;

  @Column({ name: 'end_year', type: 'int' })
  endYear: number;

  @Column({ type: 'text', nullable: true })
  source: string | null;

  /** The plan's own printed totals, kept so an export reproduces the file it came from. */
  @Column({ name: 'printed_totals', type: 'jsonb' })
  printedTotals: unknown;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** An indicator category of 专栏1 (人口, 幼有所育, …). */
@Entity('category')
@Unique(['plan', 'no'])
export class Category {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => Plan, { onDelete: 'CASCADE', nullable: false })
  plan: Plan;

  @Column({ type: 'int' })
  no: number;

  @Column()
  name: string;

  @Column({ name: 'name_en' })
  nameEn: string;
}
