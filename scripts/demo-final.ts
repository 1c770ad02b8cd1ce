/**
 * The demo's final evaluation (总结评估, 2021–2025), after its mid-term one:
 * first the annual monitoring cycles of 2021–2024, indicators only (what a
 * final evaluation reads from them), run side by side, every department
 * submitting values along the plan period and its supervisor approving them;
 * then the final cycle, whose own submissions give 2025 (and each 〔〕
 * indicator's five-year total). Its report's series come from the approved
 * annual values; it prints the achievement rates (达标率).
 */
import { readFile } from 'node:fs/promises';
import type { DataSource } from 'typeorm';
import type { CycleDefinition, CycleKind } from '@libs/cycle/cycle-definition';
import { plausibleSubmission } from '@libs/cycle/plausible-submission';
import type { CycleReportFigures } from '@libs/report/cycle-report';
import { elapsedShare } from '@libs/rules/progress';
import type { CycleClient } from '@libs/temporal/cycle-client';
import { actor, itemsByDepartment, log, SECOND, waitForDepartments, waitForReport } from './demo-support';

const PLAN = { code: 'heyuan-public-services-2021-2025', baselineYear: 2020, endYear: 2025 };

/**
 * Launches one cycle of indicators and has every department submit and its
 * supervisor approve; every department done, the cycle closes and writes its
 * report without waiting for the hard close.
 */
async function runCycle(
  cycles: CycleClient,
  ds: DataSource,
  groupResolution: CycleDefinition['groupResolution'],
  kind: CycleKind,
  fromYear: number,
  toYear: number,
): Promise<string> {
  const now = Date.now();
  const { cycleId, departments } = await cycles.launch({
    planCode: PLAN.code,
    kind,
    fromYear,
    toYear,
    deadline: new Date(now + 120 * SECOND).toISOString(),
    hardClose: new Date(now + 240 * SECOND).toISOString(),
    policy: {
      remindBefore: ['60s'],
      overdueAfter: '10s',
      overdueEvery: '60s',
      escalateToSupervisorAfter: '30s',
      escalateToBureauAfter: '60s',
      reviewReminderAfter: '60s',
      reviewReminderEvery: '60s',
      digestWindow: '3s',
    },
    itemKinds: ['indicator'],
    requireBureauAcceptance: false,
    groupResolution,
  });
  await waitForDepartments(cycles, cycleId, departments);
  const byDept = await itemsByDepartment(ds, cycleId);
  // An annual cycle collects a 〔〕 indicator's addition in the year; the final evaluation its five-year total.
  const at = { elapsed: elapsedShare(toYear, PLAN), annual: kind === 'annual' };
  // Request IDs name the cycle: a record is written once per request ID, whichever cycle sends it.
  await Promise.all(
    [...byDept].map(async ([dept, specs]) => {
      for (const spec of specs) {
        await cycles.command(cycleId, dept, `demo/${cycleId}/${dept}/${spec.key}/submit`, actor('submitter', dept), {
          type: 'submit',
          itemKey: spec.key,
          submission: plausibleSubmission(spec, at),
        });
      }
      const keys = specs.map((s) => s.key);
      await cycles.bulkApprove(cycleId, dept, `demo/${cycleId}/${dept}/approve`, actor('supervisor', dept), keys);
    }),
  );
  log('submitted and approved', { cycleId, items: [...byDept.values()].flat().length, departments: byDept.size });
  return cycleId;
}

export async function runAnnualAndFinal(
  cycles: CycleClient,
  ds: DataSource,
  groupResolution: CycleDefinition['groupResolution'],
): Promise<void> {
  const started = Date.now();
  const years = [2021, 2022, 2023, 2024];
  log('run the annual monitoring cycles, indicators only', { years });
  await Promise.all(years.map((y) => runCycle(cycles, ds, groupResolution, 'annual', y, y)));
  log('run the final evaluation 2021–2025');
  // The final evaluation reads the annual cycles' approved values, whether or not their reports are written yet.
  const { path: reportPath } = await waitForReport(
    ds,
    await runCycle(cycles, ds, groupResolution, 'final', 2021, 2025),
  );
  const figures: CycleReportFigures = JSON.parse(await readFile(reportPath, 'utf8'));
  const final = figures.final!;
  console.log(`\n${figures.plan.name} · 总结评估 2021–2025 (final evaluation)`);
  console.log(
    `报告 (report): ${reportPath.replace(/\.json$/, '.{docx,xlsx,html,json}')}\n英文版 (English): ${reportPath.replace(/\.json$/, '.en.{docx,xlsx,html}')}`,
  );
  const pct = (r: number | null) => (r === null ? '—' : `${Math.round(r * 1000) / 10}%`);
  console.table(
    [
      ...final.byCategory,
      { category: '约束性指标 binding', ...final.binding },
      { category: '合计 total', ...final.overall },
    ].map((c) => ({
      类别: c.category,
      指标数: c.count,
      已实现: c.met,
      未实现: c.notMet,
      无数据: c.noData,
      达标率: pct(c.rate),
    })),
  );
  console.log(
    `未实现 (not met): ${final.indicators
      .filter((i) => i.verdict === 'not_met')
      .map((i) => i.no)
      .join('、')}`,
  );
  log('annual cycles and final evaluation done', { seconds: Math.round((Date.now() - started) / 1000) });
}
