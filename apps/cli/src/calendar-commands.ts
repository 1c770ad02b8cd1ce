/**
 * The evaluation calendar from the command line: its Temporal Schedules made
 * (or brought in line with the plan's period), shown, paused and resumed,
 * each change audited with the bureau as the actor.
 */
import { Option, type Command } from 'commander';
import { loadConfig } from '@libs/config/config';
import { CYCLE_KIND_LABELS, CYCLE_KINDS, type CycleKind } from '@libs/cycle/cycle-definition';
import {
  describeEvaluationCalendar,
  ensureEvaluationCalendar,
  setEvaluationCalendarPaused,
  storedPlanCalendar,
  type CalendarChange,
  type CalendarScheduleState,
} from '@libs/temporal/calendar-client';
import { audit, byOption, withTemporal } from './bureau-commands';

const CHANGE_LABELS: Record<CalendarChange, string> = {
  created: '已创建 (created)',
  updated: '已更新 (updated)',
  unchanged: '未变 (unchanged)',
};
const STATE_LABELS: Record<CalendarScheduleState, string> = {
  absent: '未创建 (absent)',
  active: '运行中 (active)',
  paused: '已暂停 (paused)',
};
const shanghai = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  dateStyle: 'medium',
  timeStyle: 'short',
});
const kindLabel = (kind: CycleKind) => `${CYCLE_KIND_LABELS[kind].zh} (${kind})`;
const planOption = () =>
  new Option('-p, --plan <code>', '规划代码，库中只有一个规划时可省略 (plan code; optional with one plan)');

export function registerCalendarCommands(program: Command): void {
  const calendar = program
    .command('calendar')
    .description(
      '评估日历：按规划期自动发起年度监测、中期评估、总结评估 (the evaluation calendar: Temporal Schedules)',
    );

  calendar
    .command('ensure')
    .description('创建评估日历，或按规划期更新 (create the calendar, or bring it in line with the plan’s period)')
    .addOption(planOption())
    .addOption(byOption())
    .action((o: { plan?: string; by: string }) =>
      withTemporal(async (client, ds) => {
        const cal = await storedPlanCalendar(ds, o.plan);
        const changes = await ensureEvaluationCalendar(client, loadConfig('temporal').TEMPORAL_TASK_QUEUE, cal);
        await audit(ds, o.by, 'calendar_ensure', cal.planCode, changes, 'plan');
        console.log(`评估日历 (evaluation calendar) ${cal.planCode}`);
        for (const kind of CYCLE_KINDS) console.log(`  ${kindLabel(kind)}: ${CHANGE_LABELS[changes[kind]]}`);
        await printSchedules(client, cal.planCode);
      }),
    );

  calendar
    .command('show')
    .description('评估日历的状态、下次与最近的发起 (each schedule’s state, next and recent launches)')
    .addOption(planOption())
    .addOption(new Option('--format <format>', '输出格式 (output)').choices(['table', 'json']).default('table'))
    .action((o: { plan?: string; format: string }) =>
      withTemporal(async (client, ds) => {
        const { planCode } = await storedPlanCalendar(ds, o.plan);
        if (o.format === 'json')
          return void console.log(JSON.stringify(await describeEvaluationCalendar(client, planCode), null, 2));
        console.log(`评估日历 (evaluation calendar) ${planCode}`);
        await printSchedules(client, planCode);
      }),
    );

  for (const [name, paused, zh, en] of [
    ['pause', true, '暂停', 'pause'],
    ['resume', false, '恢复', 'resume'],
  ] as const)
    calendar
      .command(name)
      .description(`${zh}评估日历的自动发起 (${en} the calendar’s launches), 全部或一类 (all kinds or one)`)
      .addOption(planOption())
      .addOption(new Option('-k, --kind <kind>', '评估类型 (kind)').choices(CYCLE_KINDS))
      .requiredOption('--reason <text>', '原因，记入日历与审计日志 (why: kept with the schedule and audited)')
      .addOption(byOption())
      .action((o: { plan?: string; kind?: CycleKind; reason: string; by: string }) =>
        withTemporal(async (client, ds) => {
          const { planCode } = await storedPlanCalendar(ds, o.plan);
          const kinds = await setEvaluationCalendarPaused(
            client,
            planCode,
            paused,
            o.reason,
            o.kind ? [o.kind] : CYCLE_KINDS,
          );
          await audit(ds, o.by, `calendar_${name}`, planCode, { kinds, reason: o.reason }, 'plan');
          console.log(
            kinds.length > 0
              ? `已${zh} (${en}d): ${kinds.map(kindLabel).join(', ')}`
              : '评估日历尚未创建，请先运行 plan-eval calendar ensure (no calendar yet: run plan-eval calendar ensure)',
          );
        }),
      );
}

async function printSchedules(client: Parameters<typeof describeEvaluationCalendar>[0], planCode: string) {
  for (const s of await describeEvaluationCalendar(client, planCode)) {
    console.log(`${kindLabel(s.kind)} · ${STATE_LABELS[s.state]}${s.note ? ` · ${s.note}` : ''}`);
    for (const at of s.nextLaunches) console.log(`  下次发起 (next launch) ${shanghai.format(at)}`);
    if (s.state !== 'absent' && s.nextLaunches.length === 0)
      console.log('  规划期内已无下次发起 (no launch left in the plan period)');
    for (const l of s.recentLaunches) console.log(`  已发起 (launched) ${shanghai.format(l.takenAt)} → ${l.cycleId}`);
  }
}
