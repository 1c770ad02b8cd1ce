import { Column, Entity, ManyToOne, OneToMany, PrimaryGeneratedColumn, Unique } from 'typeorm';

export const DEPARTMENT_KINDS = ['city_bureau', 'county_government', 'county_bureau', 'institution', 'group'] as const;
export type DepartmentKind = (typeof DEPARTMENT_KINDS)[number];

/**
 * A unit of the city's directory, shared by every plan: a city bureau, a
 * county-level government, another unit, or a group (`相关行业主管部门`) that
 * stands for several of them.
 */
@Entity('department')
export class Department {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ unique: true })
  code: string;

  @Column({ unique: true })
  name: string;

  @Column({ name: 'name_en' })
  nameEn: string;

  @Column({ type: 'varchar' })
  kind: DepartmentKind;

  /** Name variants found in plans (`统计局` for `市统计局`). */
  @Column({ type: 'text', array: true, default: '{}' })
  aliases: string[];

  @OneToMany(() => DepartmentContact, (c) => c.department)
  contacts: DepartmentContact[];
}

export const CONTACT_ROLES = ['submitter', 'supervisor'] as const;
export type ContactRole = (typeof CONTACT_ROLES)[number];

/** Who fills in (填报人) and who approves (审核人) for a department. */
@Entity('department_contact')
@Unique(['department', 'role'])
export class DepartmentContact {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => Department, (d) => d.contacts, { onDelete: 'CASCADE', nullable: false })
  department: Department;

  @Column({ type: 'varchar' })
  role: ContactRole;

  @Column()
  name: string;

  @Column()
  email: string;

  @Column({ default: 'zh-CN' })
  locale: string;
}

/** A concrete member of a group; groups without members are resolved per cycle. */
@Entity('department_group_member')
@Unique(['group', 'member'])
export class DepartmentGroupMember {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => Department, { onDelete: 'CASCADE', nullable: false })
  group: Department;

  @ManyToOne(() => Department, { onDelete: 'CASCADE', nullable: false })
  member: Department;
}

/**
 * Someone acting as a department's submitter or supervisor for a period
 * (leave, secondment): they receive its notices and may act in its name.
 */
@Entity('delegation')
export class Delegation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => Department, { onDelete: 'CASCADE', nullable: false })
  department: Department;

  @Column({ type: 'varchar' })
  role: ContactRole;

  @Column({ name: 'delegate_name' })
  delegateName: string;

  @Column({ name: 'delegate_email' })
  delegateEmail: string;

  @Column({ name: 'valid_from', type: 'timestamptz' })
  validFrom: Date;

  @Column({ name: 'valid_until', type: 'timestamptz' })
  validUntil: Date;

  @Column({ name: 'created_by' })
  createdBy: string;
}
