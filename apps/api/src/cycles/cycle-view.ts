/**
 * A cycle as the API answers it (its row without the launch request), described
 * for the OpenAPI document so that the portal's `Cycle` type is generated from it.
 */
import { ApiProperty } from '@nestjs/swagger';
import { CYCLE_KINDS, CYCLE_STATUSES, type CycleKind, type CycleStatus } from '@libs/cycle/cycle-definition';
import { ITEM_STATUSES, type ItemStatus } from '@libs/cycle/department-state';
import type { EvaluationCycle } from '@libs/persistence/entities';

export class CycleView implements Omit<EvaluationCycle, 'definition'> {
  @ApiProperty({ example: 'cycle/heyuan-public-services-2021-2025/annual/2023' })
  id: string;

  @ApiProperty({ example: 'heyuan-public-services-2021-2025' })
  planCode: string;

  @ApiProperty({ enum: CYCLE_KINDS })
  kind: CycleKind;

  @ApiProperty({ example: 2023 })
  fromYear: number;

  @ApiProperty({ example: 2023 })
  toYear: number;

  @ApiProperty({ type: String, format: 'date-time' })
  deadline: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  hardClose: Date;

  @ApiProperty({
    description: 'departments’ own extensions: department code → deadline',
    additionalProperties: { type: 'string', format: 'date-time' },
  })
  departmentDeadlines: Record<string, string>;

  @ApiProperty({ enum: CYCLE_STATUSES })
  status: CycleStatus;

  @ApiProperty({ type: String, format: 'date-time' })
  launchedAt: Date;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  closedAt: Date | null;
}

export class CyclePage {
  @ApiProperty()
  total: number;

  @ApiProperty()
  page: number;

  @ApiProperty()
  pageSize: number;

  @ApiProperty({ type: [CycleView] })
  items: CycleView[];
}

export class DepartmentStateCountView {
  @ApiProperty({ example: 'city-education' })
  department: string;

  @ApiProperty({ enum: ITEM_STATUSES })
  status: ItemStatus;

  @ApiProperty()
  items: number;
}

export class CycleStatusView {
  @ApiProperty()
  cycle: CycleView;

  @ApiProperty({ type: [DepartmentStateCountView] })
  byDepartment: DepartmentStateCountView[];
}
