/**
 * The review queue, judged (审核: each submission waiting against the expected
 * path, binding indicators behind it first), and an item's context (a task's
 * text and its co-operating departments' contributions; a project's content,
 * planned investment and previous approved report).
 */
import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import type { Principal } from '@libs/access/principal';
import { seesEveryDepartment } from '@libs/access/roles';
import { pageOf, PageQuery } from '../common/pagination';
import { Caller, Requires } from '../auth/auth.decorators';
import { ItemAccess } from './item-access.service';
import { ItemContext } from './item-context.service';
import { ItemContextResponse, ReviewPage } from './item-view';

class ReviewQuery extends PageQuery {
  @ApiPropertyOptional({
    description: 'department code; supervisors always see their own (the bureau and viewers may name one)',
  })
  @IsOptional()
  @IsString()
  department?: string;
}

@ApiTags('items 事项')
@ApiBearerAuth()
@Controller('cycles/:cycleId')
export class ItemContextController {
  constructor(
    @Inject(ItemAccess) private readonly access: ItemAccess,
    @Inject(ItemContext) private readonly context: ItemContext,
  ) {}

  @Get('reviews')
  @Requires('item:read')
  @ApiOperation({
    summary:
      '待审核（含研判） Submissions waiting for review, each judged against the expected path (status, 约束性, change from the last approved value, reasons and measures, evidence count); binding indicators behind first',
  })
  @ApiOkResponse({ type: ReviewPage })
  async reviews(
    @Param('cycleId') cycleId: string,
    @Query() q: ReviewQuery,
    @Caller() p: Principal,
  ): Promise<ReviewPage> {
    const cycle = await this.access.cycle(cycleId);
    const department = seesEveryDepartment(p.role) ? q.department : (p.department ?? '');
    if (q.department && department !== q.department) this.access.department(p, 'item:read', q.department);
    if (department) this.access.department(p, 'item:read', department);
    return pageOf(await this.context.reviewQueue(cycle, department || undefined), q);
  }

  @Get('items/:itemKey/context')
  @Requires('item:read')
  @ApiOperation({
    summary:
      '事项背景 A task’s text from the plan and whether each co-operating department has contributed; a project’s 建设内容, total and plan-period investment and its previous approved report',
  })
  @ApiOkResponse({ type: ItemContextResponse })
  async itemContext(
    @Param('cycleId') cycleId: string,
    @Param('itemKey') itemKey: string,
    @Caller() p: Principal,
  ): Promise<ItemContextResponse> {
    const item = await this.access.item(p, 'item:read', cycleId, itemKey);
    return this.context.context(await this.access.cycle(cycleId), item);
  }
}
