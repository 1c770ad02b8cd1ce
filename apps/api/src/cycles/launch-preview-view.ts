/**
 * What POST /api/cycles/preview answers (libs/cycle/launch-preview), described
 * for the OpenAPI document so that the portal's confirmation step is typed from it.
 */
import { ApiProperty } from '@nestjs/swagger';
import type { WorkItemKind } from '@libs/cycle/cycle-definition';
import type { LaunchDepartment, LaunchPreview } from '@libs/cycle/launch-preview';

const BY_KIND = {
  description: 'item kind (indicator, task, project, reserve, service) → number of items; kinds with none left out',
  additionalProperties: { type: 'integer' },
  example: { indicator: 45, task: 49 },
};

class LaunchDepartmentView implements LaunchDepartment {
  @ApiProperty({ example: 'city-education' })
  code: string;

  @ApiProperty({ example: '市教育局' })
  name: string;

  @ApiProperty({ ...BY_KIND, description: `the items it leads: ${BY_KIND.description}` })
  leads: Partial<Record<WorkItemKind, number>>;

  @ApiProperty({ description: 'the items it is a co-operating department (配合单位) on', example: 3 })
  cooperates: number;

  @ApiProperty({ type: String, nullable: true, description: 'where its mail goes: the directory’s submitter' })
  submitterEmail: string | null;
}

class LaunchMailsView {
  @ApiProperty({ description: 'one assignment (填报任务) to each lead department’s submitter' })
  assignments: number;

  @ApiProperty({ description: 'one request for input (配合) to each co-operating department’s submitter' })
  contributionRequests: number;

  @ApiProperty()
  total: number;
}

export class LaunchPreviewView implements LaunchPreview {
  @ApiProperty({ example: 'cycle/heyuan-public-services-2021-2025/midterm/2021-2023' })
  cycleId: string;

  @ApiProperty({ example: 182 })
  itemCount: number;

  @ApiProperty(BY_KIND)
  items: Partial<Record<WorkItemKind, number>>;

  @ApiProperty({ type: [LaunchDepartmentView], description: 'every department involved, lead departments first' })
  departments: LaunchDepartmentView[];

  @ApiProperty({ type: LaunchMailsView, description: 'the mails the launch sends' })
  mails: LaunchMailsView;
}
