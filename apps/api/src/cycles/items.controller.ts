/**
 * Items of a cycle: a department's inbox, an item with its versions, saving a
 * draft, submitting, contributing, reviewing, bulk approval, and the item's
 * whole history in one request. Changes go to the department's workflow
 * (Temporal Updates, keyed by the request ID so a retry is the same change).
 */
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
} from 'class-validator';
import { actorOf, type Principal } from '@libs/access/principal';
import { seesEveryDepartment } from '@libs/access/roles';
import { WORK_ITEM_KINDS, type WorkItemKind } from '@libs/cycle/cycle-definition';
import { ITEM_STATUSES, type Command, type ItemStatus } from '@libs/cycle/department-state';
import { checkSubmission, withReasonsOnlyWhenBehind, type Submission, type WorkItemSpec } from '@libs/cycle/submission';
import { checkSubmissionShape, COMMAND_TEXT_MAX } from '@libs/cycle/submission-shape';
import type { WorkItem } from '@libs/persistence/entities';
import { AuditRepository } from '@libs/persistence/repositories/audit.repository';
import { CatalogRepository } from '@libs/persistence/repositories/catalog.repository';
import { CycleItemRepository, type ItemFilter } from '@libs/persistence/repositories/cycle-item.repository';
import { SubmissionRepository } from '@libs/persistence/repositories/submission.repository';
import type { CycleClient } from '@libs/temporal/cycle-client';
import { ApiProblem, forbidden } from '../common/problem.filter';
import { PageQuery } from '../common/pagination';
import { RequestValidationError } from '../common/validation';
import { AuditService } from '../audit/audit.service';
import { Caller, Requires, type AuthenticatedRequest } from '../auth/auth.decorators';
import { CYCLE_CLIENT } from '../tokens';
import { ItemAccess } from './item-access.service';
import type { LaunchedItem } from './launched-items';
import { ItemContext } from './item-context.service';
import {
  CommandResultsView,
  CommandResultView,
  InboxPage,
  ItemDetailView,
  ItemHistoryView,
  type InboxItemView,
  type ItemSummaryView,
} from './item-view';

const INBOX_ROLES = ['lead', 'cooperate'] as const;

class InboxQuery extends PageQuery {
  @ApiPropertyOptional({
    description:
      'department code; departments always see their own (the bureau and viewers name one, required with role=cooperate)',
  })
  @IsOptional()
  @IsString()
  department?: string;

  @ApiPropertyOptional({
    enum: INBOX_ROLES,
    default: 'lead',
    description:
      'lead (我牵头的): the items the department leads; cooperate (需我配合的): the items it co-operates on (配合单位), each with `contributed` and `contributedAt` (its latest contribution) and the lead department’s names',
  })
  @IsOptional()
  @IsIn(INBOX_ROLES)
  role?: (typeof INBOX_ROLES)[number];

  @ApiPropertyOptional({ enum: ITEM_STATUSES })
  @IsOptional()
  @IsIn(ITEM_STATUSES)
  status?: ItemStatus;

  @ApiPropertyOptional({ enum: WORK_ITEM_KINDS })
  @IsOptional()
  @IsIn(WORK_ITEM_KINDS)
  kind?: WorkItemKind;
}

class SubmissionBody {
  @ApiProperty({
    description:
      'by item kind: indicator {kind, value, dataSource, reasons?, measures?, evidence?}; task {kind, progress, narrative, evidence?}; project {kind, investmentInPeriod, investmentCumulative, constructionStatus, landSecured, narrative?, evidence?}; reserve {kind, stage: not_started|preparing|moved_into_plan, narrative (unless not_started), evidence?}; service {kind, implementation: implemented|partly|not_implemented, narrative (unless implemented), evidence?}',
    example: { kind: 'indicator', value: 3.6, dataSource: '河源市统计年鉴' },
  })
  @IsObject()
  submission: Submission;
}

class ContributionBody {
  @ApiProperty({ example: '我局已完成辖区内数据核对。' })
  @IsString()
  @MinLength(1)
  @MaxLength(COMMAND_TEXT_MAX.text)
  text: string;
}

class ReviewBody {
  @ApiProperty({ enum: ['approve', 'reject'] })
  @IsIn(['approve', 'reject'])
  decision: 'approve' | 'reject';

  @ApiPropertyOptional({ description: 'required when rejecting', example: '数据来源与统计公报不一致，请核实' })
  @IsOptional()
  @IsString()
  @MaxLength(COMMAND_TEXT_MAX.reason)
  reason?: string;
}

class BulkApproveBody {
  @ApiProperty({ example: 'city-education' })
  @IsString()
  department: string;

  @ApiProperty({ type: [String], example: ['indicator-5', 'indicator-6'] })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(500)
  @IsString({ each: true })
  itemKeys: string[];
}

@ApiTags('items 事项')
@ApiBearerAuth()
@Controller('cycles/:cycleId')
export class ItemsController {
  constructor(
    @Inject(CYCLE_CLIENT) private readonly cycles: CycleClient,
    @Inject(ItemAccess) private readonly access: ItemAccess,
    @Inject(ItemContext) private readonly context: ItemContext,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(CycleItemRepository) private readonly items: CycleItemRepository,
    @Inject(SubmissionRepository) private readonly submissions: SubmissionRepository,
    @Inject(CatalogRepository) private readonly catalog: CatalogRepository,
    @Inject(AuditRepository) private readonly auditTrail: AuditRepository,
  ) {}

  @Get('items')
  @Requires('item:read')
  @ApiOperation({
    summary:
      '事项列表（部门收件箱） Items of the cycle: a department sees those it leads (role=lead, default) or co-operates on (role=cooperate, with whether it contributed)',
  })
  @ApiOkResponse({ type: InboxPage })
  async inbox(@Param('cycleId') cycleId: string, @Query() q: InboxQuery, @Caller() p: Principal): Promise<InboxPage> {
    await this.access.cycle(cycleId);
    if (p.scope)
      throw forbidden({
        zh: '通过邮件链接进入只能处理该链接对应的事项；如需查看全部事项请登录',
        en: 'an email link only opens the item it was sent for; sign in to see all items',
      });
    const department = seesEveryDepartment(p.role) ? q.department : (p.department ?? '');
    if (q.department && department !== q.department) this.access.department(p, 'item:read', q.department);
    const filter: ItemFilter = { status: q.status, kind: q.kind };
    if (q.role !== 'cooperate') return this.items.page(cycleId, { ...filter, department }, q, summary);
    if (!department)
      throw new RequestValidationError([
        {
          field: 'department',
          zh: '查看配合事项时请指定部门（department）',
          en: 'name the department (department) to list the items it co-operates on',
        },
      ]);
    const page = await this.items.page(cycleId, { ...filter, cooperating: department }, q, (i) => i);
    return { ...page, items: await this.cooperating(department, page.items) };
  }

  @Get('items/:itemKey')
  @Requires('item:read')
  @ApiOperation({ summary: '事项详情 An item: what it asks for, its state, its submitted versions and evidence' })
  @ApiOkResponse({ type: ItemDetailView })
  async item(
    @Param('cycleId') cycleId: string,
    @Param('itemKey') itemKey: string,
    @Caller() p: Principal,
  ): Promise<ItemDetailView> {
    const item = await this.access.item(p, 'item:read', cycleId, itemKey);
    const versions = await this.submissions.versions(cycleId, itemKey);
    const evidence = await this.submissions.evidenceOf(cycleId, itemKey);
    const draft = await this.submissions.latestDraft(cycleId, itemKey);
    return {
      ...summary(item),
      spec: item.spec as WorkItemSpec,
      versions,
      draft,
      evidence: evidence.map(({ id, name, mediaType, size, sha256, uploadedBy, uploadedAt }) => ({
        id,
        name,
        mediaType,
        size,
        sha256,
        uploadedBy,
        uploadedAt,
      })),
    };
  }

  @Put('items/:itemKey/draft')
  @Requires('item:submit')
  @ApiOperation({ summary: '保存草稿 Save a draft (not checked, not sent for review)' })
  @ApiOkResponse({ type: CommandResultView })
  async saveDraft(
    @Param('cycleId') cycleId: string,
    @Param('itemKey') itemKey: string,
    @Body() body: SubmissionBody,
    @Req() req: AuthenticatedRequest,
  ): Promise<CommandResultView> {
    const item = await this.access.launchedItem(req.principal, 'item:submit', cycleId, itemKey);
    checkShape(body.submission, item);
    return this.send(req, item, { type: 'save_draft', itemKey, submission: body.submission });
  }

  @Post('items/:itemKey/submit')
  @HttpCode(200)
  @Requires('item:submit')
  @ApiOperation({ summary: '提交审核 Submit for the supervisor’s review; checked first (422 names each problem)' })
  @ApiOkResponse({ type: CommandResultView })
  async submit(
    @Param('cycleId') cycleId: string,
    @Param('itemKey') itemKey: string,
    @Body() body: SubmissionBody,
    @Req() req: AuthenticatedRequest,
  ): Promise<CommandResultView> {
    const item = await this.access.launchedItem(req.principal, 'item:submit', cycleId, itemKey);
    checkShape(body.submission, item);
    const { years, thresholds } = await this.access.submissionRules(cycleId);
    const spec = item.spec as WorkItemSpec;
    const check = checkSubmission(spec, body.submission, years, thresholds);
    if (!check.ok) throw new ApiProblem(422, 'invalid_submission', check.errors);
    const againstPrevious = await this.context.checkAgainstPrevious(cycleId, item, body.submission);
    if (againstPrevious.length) throw new ApiProblem(422, 'invalid_submission', againstPrevious);
    const submission = withReasonsOnlyWhenBehind(spec, body.submission, years, thresholds);
    return this.send(req, item, { type: 'submit', itemKey, submission });
  }

  @Post('items/:itemKey/contributions')
  @HttpCode(200)
  @Requires('item:contribute')
  @ApiOperation({ summary: '配合单位提供情况 A co-operating department’s contribution to an item' })
  @ApiOkResponse({ type: CommandResultView })
  async contribute(
    @Param('cycleId') cycleId: string,
    @Param('itemKey') itemKey: string,
    @Body() body: ContributionBody,
    @Req() req: AuthenticatedRequest,
  ): Promise<CommandResultView> {
    const item = await this.access.launchedItem(req.principal, 'item:contribute', cycleId, itemKey);
    if (req.principal.department === item.department)
      throw forbidden({
        zh: '牵头单位直接填报，无需提供配合意见',
        en: 'the lead department submits; contributions are for co-operating departments',
      });
    return this.send(req, item, { type: 'contribute', itemKey, text: body.text });
  }

  @Post('items/:itemKey/review')
  @HttpCode(200)
  @Requires('item:review')
  @ApiOperation({
    summary: '审核 Approve, or reject with a reason (the bureau’s review of an approved item is its acceptance)',
  })
  @ApiOkResponse({ type: CommandResultView })
  async review(
    @Param('cycleId') cycleId: string,
    @Param('itemKey') itemKey: string,
    @Body() body: ReviewBody,
    @Req() req: AuthenticatedRequest,
  ): Promise<CommandResultView> {
    const item = await this.access.item(req.principal, 'item:review', cycleId, itemKey);
    const type = req.principal.role === 'admin' && item.status === 'approved' ? 'accept' : 'review';
    return this.send(req, item, { type, itemKey, decision: body.decision, reason: body.reason });
  }

  @Post('reviews/bulk-approve')
  @HttpCode(200)
  @Requires('item:review')
  @ApiOperation({ summary: '批量审核通过 Approve several submitted items of one department at once' })
  @ApiOkResponse({ type: CommandResultsView })
  async bulkApprove(
    @Param('cycleId') cycleId: string,
    @Body() body: BulkApproveBody,
    @Req() req: AuthenticatedRequest,
  ): Promise<CommandResultsView> {
    await this.access.cycle(cycleId);
    this.access.department(req.principal, 'item:review', body.department);
    const found = await this.items.departmentItems(cycleId, body.department, body.itemKeys);
    if (found.length !== new Set(body.itemKeys).size) {
      const known = new Set(found.map((i) => i.itemKey));
      throw new ApiProblem(
        404,
        'not_found',
        body.itemKeys
          .filter((k) => !known.has(k))
          .map((k) => ({ zh: `${body.department}没有事项“${k}”`, en: `${body.department} has no item "${k}"` })),
      );
    }
    const results = await this.cycles.bulkApprove(
      cycleId,
      body.department,
      req.requestId,
      actorOf(req.principal),
      body.itemKeys,
      (r, was, i) =>
        this.audit.entry(
          req,
          {
            action: 'approve',
            entityType: 'item',
            entityId: `${cycleId}#${r.itemKey}`,
            before: was,
            after: { status: r.status },
          },
          `/${i}`,
        ),
    );
    return { results };
  }

  @Get('items/:itemKey/history')
  @Requires('item:read')
  @ApiOperation({ summary: '事项全部历史 Every event, version and audited change of an item, oldest first' })
  @ApiOkResponse({ type: ItemHistoryView })
  async history(
    @Param('cycleId') cycleId: string,
    @Param('itemKey') itemKey: string,
    @Caller() p: Principal,
  ): Promise<ItemHistoryView> {
    await this.access.item(p, 'item:read', cycleId, itemKey);
    const events = await this.submissions.events(cycleId, itemKey);
    const versions = await this.submissions.versions(cycleId, itemKey);
    const audit = await this.auditTrail.trail('item', `${cycleId}#${itemKey}`);
    return {
      events: events.map((e) => ({
        at: e.at,
        type: e.type,
        actor: e.actor,
        statusBefore: e.statusBefore,
        statusAfter: e.statusAfter,
        detail: e.detail,
      })),
      versions,
      audit: audit.map(({ at, actor, actorRole, ip, action, before, after }) => ({
        at,
        actor,
        actorRole,
        ip,
        action,
        before,
        after,
      })),
    };
  }

  private async send(req: AuthenticatedRequest, item: LaunchedItem, command: Command): Promise<CommandResultView> {
    // The audit entry goes in with the change, in one statement.
    return this.cycles.command(
      item.cycleId,
      item.department,
      req.requestId,
      actorOf(req.principal),
      command,
      (result, before) => {
        const after =
          'submission' in command
            ? { status: result.status, submission: command.submission }
            : { status: result.status, ...command };
        return this.audit.entry(req, {
          action: command.type,
          entityType: 'item',
          entityId: `${item.cycleId}#${item.itemKey}`,
          before,
          after,
        });
      },
      item.spec as WorkItemSpec,
    );
  }

  /** Items a department co-operates on, each with the lead department's names and whether (and when last) the department contributed. */
  private async cooperating(department: string, items: WorkItem[]): Promise<InboxItemView[]> {
    if (items.length === 0) return [];
    const { cycleId } = items[0];
    const lastAt = await this.submissions.lastContributed(
      cycleId,
      department,
      items.map((i) => i.itemKey),
    );
    const leads = await this.catalog.departmentsByCode([...new Set(items.map((i) => i.department))]);
    const names = new Map(leads.map((d) => [d.code, { code: d.code, zh: d.name, en: d.nameEn }]));
    return items.map((i) => ({
      ...summary(i),
      leadDepartment: names.get(i.department) ?? { code: i.department, zh: i.department, en: i.department },
      contributed: lastAt.has(i.itemKey),
      contributedAt: lastAt.get(i.itemKey) ?? null,
    }));
  }
}

/** The item kind's fields only, each of its form and length (400 naming each), before anything reaches the workflow. */
function checkShape(submission: Submission, item: LaunchedItem): void {
  const problems = checkSubmissionShape(submission);
  if (problems.length)
    throw new RequestValidationError(problems.map((p) => ({ ...p, field: p.field ?? 'submission' })));
  if (submission.kind !== item.itemKind) {
    throw new RequestValidationError([
      {
        field: 'submission.kind',
        zh: `填报内容与事项“${item.title}”的类型不符`,
        en: `the submission does not fit the kind of item “${item.title}”`,
      },
    ]);
  }
}

function summary(i: WorkItem): ItemSummaryView {
  return {
    cycleId: i.cycleId,
    itemKey: i.itemKey,
    kind: i.itemKind,
    no: i.itemNo,
    title: i.title,
    department: i.department,
    coDepartments: i.coDepartments,
    status: i.status,
    version: i.version,
    attention: i.attention,
    updatedAt: i.updatedAt,
  };
}
