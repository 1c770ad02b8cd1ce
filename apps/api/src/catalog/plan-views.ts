/**
 * The plan's catalog as the API answers it (plans, indicators, targets, tasks,
 * projects, service items, translations), described for the OpenAPI document
 * so that the portal's catalog pages are typed from it.
 */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ServiceItemView as ServiceItem } from '@libs/catalog/service-assignments';
import type { PlanExport, ResponsibleNames } from '@libs/catalog/plan-export';
import type { Plan } from '@libs/persistence/entities';
import type { ImportReport } from '@libs/persistence/repositories/catalog-import.repository';
import { INDICATOR_ATTRIBUTES, PROJECT_STATUSES } from '@libs/plan/plan-file';
import {
  TRANSLATED_FIELDS,
  TRANSLATED_KIND_NAMES,
  type TranslatedField,
  type TranslatedKind,
  type Translation,
} from '@libs/plan/translations';
import { POLARITIES, type Polarity } from '@libs/rules/progress';
import { PageOf } from '../common/page-view';

type Exported<K extends 'indicators' | 'targets' | 'tasks' | 'projects'> = PlanExport[K][number];

export class PlanView implements Pick<
  Plan,
  'code' | 'name' | 'nameEn' | 'baselineYear' | 'startYear' | 'endYear' | 'updatedAt'
> {
  @ApiProperty({ example: 'heyuan-public-services-2021-2025' })
  code: string;

  @ApiProperty({ example: '河源市公共服务“十四五”规划' })
  name: string;

  @ApiProperty({ example: 'Heyuan Public Services Plan for the 14th Five-Year Period' })
  nameEn: string;

  @ApiProperty({ example: 2020 })
  baselineYear: number;

  @ApiProperty({ example: 2021 })
  startYear: number;

  @ApiProperty({ example: 2025 })
  endYear: number;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt: Date;
}

export class PlanPage extends PageOf(PlanView) {}

/** Each item's lead and co-operating departments, by their canonical names. */
abstract class ResponsibleView implements ResponsibleNames {
  @ApiProperty({ example: '市教育局' })
  leadDepartment: string;

  @ApiProperty({ type: [String], example: ['市人力资源社会保障局'] })
  coDepartments: string[];
}

export class IndicatorView extends ResponsibleView implements Exported<'indicators'> {
  @ApiProperty({ example: 3, description: 'the indicator’s number in 专栏1' })
  no: number;

  @ApiProperty({ example: '幼有所育' })
  category: string;

  @ApiProperty({ example: '每千人口拥有3岁以下婴幼儿托位数' })
  name: string;

  @ApiPropertyOptional()
  nameEn?: string;

  @ApiProperty({ example: '个' })
  unit: string;

  @ApiPropertyOptional()
  unitEn?: string;

  @ApiProperty({ example: '1.5', description: 'the base year’s figure as printed' })
  baseline: string;

  @ApiPropertyOptional()
  baselineEn?: string;

  @ApiProperty({ example: '4.5', description: 'the target as printed' })
  target: string;

  @ApiPropertyOptional()
  targetEn?: string;

  @ApiProperty({ enum: INDICATOR_ATTRIBUTES, description: 'binding 约束性, expected 预期性' })
  attribute: (typeof INDICATOR_ATTRIBUTES)[number];

  @ApiProperty({ enum: POLARITIES })
  polarity: Polarity;

  @ApiProperty({ description: 'the departments as the plan prints them', example: '市教育局、市人力资源社会保障局' })
  departments: string;
}

export class IndicatorPage extends PageOf(IndicatorView) {}

export class TargetView extends ResponsibleView implements Exported<'targets'> {
  @ApiProperty({ example: 1 })
  no: number;

  @ApiProperty()
  text: string;

  @ApiPropertyOptional()
  textEn?: string;

  @ApiProperty({ type: [Number], description: 'the indicators (专栏1 numbers) that measure the target' })
  indicators: number[];

  @ApiProperty({ description: 'the departments as the plan prints them', example: '市教育局、市人力资源社会保障局' })
  departments: string;
}

export class TargetPage extends PageOf(TargetView) {}

export class TaskView extends ResponsibleView implements Exported<'tasks'> {
  @ApiProperty({ example: 1 })
  no: number;

  @ApiProperty()
  title: string;

  @ApiPropertyOptional()
  titleEn?: string;

  @ApiProperty()
  details: string;

  @ApiPropertyOptional()
  detailsEn?: string;

  @ApiProperty({ description: 'the departments as the plan prints them', example: '市教育局、市人力资源社会保障局' })
  departments: string;
}

export class TaskPage extends PageOf(TaskView) {}

export class ProjectView extends ResponsibleView implements Exported<'projects'> {
  @ApiProperty({ example: 1 })
  no: number;

  @ApiProperty({ enum: PROJECT_STATUSES, description: 'planned (附件3) or reserve (附件4)' })
  status: (typeof PROJECT_STATUSES)[number];

  @ApiProperty({ description: 'the group the plan lists it under' })
  group: string;

  @ApiProperty()
  name: string;

  @ApiPropertyOptional()
  nameEn?: string;

  @ApiProperty({ description: '建设内容' })
  content: string;

  @ApiProperty({ description: '万元' })
  totalInvestment: number;

  @ApiProperty({ type: Number, nullable: true, description: '万元 within the plan period; null for reserve projects' })
  planPeriodInvestment: number | null;

  @ApiProperty({ type: Number, nullable: true, description: '亩' })
  landMu: number | null;

  @ApiProperty()
  owner: string;

  @ApiProperty({ description: 'the responsible unit as printed' })
  responsibleUnit: string;
}

export class ProjectPage extends PageOf(ProjectView) {}

class ServiceDepartmentView {
  @ApiProperty({ example: 'city-health' })
  code: string;

  @ApiProperty({ example: '市卫生健康局' })
  name: string;

  @ApiProperty({ example: 'Municipal Health Commission' })
  nameEn: string;
}

export class ServiceItemView implements ServiceItem {
  @ApiProperty({ example: 5, description: 'the item’s number in 专栏2' })
  no: number;

  @ApiProperty()
  area: string;

  @ApiProperty()
  goal: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ type: ServiceDepartmentView, nullable: true, description: 'who reports it; null: none assigned yet' })
  department: ServiceDepartmentView | null;
}

export class ServiceItemsView {
  @ApiProperty({ type: [ServiceItemView] })
  items: ServiceItemView[];
}

export class TranslationView implements Omit<Translation, 'where'> {
  @ApiProperty({ enum: TRANSLATED_KIND_NAMES })
  kind: TranslatedKind;

  @ApiProperty({ example: '3', description: 'the item’s number; a project group is `planned-一`' })
  key: string;

  @ApiProperty({ enum: TRANSLATED_FIELDS })
  field: TranslatedField;

  @ApiProperty({ description: 'the item’s own Chinese name, which messages quote' })
  item: string;

  @ApiProperty({ description: 'the Chinese text as printed' })
  zh: string;

  @ApiProperty({ type: String, nullable: true, description: 'its English; null: none yet' })
  en: string | null;
}

export class TranslationRowView extends TranslationView {
  @ApiProperty({ description: 'whether the text needs English (it holds Chinese characters)' })
  needed: boolean;
}

export class TranslationPage extends PageOf(TranslationRowView) {}

export class PlanImportView {
  @ApiProperty({ example: 'heyuan-public-services-2021-2025' })
  plan: string;

  @ApiProperty({
    description: 'table → rows added, changed and left alone',
    additionalProperties: {
      type: 'object',
      properties: { added: { type: 'integer' }, changed: { type: 'integer' }, unchanged: { type: 'integer' } },
      required: ['added', 'changed', 'unchanged'],
    },
    example: { indicators: { added: 45, changed: 0, unchanged: 0 } },
  })
  report: ImportReport;
}
