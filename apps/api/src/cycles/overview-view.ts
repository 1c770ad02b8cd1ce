/** The bureau's dashboard as GET /api/cycles/:id/overview answers it (see CycleDashboard), for the OpenAPI document. */
import { ApiProperty, PickType } from '@nestjs/swagger';
import { CYCLE_STATUSES, type CycleStatus } from '@libs/cycle/cycle-definition';
import type { ItemStatus } from '@libs/cycle/department-state';
import { TIMELINESSES_SO_FAR, type TimelinessSoFar } from '@libs/cycle/timeliness';
import { LocalizedView } from '../common/localized-view';
import { statusCounts } from './cycle-view';
import { ItemSummaryView } from './item-view';
import type { CategoryProgress, CycleOverview, DepartmentProgress, OverdueItem } from './dashboard.service';

export class DepartmentProgressView implements DepartmentProgress {
  @ApiProperty({ example: 'city-education' })
  department: string;

  @ApiProperty({ type: LocalizedView })
  name: LocalizedView;

  @ApiProperty()
  total: number;

  @ApiProperty({ description: 'items submitted at least once' })
  submitted: number;

  @ApiProperty({ description: 'items owed past its deadline in force' })
  overdue: number;

  @ApiProperty(statusCounts(false))
  counts: Partial<Record<ItemStatus, number>>;

  @ApiProperty({ format: 'date-time', description: 'its deadline in force: its own extension, or the cycle’s' })
  deadline: string;

  @ApiProperty({
    enum: TIMELINESSES_SO_FAR,
    description: 'missing: some item never submitted past the deadline; pending: before it',
  })
  timeliness: TimelinessSoFar;
}

export class CategoryProgressView implements CategoryProgress {
  @ApiProperty({ description: 'the plan’s category of indicators, or the item kind for the others' })
  key: string;

  @ApiProperty({ type: LocalizedView })
  name: LocalizedView;

  @ApiProperty()
  total: number;

  @ApiProperty(statusCounts(false))
  counts: Partial<Record<ItemStatus, number>>;
}

export class OverdueItemView
  extends PickType(ItemSummaryView, ['department', 'itemKey', 'kind', 'no', 'title', 'status'] as const)
  implements OverdueItem
{
  @ApiProperty({ type: LocalizedView })
  departmentName: LocalizedView;

  @ApiProperty({ format: 'date-time', description: 'the deadline it was owed by' })
  deadline: string;
}

export class CycleOverviewView implements CycleOverview {
  @ApiProperty()
  cycleId: string;

  @ApiProperty({ enum: CYCLE_STATUSES })
  status: CycleStatus;

  @ApiProperty({ type: String, format: 'date-time' })
  deadline: Date;

  @ApiProperty({
    format: 'date-time',
    description: 'the moment the figures were judged at; a closed cycle’s are final',
  })
  asOf: string;

  @ApiProperty({ type: [DepartmentProgressView] })
  departments: DepartmentProgressView[];

  @ApiProperty({ type: [CategoryProgressView] })
  categories: CategoryProgressView[];

  @ApiProperty({
    type: [OverdueItemView],
    description: 'owed past the deadline in force; a closed cycle’s: those never submitted or left returned',
  })
  overdue: OverdueItemView[];
}
