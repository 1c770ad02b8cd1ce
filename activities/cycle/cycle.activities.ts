/**
 * The cycle's I/O, all of it PostgreSQL: a notice is written into the outbox
 * and waited for while the mail relay (apps/mail-relay) sends it, so nothing
 * here speaks SMTP. Every method is idempotent, keyed by
 * what the workflow passes (cycle, item, request ID, outbox key), because
 * Temporal retries an activity whenever it is not sure it finished.
 */
import { resolve } from 'node:path';
import { ApplicationFailure, heartbeat, log } from '@temporalio/activity';
import { In, type DataSource } from 'typeorm';
import { directoryContacts, readPlanFromDatabase } from '../../libs/catalog/catalog-read';
import type {
  AssignmentNoticesInput,
  CycleActivities,
  CycleClosing,
  DepartmentOutcome,
  NoticeInput,
  NoticeResult,
  PreparedCycle,
  RecordCommandInput,
  RefusedRecord,
  ReopenedCycle,
  RestoredDepartment,
} from '../../libs/cycle/activities-contract';
import type { ItemState, ItemStatus } from '../../libs/cycle/department-state';
import type { ReopenedDepartment } from '../../libs/cycle/reopen';
import { cycleThresholds, launchedDefinition, type CycleDefinition } from '../../libs/cycle/cycle-definition';
import { planCycle } from '../../libs/cycle/cycle-planning';
import { preparedCycle } from '../../libs/cycle/prepared-cycle';
import type { ProjectSubmission, Submission, WorkItemSpec } from '../../libs/cycle/submission';
import { CycleReport, EvaluationCycle, WorkItem } from '../../libs/persistence/entities';
import { buildCycleReport, type ApprovedSubmission } from '../../libs/report/cycle-report';
import { writeReportFiles } from '../../libs/report/report-files';
import { insertCycleRow, insertWorkItems, readItemOutlines } from '../../libs/persistence/cycle-records';
import { isDataError } from '../../libs/persistence/data-errors';
import { markForAttention, recordItemCommand } from '../../libs/persistence/item-records';
import { composeNotice, type NoticeOutboxConfig } from '../../libs/mail/notice-outbox';
import type { Localized } from '../../libs/plan/localized';
import { NoticeDeliveries, type Delivery } from './notice-deliveries';

interface ApprovedRow {
  item_key: string;
  version: number;
  payload: Submission;
  submitted_by: string;
  approved_by: string;
  submitted_at: Date;
  approved_at: Date;
  submitter: { name: string; department: string } | null;
  approver: { name: string; department: string } | null;
}
const signatory = (actor: { name: string; department: string } | null, at: Date) =>
  actor ? { name: actor.name, department: actor.department, at: at.toISOString() } : null;

export interface CycleActivitiesConfig extends NoticeOutboxConfig {
  reportsDir: string;
  /** The organ a report is issued by (its cover, its metadata). */
  issuer: Localized;
}

export class CycleActivitiesService implements CycleActivities {
  private readonly deliveries: NoticeDeliveries;

  constructor(
    private readonly ds: DataSource,
    private readonly config: CycleActivitiesConfig,
  ) {
    this.deliveries = new NoticeDeliveries(ds);
  }

  /**
   * The cycle's items, written once. A launch through CycleClient has already
   * planned and written them, in the transaction that started this workflow:
   * they are read back. Otherwise (a scheduled launch) the plan is read,
   * checked and written here.
   */
  async prepareCycle({
    cycleId,
    definition,
  }: {
    cycleId: string;
    definition: CycleDefinition;
  }): Promise<PreparedCycle> {
    const year = definition.toYear;
    const prepared = await this.ds.transaction(async (em) => {
      const [period]: Array<{ baselineYear: number; endYear: number }> = await em.query(
        `SELECT baseline_year AS "baselineYear", end_year AS "endYear" FROM plan WHERE code = $1`,
        [definition.planCode],
      );
      if (!(await insertCycleRow(em, cycleId, launchedDefinition(definition, period)))) {
        // Judged as launched: the thresholds and the plan's period saved with the row.
        const [{ definition: saved }]: Array<{ definition: CycleDefinition }> = await em.query(
          `SELECT definition FROM evaluation_cycle WHERE id = $1`,
          [cycleId],
        );
        const launched = launchedDefinition(saved, period);
        return preparedCycle(
          await readItemOutlines(em, cycleId),
          { ...launched.planPeriod!, year },
          cycleThresholds(launched),
        );
      }
      const plan = await readPlanFromDatabase(this.ds, definition.planCode);
      const result = planCycle(plan, definition, await directoryContacts(this.ds));
      if (!result.ok) {
        // The transaction rolls back: nothing of the refused cycle stays.
        throw ApplicationFailure.nonRetryable(
          result.gaps.map((g) => `${g.zh} (${g.en})`).join('\n'),
          'LaunchRefused',
          result.gaps,
        );
      }
      await insertWorkItems(em, cycleId, result.items);
      return preparedCycle(result.items, { ...period, year }, cycleThresholds(definition));
    });
    log.info('cycle prepared', { cycleId, items: prepared.itemCount, departments: prepared.departments.length });
    return prepared;
  }

  async loadDepartmentItems({ cycleId, department }: { cycleId: string; department: string }): Promise<WorkItemSpec[]> {
    const rows = await this.ds
      .getRepository(WorkItem)
      .find({ where: { cycleId, department }, order: { itemKind: 'ASC', itemNo: 'ASC' } });
    return rows.map((r) => r.spec as WorkItemSpec);
  }

  /**
   * The assignment notices of departments the cycle has just started. Every
   * department is tried once per attempt; the attempt fails while any could
   * not go out, and the retry finds the ones sent in the outbox.
   */
  async sendAssignmentNotices({ cycleId, departments, deadline, at }: AssignmentNoticesInput): Promise<void> {
    const rows: Array<{ department: string; key: string; title: string }> = await this.ds.query(
      `SELECT department, item_key AS key, title FROM work_item WHERE cycle_id = $1 AND department = ANY($2) ORDER BY item_kind, item_no`,
      [cycleId, departments],
    );
    const itemsOf = new Map<string, Array<{ key: string; title: string; status: 'assigned' }>>();
    for (const r of rows) {
      if (!itemsOf.has(r.department)) itemsOf.set(r.department, []);
      itemsOf.get(r.department)!.push({ key: r.key, title: r.title, status: 'assigned' });
    }
    const withItems = departments.filter((d) => itemsOf.has(d));
    const results = await Promise.allSettled(
      withItems.map((department) =>
        // Each notice sent is a sign of life: a worker that dies mid-way is noticed within the heartbeat timeout.
        this.sendNotice({
          cycleId,
          department,
          audience: 'submitter',
          event: 'assignment',
          seq: 1,
          deadline,
          at,
          items: itemsOf.get(department)!,
        }).finally(() => heartbeat()),
      ),
    );
    const failed = results.flatMap((r, i) =>
      r.status === 'rejected' ? [`${withItems[i]}: ${(r.reason as Error).message}`] : [],
    );
    if (failed.length > 0) {
      log.warn('assignment notices waiting for the mail server', {
        cycleId,
        failed: failed.length,
        of: withItems.length,
      });
      throw new Error(`${failed.length} of ${withItems.length} assignment notices not sent yet; first: ${failed[0]}`);
    }
  }

  /**
   * The records a department's workflow queued after answering, oldest first.
   * An outage fails the activity (Temporal retries it); a record refused as
   * data would fail every retry and hold the cycle's close for ever, so its
   * item is marked instead and the refusal handed back.
   */
  async recordCommands(inputs: RecordCommandInput[]): Promise<RefusedRecord[]> {
    const refused: RefusedRecord[] = [];
    for (const input of inputs) {
      try {
        await recordItemCommand(this.ds, input);
      } catch (e) {
        if (!isDataError(e)) throw e;
        const error = (e as Error).message;
        log.error('record refused by PostgreSQL as data; item marked for attention', {
          cycleId: input.cycleId,
          itemKey: input.command.itemKey,
          requestId: input.requestId,
          error,
        });
        await markForAttention(this.ds, input, error);
        refused.push({ requestId: input.requestId, itemKey: input.command.itemKey, error });
      }
    }
    return refused;
  }

  async sendNotice(input: NoticeInput): Promise<NoticeResult> {
    const { recipient, subject, itemKeys, droppedItems, message } = await composeNotice(this.ds, this.config, input);
    // The outbox row, written once with its message: a repeat (a retried
    // activity) finds it, and only asks the relay to try again now if it is
    // still pending. A notice whose items have all moved on is recorded as dropped.
    const [row]: Array<{ id: string; status: 'pending' | Delivery; attempts: number; claimed: boolean }> =
      await this.ds.query(
        `INSERT INTO notice (cycle_id, department, recipient, event, seq, audience, subject, item_keys, message, dropped_items, status, drop_reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10,
               CASE WHEN $9::jsonb IS NULL THEN 'dropped' ELSE 'pending' END, CASE WHEN $9::jsonb IS NULL THEN 'moved_on' END)
       ON CONFLICT (cycle_id, department, recipient, event, seq) DO UPDATE
         -- Once the relay has dealt with it the message (and its links) is gone for good.
         SET message = CASE WHEN notice.status = 'pending' THEN coalesce(notice.message, EXCLUDED.message) END,
             next_attempt_at = CASE WHEN notice.status = 'pending' THEN now() ELSE notice.next_attempt_at END
       RETURNING id, status, attempts, claimed_until IS NOT NULL AS claimed`,
        [
          input.cycleId,
          input.department,
          recipient,
          input.event,
          input.seq,
          input.audience,
          subject,
          itemKeys,
          message,
          droppedItems,
        ],
      );
    if (row.status === 'dropped') return { status: 'dropped', recipient };
    if (row.status !== 'pending') return { status: 'already_sent', recipient };
    return { status: await this.deliveries.wait(row.id, row), recipient };
  }

  async closeCycle({
    cycleId,
    outcomes,
    cancelled,
  }: {
    cycleId: string;
    outcomes: DepartmentOutcome[];
    cancelled: boolean;
  }): Promise<CycleClosing> {
    const cycle = await this.ds.getRepository(EvaluationCycle).findOneByOrFail({ id: cycleId });
    const plan = await readPlanFromDatabase(this.ds, cycle.planCode);
    // Who submitted and approved each version, as they acted: the actor of the submit and approve events at its times.
    const approved: ApprovedSubmission[] = (
      await this.ds.query(
        `SELECT DISTINCT ON (v.item_key) v.item_key, v.version, v.payload, v.submitted_by, v.approved_by,
                v.submitted_at, v.approved_at, s.actor AS submitter, a.actor AS approver
           FROM submission_version v
           LEFT JOIN LATERAL (SELECT e.actor FROM item_event e WHERE e.cycle_id = v.cycle_id AND e.item_key = v.item_key
                                 AND e.type = 'submit' AND e.at = v.submitted_at LIMIT 1) s ON true
           LEFT JOIN LATERAL (SELECT e.actor FROM item_event e WHERE e.cycle_id = v.cycle_id AND e.item_key = v.item_key
                                 AND e.type IN ('review', 'accept') AND e.at = v.approved_at LIMIT 1) a ON true
          WHERE v.cycle_id = $1 AND v.approved_at IS NOT NULL
          ORDER BY v.item_key, v.version DESC`,
        [cycleId],
      )
    ).map((r: ApprovedRow) => ({
      itemKey: r.item_key,
      version: r.version,
      payload: r.payload,
      submittedBy: r.submitted_by,
      approvedBy: r.approved_by,
      submitter: signatory(r.submitter, r.submitted_at),
      approver: signatory(r.approver, r.approved_at),
    }));
    const priorAnnual = (await this.approvedInEarlierAnnuals<{ value: number | boolean }>(cycle, 'indicator')).map(
      ({ no, year, payload }) => ({ indicator: no, year, value: payload.value }),
    );
    const priorProjects = (await this.approvedInEarlierAnnuals<ProjectSubmission>(cycle, 'project')).map(
      ({ no, year, payload }) => ({
        project: no,
        year,
        report: { investmentCumulative: payload.investmentCumulative, constructionStatus: payload.constructionStatus },
      }),
    );
    const assignments: Array<{ itemKey: string; department: string; coDepartments: string[] }> = await this.ds.query(
      `SELECT item_key AS "itemKey", department, co_departments AS "coDepartments" FROM work_item WHERE cycle_id = $1`,
      [cycleId],
    );
    // Each co-operating department's latest word on an item.
    const contributions: Array<{ itemKey: string; department: string; text: string }> = await this.ds.query(
      `SELECT DISTINCT ON (item_key, actor->>'department') item_key AS "itemKey", actor->>'department' AS department, detail->>'text' AS text
         FROM item_event WHERE cycle_id = $1 AND type = 'contribute'
        ORDER BY item_key, actor->>'department', at DESC`,
      [cycleId],
    );
    const { figures, contentHash } = buildCycleReport({
      cycle: { id: cycleId, kind: cycle.kind, fromYear: cycle.fromYear, toYear: cycle.toYear },
      plan,
      approved,
      priorAnnual,
      priorProjects,
      outcomes,
      assignments,
      contributions,
      // The cycle's thresholds as saved at launch; figures.thresholds records them with the report.
      thresholds: cycleThresholds(cycle.definition as CycleDefinition),
    });

    const reports = this.ds.getRepository(CycleReport);
    const same = await reports.findOneBy({ cycleId, contentHash });
    if (same) return { reportPath: same.path, contentHash, version: same.version };
    const version = (await reports.countBy({ cycleId })) + 1;
    const dir = resolve(this.config.reportsDir, cycleId.replace(/[^A-Za-z0-9-]+/g, '_'));
    // Every compiled version is a draft for comments until the bureau finalises it.
    const { json: path } = await writeReportFiles(dir, version, figures, contentHash, {
      issuer: this.config.issuer,
      issuedAt: new Date(),
      stage: 'draft',
    });
    await this.ds.transaction(async (em) => {
      await em
        .createQueryBuilder()
        .insert()
        .into(CycleReport)
        .values({ cycleId, version, contentHash, path, timeliness: outcomes })
        .orIgnore()
        .execute();
      await em.update(
        EvaluationCycle,
        { id: cycleId },
        { status: cancelled ? 'cancelled' : 'closed', closedAt: new Date() },
      );
    });
    log.info('cycle closed', { cycleId, version, contentHash, path });
    return { reportPath: path, contentHash, version };
  }

  /**
   * The latest approved payload of each item of one kind in the plan's annual
   * cycles up to this cycle's year: series, and last year's report to compare
   * with. The report takes the cycle's own year from them only in a final
   * evaluation (libs/report/cycle-report.ts).
   */
  private async approvedInEarlierAnnuals<P>(
    cycle: EvaluationCycle,
    kind: 'indicator' | 'project',
  ): Promise<Array<{ no: number; year: number; payload: P }>> {
    // The item's kind and number are its work item's columns: the key is never taken apart.
    return this.ds.query(
      `SELECT DISTINCT ON (c.to_year, s.item_key) c.to_year AS year, w.item_no AS no, s.payload
         FROM submission_version s JOIN evaluation_cycle c ON c.id = s.cycle_id
         JOIN work_item w ON w.cycle_id = s.cycle_id AND w.item_key = s.item_key
        WHERE c.plan_code = $1 AND c.kind = 'annual' AND c.to_year <= $2 AND s.approved_at IS NOT NULL AND w.item_kind = $3
        ORDER BY c.to_year, s.item_key, s.version DESC`,
      [cycle.planCode, cycle.toYear, kind],
    );
  }

  async reopenCycle({
    cycleId,
    itemKeys,
    deadline,
    hardClose,
  }: {
    cycleId: string;
    itemKeys: string[];
    deadline?: string;
    hardClose?: string;
  }): Promise<ReopenedCycle> {
    const cycle = await this.ds.getRepository(EvaluationCycle).findOneByOrFail({ id: cycleId });
    const definition = cycle.definition as CycleDefinition;
    const { requireBureauAcceptance } = definition;
    const plan = await readPlanFromDatabase(this.ds, cycle.planCode);
    // Only what was approved is reopened; the client refused anything else before the run started.
    const rows = (
      await this.ds.getRepository(WorkItem).find({
        where: { cycleId, itemKey: In(itemKeys) },
        order: { department: 'ASC', itemKind: 'ASC', itemNo: 'ASC' },
      })
    ).filter((r) => r.status === 'approved' || r.status === 'accepted');
    const departments = new Map<string, ReopenedDepartment>();
    for (const r of rows) {
      const d = departments.get(r.department) ?? { department: r.department, itemKeys: [], doneBefore: 0 };
      d.itemKeys.push(r.itemKey);
      if (r.status === 'accepted' || !requireBureauAcceptance) d.doneBefore += 1;
      departments.set(r.department, d);
    }
    const [latest] = await this.ds.query(
      `SELECT timeliness FROM cycle_report WHERE cycle_id = $1 ORDER BY version DESC LIMIT 1`,
      [cycleId],
    );
    // The reopen's own dates (histories from before they were passed give none): its links expire by its hard close.
    const dates = deadline && hardClose ? { deadline: new Date(deadline), hardClose: new Date(hardClose) } : {};
    await this.ds
      .getRepository(EvaluationCycle)
      .update({ id: cycleId }, { status: 'running', closedAt: null, ...dates });
    log.info('cycle reopened', { cycleId, items: rows.length, departments: departments.size });
    return {
      departments: [...departments.values()],
      // As the cycle was launched: the plan's period and thresholds saved with its row.
      years: {
        ...(definition.planPeriod ?? { baselineYear: plan.file.plan.baselineYear, endYear: plan.file.plan.endYear }),
        year: cycle.toYear,
      },
      thresholds: cycleThresholds(definition),
      previousOutcomes: (latest?.timeliness as DepartmentOutcome[] | undefined) ?? [],
    };
  }

  async restoreDepartment({
    cycleId,
    department,
    itemKeys,
  }: {
    cycleId: string;
    department: string;
    itemKeys: string[];
  }): Promise<RestoredDepartment> {
    const rows: Array<{
      item_key: string;
      status: ItemStatus;
      version: number;
      spec: WorkItemSpec;
      first: string | null;
      last: string | null;
      rejections: number;
    }> = await this.ds.query(
      `SELECT w.item_key, w.status, w.version, w.spec,
              (SELECT extract(epoch FROM min(s.submitted_at)) * 1000 FROM submission_version s WHERE s.cycle_id = w.cycle_id AND s.item_key = w.item_key) AS first,
              (SELECT extract(epoch FROM max(s.submitted_at)) * 1000 FROM submission_version s WHERE s.cycle_id = w.cycle_id AND s.item_key = w.item_key) AS last,
              (SELECT count(*)::int FROM item_event e WHERE e.cycle_id = w.cycle_id AND e.item_key = w.item_key AND e.type IN ('review', 'accept') AND e.status_after = 'returned') AS rejections
         FROM work_item w WHERE w.cycle_id = $1 AND w.department = $2 AND w.item_key = ANY($3)
        ORDER BY w.item_kind, w.item_no`,
      [cycleId, department, itemKeys],
    );
    const seqs: Array<{ audience: string; event: string; seq: number }> = await this.ds.query(
      `SELECT audience, event, max(seq)::int AS seq FROM notice WHERE cycle_id = $1 AND department = $2 GROUP BY audience, event`,
      [cycleId, department],
    );
    const time = (v: string | null) => (v === null ? null : Math.round(Number(v)));
    const items: ItemState[] = rows.map((r) => ({
      key: r.item_key,
      status: r.status,
      version: r.version,
      draft: null,
      firstSubmittedAt: time(r.first),
      lastSubmittedAt: time(r.last),
      doneAt: null,
      rejections: r.rejections,
      contributions: [],
    }));
    return {
      specs: rows.map((r) => r.spec),
      items,
      noticeSeq: Object.fromEntries(seqs.map((s) => [`${s.audience}/${s.event}`, s.seq])),
    };
  }
}
