/**
 * The demo's cycle: a mid-term evaluation (中期评估, 2021–2023) of the Heyuan
 * plan under a policy compressed from months to minutes, with simulated
 * departments: most submit on time, one late, one is rejected and resubmits,
 * one never answers. It waits for the hard close and prints the report and the
 * departments' ranking, runs the report's review to its approved final version
 * (scripts/demo-review.ts), then the annual cycles and the final evaluation
 * (scripts/demo-final.ts).
 */
import { readFile } from 'node:fs/promises';
import { Client, Connection } from '@temporalio/client';
import { loadConfig } from '@libs/config/config';
import type { CycleDefinition } from '@libs/cycle/cycle-definition';
import { plausibleSubmission } from '@libs/cycle/plausible-submission';
import { createDataSource } from '@libs/persistence/data-source';
import { OutboxRepository } from '@libs/persistence/repositories/outbox.repository';
import type { AssessmentRow } from '@libs/report/assessment-figures';
import { ASSESSMENT_COMPONENTS, ASSESSMENT_COMPONENT_LABELS, GRADE_LABELS } from '@libs/rules/department-assessment';
import { STATUS_LABELS } from '@libs/rules/progress';
import { CycleClient } from '@libs/temporal/cycle-client';
import { ReviewClient } from '@libs/temporal/review-client';
import { temporalConnectionOptions, temporalDataConverter } from '@libs/temporal/connection';
import { runAnnualAndFinal } from './demo-final';
import { runReview } from './demo-review';
import { actor, itemsByDepartment, log, SECOND, sleep, waitForDepartments, waitForReport } from './demo-support';

const LATE = 'city-education';
const REJECTED = 'city-disabled-persons';
const NEVER = 'city-veterans';

async function main(): Promise<void> {
  const temporal = loadConfig('temporal');
  const ds = await createDataSource().initialize();
  const connection = await Connection.connect(temporalConnectionOptions(temporal));
  const client = new Client({
    connection,
    namespace: temporal.TEMPORAL_NAMESPACE,
    dataConverter: temporalDataConverter(temporal),
  });
  const cycles = new CycleClient(client, temporal.TEMPORAL_TASK_QUEUE, ds);
  const now = Date.now();
  const definition: CycleDefinition = {
    planCode: 'heyuan-public-services-2021-2025',
    kind: 'midterm',
    fromYear: 2021,
    toYear: 2023,
    deadline: new Date(now + 60 * SECOND).toISOString(),
    hardClose: new Date(now + 150 * SECOND).toISOString(),
    policy: {
      remindBefore: ['30s', '10s'],
      overdueAfter: '10s',
      overdueEvery: '30s',
      escalateToSupervisorAfter: '20s',
      escalateToBureauAfter: '40s',
      reviewReminderAfter: '30s',
      reviewReminderEvery: '30s',
      digestWindow: '3s',
    },
    // Every kind, basic public services too: demo.sh has assigned their departments (plan-eval assign-services).
    itemKinds: ['indicator', 'task', 'project', 'service'],
    requireBureauAcceptance: false,
    groupResolution: {
      相关行业主管部门: ['市卫生健康局', '市教育局', '市民政局'],
      市有关部门: ['市发展改革局', '市财政局'],
    },
  };
  const { cycleId, departments, items } = await cycles.launch(definition);
  log('cycle launched', {
    cycleId,
    departments,
    items,
    deadline: definition.deadline,
    hardClose: definition.hardClose,
    temporalUi: 'http://localhost:8233',
  });

  await waitForDepartments(cycles, cycleId, departments);
  const byDept = await itemsByDepartment(ds, cycleId);

  const submitAll = async (dept: string, round = 1) => {
    for (const spec of byDept.get(dept) ?? []) {
      await cycles.command(cycleId, dept, `demo/${dept}/${spec.key}/submit-${round}`, actor('submitter', dept), {
        type: 'submit',
        itemKey: spec.key,
        submission: plausibleSubmission(spec),
      });
    }
  };
  const approveAll = (dept: string, round = 1) =>
    cycles.bulkApprove(
      cycleId,
      dept,
      `demo/${dept}/approve-${round}`,
      actor('supervisor', dept),
      (byDept.get(dept) ?? []).map((s) => s.key),
    );

  const onTime = [...byDept.keys()].filter((d) => ![LATE, REJECTED, NEVER].includes(d));
  for (const dept of [...onTime, REJECTED]) await submitAll(dept);
  log('on-time departments submitted', { departments: onTime.length + 1 });
  await sleep(5 * SECOND);
  for (const dept of onTime) await approveAll(dept);
  const [firstKey] = (byDept.get(REJECTED) ?? []).map((s) => s.key);
  await cycles.command(cycleId, REJECTED, `demo/${REJECTED}/reject-1`, actor('supervisor', REJECTED), {
    type: 'review',
    itemKey: firstKey,
    decision: 'reject',
    reason: '数据口径与上年不一致，请核实后重报。',
  });
  log('supervisor rejected an item', { department: REJECTED, item: firstKey });
  await sleep(5 * SECOND);
  const spec = byDept.get(REJECTED)!.find((s) => s.key === firstKey)!;
  await cycles.command(cycleId, REJECTED, `demo/${REJECTED}/${firstKey}/submit-2`, actor('submitter', REJECTED), {
    type: 'submit',
    itemKey: firstKey,
    submission: plausibleSubmission(spec),
  });
  await sleep(3 * SECOND);
  await approveAll(REJECTED, 2);
  log('corrected, resubmitted and approved', { department: REJECTED });

  await sleep(Math.max(0, Date.parse(definition.deadline) + 15 * SECOND - Date.now()));
  await submitAll(LATE);
  await sleep(3 * SECOND);
  await approveAll(LATE);
  log('late department submitted after the deadline', { department: LATE });

  log('waiting for the hard close', { hardClose: definition.hardClose, silent: NEVER });
  const report = await waitForReport(ds, cycleId);
  const figures = JSON.parse(await readFile(report.path, 'utf8'));
  const { sent, undeliverable } = await new OutboxRepository(ds).deliveryCounts(cycleId);
  console.log(`\n${figures.plan.name} · 中期评估 2021–2023 (mid-term evaluation)`);
  console.log(
    `报告 (report): ${report.path.replace(/\.json$/, '.{docx,xlsx,html,json}')}\n英文版 (English): ${report.path.replace(/\.json$/, '.en.{docx,xlsx,html}')}\n内容哈希 (content hash): ${report.contentHash}`,
  );
  console.log(`邮件 (notices): ${sent} 已发送 sent, ${undeliverable} 无法投递 undeliverable`);
  console.table(
    Object.entries(figures.summary.byStatus).map(([s, n]) => ({
      状态: STATUS_LABELS[s as keyof typeof STATUS_LABELS].zh,
      status: s,
      指标数: n,
    })),
  );
  console.log(
    `约束性指标未达进度 (binding indicators behind): ${figures.summary.bindingNotOnTrack.join('、') || '无 (none)'}`,
  );
  console.log(`储备项目 (reserve projects): ${JSON.stringify(figures.summary.reserveProjects.byStanding)}`);
  console.table(
    figures.summary.serviceItems.byArea.map(
      (a: { area: string; count: number; byStanding: Record<string, number>; rate: number }) => ({
        服务领域: a.area,
        项目: a.count,
        按标准落实: a.byStanding.implemented,
        部分落实: a.byStanding.partly,
        未落实: a.byStanding.not_implemented,
        未报送: a.byStanding.not_reported,
        '落实率 (rate)': a.rate,
      }),
    ),
  );
  console.table(
    figures.timeliness.map((t: { name: string; timeliness: string; done: number; total: number }) => ({
      部门: t.name,
      及时性: t.timeliness,
      完成: `${t.done}/${t.total}`,
    })),
  );
  console.log('部门考核 (departments’ assessment):');
  console.table(
    (figures.assessment as AssessmentRow[]).map((a) => ({
      名次: a.rank,
      部门: a.name,
      ...Object.fromEntries(ASSESSMENT_COMPONENTS.map((c) => [ASSESSMENT_COMPONENT_LABELS[c].zh, a.components[c]])),
      总分: a.total,
      等级: GRADE_LABELS[a.grade].zh,
    })),
  );
  const review = await runReview(client, new ReviewClient(client, temporal.TEMPORAL_TASK_QUEUE, ds), cycleId, {
    commenting: LATE,
    noComment: REJECTED,
    itemKey: byDept.get(LATE)![0].key,
  });
  console.log(
    `定稿 (final version) v${review.final!.version}, 已审批 approved, 已发送各部门 mailed to ${review.finalMailed.length} departments\n数据哈希 (figures' hash): ${review.final!.contentHash}\n文字哈希 (text hash): ${review.final!.textHash}`,
  );
  await runAnnualAndFinal(cycles, ds, definition.groupResolution);
  await connection.close();
  await ds.destroy();
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
