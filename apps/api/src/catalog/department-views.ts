/**
 * The department directory as the API answers it (units, their contacts, group
 * members, delegations), described for the OpenAPI document so that the
 * portal's directory is typed from it.
 */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CONTACT_ROLES, DEPARTMENT_KINDS, type ContactRole, type DepartmentKind } from '@libs/persistence/entities';
import { LOCALES, type Locale } from '@libs/plan/localized';
import { PageOf } from '../common/page-view';

export class ContactView {
  @ApiProperty({ example: '张三' })
  name: string;

  @ApiProperty({ example: 'zhangsan@heyuan.gov.example' })
  email: string;

  @ApiProperty({ enum: LOCALES, description: 'the language its notices are written in' })
  locale: Locale;
}

export class DepartmentView {
  @ApiProperty({ example: 'city-education' })
  code: string;

  @ApiProperty({ example: '市教育局' })
  name: string;

  @ApiProperty({ example: 'Municipal Education Bureau' })
  nameEn: string;

  @ApiProperty({ enum: DEPARTMENT_KINDS })
  kind: DepartmentKind;

  @ApiProperty({ type: [String], description: 'other names the plan uses for it', example: ['教育局'] })
  aliases: string[];

  @ApiProperty({ type: ContactView, nullable: true, description: '填报人; null: none yet' })
  submitter: ContactView | null;

  @ApiProperty({ type: ContactView, nullable: true, description: '审核人; null: none yet' })
  supervisor: ContactView | null;

  @ApiPropertyOptional({
    type: [String],
    description: 'a group’s members (department codes), empty while it is resolved at each launch; absent for a unit',
  })
  members?: string[];
}

export class DepartmentPage extends PageOf(DepartmentView) {}

/** A contact as set: the department and role it holds, with the contact as stored. */
export class ContactChangeView extends ContactView {
  @ApiProperty({ example: 'city-education' })
  department: string;

  @ApiProperty({ enum: CONTACT_ROLES })
  role: ContactRole;
}

export class DelegationView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'city-education', description: 'the department’s code' })
  department: string;

  @ApiProperty({ enum: CONTACT_ROLES })
  role: ContactRole;

  @ApiProperty({ example: '李四' })
  delegateName: string;

  @ApiProperty({ example: 'lisi@heyuan.gov.example' })
  delegateEmail: string;

  @ApiProperty({ type: String, format: 'date-time' })
  validFrom: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  validUntil: Date;
}

export class DelegationRowView extends DelegationView {
  @ApiProperty({ description: 'who made it (email)' })
  createdBy: string;
}

export class DelegationPage extends PageOf(DelegationRowView) {}
