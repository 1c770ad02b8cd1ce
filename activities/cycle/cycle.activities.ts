/**
 * The cycle's I/O: PostgreSQL and SMTP. Every method is idempotent, keyed by
 * what the workflow passes (cycle, item, request ID, outbox key), because
 * Temporal retries an activity whenever it is not sure it finished.
 */
import { resolve } from 'node:path';
import { ApplicationFailure, heartbeat, log } from '@temporalio/activity';
import { In, type DataSource } from 'typeorm';
import { directoryContacts, readPlanFromDatabase } from '../../libs/catalog/catalog-read';
import { recipientFor } from '../../libs/catalog/delegations';
import type {
  AssignDepartmentInput,
  AssignedDepartment,
  AssignmentNoticesInput,
  CycleActivities,
  CycleClosing,
  DepartmentOutcome,
  NoticeInput,
  NoticeResult,
  PreparedCycle,
  RecordCommandInput,
  ReopenedCycle,
  RestoredDepartment,
} from '../../libs/cycle/activities-contract';
import type { ItemState, ItemStatus } from '../../libs/cycle/department-state';
import type { ReopenedDepartment } from '../../libs/cycle/reopen';
import { CYCLE_KIND_LABELS, cycleThresholds, type CycleDefinition } from '../../libs/cycle/cycle-definition';
import { planCycle } from '../../libs/cycle/cycle-planning';
import type { Submission, WorkItemSpec } from '../../libs/cycle/submission';
import { TokenSigner } from '../../libs/access/tokens';
import { Mailer, PermanentDeliveryError } from '../../libs/mail/mailer';
import type { Locale } from '../../libs/plan/localized';
import { renderNotice } from '../../libs/mail/notice-message';
import { reportAttachments } from '../../libs/mail/report-attachments';
import {
  CycleReport,
  Department,
  EvaluationCycle,
  Notice,
  WorkItem,
} from '../../libs/persistence/entities';
import { buildCycleReport, type ApprovedSubmission } from '../../libs/report/cycle-report';
import { writeReportFiles } from '../../libs/report/report-files';
import { recordItemCommand } from '../../libs/persistence/item-records';

export interface CycleActivitiesConfig {
  publicUrl: string;
  bureauEmail: string;
  reportsDir: string;
  /** Signs each item's link for its recipient's purpose; see libs/access/tokens. */
  links: { signer: TokenSigner; ttlMs: number };
}

const WORK_ITEM_INSERT_CHUNK = 5_000;
/** Assignment notices in flight at once, as many as the mail transport's pooled connections. */
const ASSIGNMENT_NOTICES_AT_ONCE = 10;

export class CycleActivitiesService implements CycleActivities {
  constructor(
    private readonly ds: DataSource,
    private readonly mailer: Mailer,
    private readonly config: CycleActivitiesConfig,
  ) {}

  async prepareCycle({ cycleId, definition }: { cycleId: string; definition: CycleDefinition }): Promise<PreparedCycle> {
    const plan = await readPlanFromDatabase(this.ds, definition.planCode);
    const result = planCycle(plan, definition, await directoryContacts(this.ds));
    if (!result.ok) {
      throw ApplicationFailure.nonRetryable(result.gaps.map((g) => `${g.zh} (${g.en})`).join('\n'), 'LaunchRefused', result.gaps);
    }
    await this.ds.transaction(async (em) => {
      await em
        .createQueryBuilder()
        .insert()
        .into(EvaluationCycle)
        .values({
          id: cycleId,
          planCode: definition.planCode,
          kind: definition.kind,
          fromYear: definition.fromYear,
          toYear: definition.toYear,
          deadline: new Date(definition.deadline),
          hardClose: new Date(definition.hardClose),
          definition,
        })
        .orIgnore()
        .execute();
      // One statement per 5,000 items, the rows passed as one JSON parameter:
      // TypeORM's multi-row insert took 1.8 s for 10,000 items.
      for (let i = 0; i < result.items.length; i += WORK_ITEM_INSERT_CHUNK) {
        const rows = result.items.slice(i, i + WORK_ITEM_INSERT_CHUNK).map((item) => ({ key: item.key, kind: item.kind, no: item.no, title: item.title, lead: item.leadDepartment, co: item.coDepartments, spec: item }));
        await em.query(
          `INSERT INTO work_item (cycle_id, item_key, item_kind, item_no, title, department, co_departments, spec)
           SELECT $1, r.key, r.kind, r.no, r.title, r.lead, r.co, r.spec
             FROM jsonb_to_recordset($2::jsonb) AS r(key text, kind text, no int, title text, lead text, co text[], spec jsonb)
           ON CONFLICT DO NOTHING`,
          [cycleId, JSON.stringify(rows)],
        );
      }
    });
    log.info('cycle prepared', { cycleId, items: result.items.length, departments: result.departments.length });
    const { baselineYear, endYear } = plan.file.plan;
    const contributors = new Map<string, Array<{ key: string; title: string }>>();
    for (const item of result.items) {
      for (const co of item.coDepartments) contributors.set(co, [...(contributors.get(co) ?? []), { key: item.key, title: item.title }]);
    }
    const leadItems: Record<string, string[]> = Object.fromEntries(result.departments.map((d) => [d, []]));
    // In the order the department's notices list them (as loadDepartmentItems reads them).
    const byKindAndNo = [...result.items].sort((a, b) => (a.kind === b.kind ? a.no - b.no : a.kind < b.kind ? -1 : 1));
    for (const item of byKindAndNo) leadItems[item.leadDepartment].push(item.key);
    return {
      departments: result.departments,
      leadItems,
      itemCount: result.items.length,
      years: { baselineYear, endYear, year: definition.toYear },
      contributors: [...contributors].sort(([a], [b]) => a.localeCompare(b)).map(([department, items]) => ({ department, items })),
    };
  }

  async loadDepartmentItems({ cycleId, department }: { cycleId: string; department: string }): Promise<WorkItemSpec[]> {
    const rows = await this.ds.getRepository(WorkItem).find({ where: { cycleId, department }, order: { itemKind: 'ASC', itemNo: 'ASC' } });
    return rows.map((r) => r.spec as WorkItemSpec);
  }

  /**
   * A new department's items and their assignment notice in one activity: at
   * launch every department would otherwise cost a second activity and a
   * second workflow task before it waits, and on a plan of hundreds of
   * departments those queue ahead of the cycle's own child starts. If the mail
   * cannot go out now the items still come back, so submissions are taken at
   * once, and the workflow sends the notice (the same outbox row) with retries.
   */
  async assignDepartment({ cycleId, department, deadline, at }: AssignDepartmentInput): Promise<AssignedDepartment> {
    const specs = await this.loadDepartmentItems({ cycleId, department });
    if (specs.length === 0) return { specs, assignmentPending: false };
    const items = specs.map((s) => ({ key: s.key, title: s.title, status: 'assigned' as const }));
    try {
      await this.sendNotice({ cycleId, department, audience: 'submitter', event: 'assignment', seq: 1, deadline, at, items });
      return { specs, assignmentPending: false };
    } catch (e) {
      log.warn('assignment notice deferred to the workflow', { cycleId, department, error: (e as Error).message });
      return { specs, assignmentPending: true };
    }
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
    const failed: string[] = [];
    const withItems = departments.filter((d) => itemsOf.has(d));
    for (let i = 0; i < withItems.length; i += ASSIGNMENT_NOTICES_AT_ONCE) {
      const batch = withItems.slice(i, i + ASSIGNMENT_NOTICES_AT_ONCE);
      const results = await Promise.allSettled(
        batch.map((department) =>
          // Each notice sent is a sign of life: a worker that dies mid-way is noticed within the heartbeat timeout.
          this.sendNotice({ cycleId, department, audience: 'submitter', event: 'assignment', seq: 1, deadline, at, items: itemsOf.get(department)! }).finally(() => heartbeat()),
        ),
      );
      results.forEach((r, j) => {
        if (r.status === 'rejected') failed.push(`${batch[j]}: ${(r.reason as Error).message}`);
      });
    }
    if (failed.length > 0) {
      log.warn('assignment notices waiting for the mail server', { cycleId, failed: failed.length, of: withItems.length });
      throw new Error(`${failed.length} of ${withItems.length} assignment notices not sent yet; first: ${failed[0]}`);
    }
  }

  /** Runs that answer an Update only after its record is written (before the record-after-answer patch). */
  async recordCommand(input: RecordCommandInput): Promise<void> {
    await recordItemCommand(this.ds, input);
  }

  /** The records a department's workflow queued after answering, oldest first. */
  async recordCommands(inputs: RecordCommandInput[]): Promise<void> {
    for (const input of inputs) await recordItemCommand(this.ds, input);
  }

  async sendNotice(input: NoticeInput): Promise<NoticeResult> {
    const { recipient, recipientName, departmentName, locale } = await this.recipientOf(input);
    const attachments = await reportAttachments(input.reportPath, locale);
    const cycle = await this.ds.getRepository(EvaluationCycle).findOneByOrFail({ id: input.cycleId });
    const itemLink = this.itemLinks(input, recipient, departmentName);
    const rendered = renderNotice(input, {
      cycleTitle: cycleTitle(cycle), departmentName, publicUrl: this.config.publicUrl, locale, itemLink,
      recipientName,
      attachments: attachments.map((a) => a.filename),
    });
    const repo = this.ds.getRepository(Notice);
    // The outbox row, claimed in one statement: inserted as the first attempt,
    // or counted as one more while still pending; one already sent (or
    // refused) comes back empty, and is not sent again.
    const [row]: Array<{ id: string }> = await this.ds.query(
      `INSERT INTO notice (cycle_id, department, recipient, event, seq, audience, subject, item_keys, attempts)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1)
       ON CONFLICT (cycle_id, department, recipient, event, seq) DO UPDATE SET attempts = notice.attempts + 1 WHERE notice.status = 'pending'
       RETURNING id`,
      [input.cycleId, input.department, recipient, input.event, input.seq, input.audience, rendered.subject, input.items.map((i) => i.key)],
    );
    if (!row) return { status: 'already_sent', recipient };

    const messageId = `<${row.id}@plan-eval>`;
    try {
      const to = { name: recipientName, address: recipient };
      await this.mailer.send({ to, subject: rendered.subject, text: rendered.text, html: rendered.html, messageId, attachments });
    } catch (e) {
      if (e instanceof PermanentDeliveryError) {
        // Never dropped silently: recorded, and shown to the bureau as undeliverable.
        await repo.update(row.id, { status: 'undeliverable', error: e.message });
        log.warn('notice undeliverable', { cycleId: input.cycleId, recipient, event: input.event, error: e.message });
        return { status: 'undeliverable', recipient };
      }
      await repo.update(row.id, { error: (e as Error).message });
      throw e;
    }
    await recordDelivery(() => repo.update(row.id, { status: 'sent', messageId, sentAt: new Date(), error: null }));
    return { status: 'sent', recipient };
  }

  async closeCycle({ cycleId, outcomes, cancelled }: { cycleId: string; outcomes: DepartmentOutcome[]; cancelled: boolean }): Promise<CycleClosing> {
    const cycle = await this.ds.getRepository(EvaluationCycle).findOneByOrFail({ id: cycleId });
    const plan = await readPlanFromDatabase(this.ds, cycle.planCode);
    const approved: ApprovedSubmission[] = (
      await this.ds.query(
        `SELECT DISTINCT ON (item_key) item_key, version, payload, submitted_by, approved_by
           FROM submission_version WHERE cycle_id = $1 AND approved_at IS NOT NULL
          ORDER BY item_key, version DESC`,
        [cycleId],
      )
    ).map((r: { item_key: string; version: number; payload: Submission; submitted_by: string; approved_by: string }) => ({
      itemKey: r.item_key,
      version: r.version,
      payload: r.payload,
      submittedBy: r.submitted_by,
      approvedBy: r.approved_by,
    }));
    const priorAnnual = (
      await this.ds.query(
        `SELECT DISTINCT ON (c.to_year, s.item_key) c.to_year AS year, s.item_key, s.payload
           FROM submission_version s JOIN evaluation_cycle c ON c.id = s.cycle_id
          WHERE c.plan_code = $1 AND c.kind = 'annual' AND c.to_year < $2 AND s.approved_at IS NOT NULL AND s.item_key LIKE 'indicator-%'
          ORDER BY c.to_year, s.item_key, s.version DESC`,
        [cycle.planCode, cycle.toYear],
      )
    ).map((r: { year: number; item_key: string; payload: { value: number | boolean } }) => ({
      indicator: Number(r.item_key.slice('indicator-'.length)),
      year: r.year,
      value: r.payload.value,
    }));
    const { figures, contentHash } = buildCycleReport({
      cycle: { id: cycleId, kind: cycle.kind, fromYear: cycle.fromYear, toYear: cycle.toYear },
      plan,
      approved,
      priorAnnual,
      outcomes,
      // The cycle's own preset, as launched; figures.thresholds records it with the report.
      thresholds: cycleThresholds(cycle.definition as CycleDefinition),
    });

    const reports = this.ds.getRepository(CycleReport);
    const same = await reports.findOneBy({ cycleId, contentHash });
    if (same) return { reportPath: same.path, contentHash, version: same.version };
    const version = (await reports.countBy({ cycleId })) + 1;
    const dir = resolve(this.config.reportsDir, cycleId.replace(/[^A-Za-z0-9-]+/g, '_'));
    const { json: path } = await writeReportFiles(dir, version, figures, contentHash);
    await this.ds.transaction(async (em) => {
      await em.createQueryBuilder().insert().into(CycleReport).values({ cycleId, version, contentHash, path, timeliness: outcomes }).orIgnore().execute();
      await em.update(EvaluationCycle, { id: cycleId }, { status: cancelled ? 'cancelled' : 'closed', closedAt: new Date() });
    });
    log.info('cycle closed', { cycleId, version, contentHash, path });
    return { reportPath: path, contentHash, version };
  }

  /** Submitters' links open the item to fill in, supervisors' to review, co-operating departments' to contribute. */
  private itemLinks(input: NoticeInput, email: string, name: string): ((itemKey: string) => string) | undefined {
    if (input.audience === 'bureau') return undefined;
    const purpose = input.audience === 'supervisor' ? 'review' : input.event === 'contribution_request' ? 'contribute' : 'submit';
    const expiresAt = Date.now() + this.config.links.ttlMs;
    return (itemKey) => {
      const token = this.config.links.signer.link({ purpose, cycleId: input.cycleId, department: input.department, itemKey, email, name }, expiresAt);
      return `${this.config.publicUrl}/l/${token}`;
    };
  }

  async reopenCycle({ cycleId, itemKeys }: { cycleId: string; itemKeys: string[] }): Promise<ReopenedCycle> {
    const cycle = await this.ds.getRepository(EvaluationCycle).findOneByOrFail({ id: cycleId });
    const { requireBureauAcceptance } = cycle.definition as CycleDefinition;
    const plan = await readPlanFromDatabase(this.ds, cycle.planCode);
    // Only what was approved is reopened; the client refused anything else before the run started.
    const rows = (await this.ds.getRepository(WorkItem).find({ where: { cycleId, itemKey: In(itemKeys) }, order: { department: 'ASC', itemKind: 'ASC', itemNo: 'ASC' } }))
      .filter((r) => r.status === 'approved' || r.status === 'accepted');
    const departments = new Map<string, ReopenedDepartment>();
    for (const r of rows) {
      const d = departments.get(r.department) ?? { department: r.department, itemKeys: [], doneBefore: 0 };
      d.itemKeys.push(r.itemKey);
      if (r.status === 'accepted' || !requireBureauAcceptance) d.doneBefore += 1;
      departments.set(r.department, d);
    }
    const [latest] = await this.ds.query(`SELECT timeliness FROM cycle_report WHERE cycle_id = $1 ORDER BY version DESC LIMIT 1`, [cycleId]);
    await this.ds.getRepository(EvaluationCycle).update({ id: cycleId }, { status: 'running', closedAt: null });
    log.info('cycle reopened', { cycleId, items: rows.length, departments: departments.size });
    return {
      departments: [...departments.values()],
      years: { baselineYear: plan.file.plan.baselineYear, endYear: plan.file.plan.endYear, year: cycle.toYear },
      previousOutcomes: (latest?.timeliness as DepartmentOutcome[] | undefined) ?? [],
    };
  }

  async restoreDepartment({ cycleId, department, itemKeys }: { cycleId: string; department: string; itemKeys: string[] }): Promise<RestoredDepartment> {
    const rows: Array<{ item_key: string; status: ItemStatus; version: number; spec: WorkItemSpec; first: string | null; last: string | null; rejections: number }> = await this.ds.query(
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
    return { specs: rows.map((r) => r.spec), items, noticeSeq: Object.fromEntries(seqs.map((s) => [`${s.audience}/${s.event}`, s.seq])) };
  }

  private async recipientOf(input: NoticeInput): Promise<{ recipient: string; recipientName: string; departmentName: string; locale: Locale }> {
    if (input.audience === 'bureau') {
      // An escalation names the department it is about; the bureau's own notices name the bureau.
      const about = input.department === 'bureau' ? null : await this.ds.getRepository(Department).findOneBy({ code: input.department });
      return { recipient: this.config.bureauEmail, recipientName: '市统计局', departmentName: about?.name ?? '市统计局', locale: 'zh-CN' };
    }
    const found = await recipientFor(this.ds, input.department, input.audience, input.at);
    const departmentName = found?.departmentName ?? input.department;
    if (!found?.to) throw ApplicationFailure.nonRetryable(`${departmentName}没有${input.audience}联系人 (no ${input.audience} contact)`, 'MissingContact');
    return { recipient: found.to.email, recipientName: found.to.name, departmentName, locale: found.to.locale };
  }
}

/**
 * Once the SMTP server has accepted a notice, recording that is retried here
 * (PostgreSQL restarting, say) rather than failing the activity: a failed
 * activity is retried from the start and would mail the notice again. Only a
 * crash of the worker between the two leaves a notice to be sent twice, with
 * the same Message-ID, so mail clients show it once.
 */
async function recordDelivery(update: () => Promise<unknown>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await update();
      return;
    } catch (e) {
      if (attempt >= 40) throw e;
      log.warn('recording a sent notice failed; retrying', { attempt, error: (e as Error).message });
      await new Promise((resolve) => setTimeout(resolve, Math.min(500 * 2 ** attempt, 15_000)));
    }
  }
}

function cycleTitle(cycle: EvaluationCycle): { zh: string; en: string } {
  const period = cycle.fromYear === cycle.toYear ? `${cycle.toYear}` : `${cycle.fromYear}–${cycle.toYear}`;
  const label = CYCLE_KIND_LABELS[cycle.kind];
  return { zh: `${period}年${label.zh}`, en: `${label.en} ${period}` };
}
