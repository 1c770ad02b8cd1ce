import { cycleForLaunch, periodProblems, planCalendar, proposedYears } from './calendar';
import type { CycleKind } from './cycle-definition';

const HEYUAN = { code: 'heyuan-public-services-2021-2025', startYear: 2021, endYear: 2025 };

describe('planCalendar', () => {
  it.each([
    [HEYUAN, 2023, [2021, 2022], 2026],
    [{ code: 'another-2026-2030', startYear: 2026, endYear: 2030 }, 2028, [2026, 2027], 2031],
  ])('dates the evaluations of %j from its years', (plan, midtermYear, [fromYear, toYear], finalYear) => {
    const calendar = planCalendar(plan);
    expect(calendar.planCode).toBe(plan.code);
    expect([calendar.firstYear, calendar.lastYear]).toEqual([plan.startYear, plan.endYear]);
    expect(calendar.midterm).toMatchObject({ year: midtermYear, fromYear, toYear });
    expect(calendar.final).toMatchObject({ year: finalYear, fromYear: plan.startYear, toYear: plan.endYear });
  });
});

describe('cycleForLaunch', () => {
  const calendar = planCalendar(HEYUAN);
  it.each<[string, CycleKind, string, [number, number]]>([
    // 2022-03-01 09:00 Shanghai is 01:00 UTC: annual monitoring of 2021.
    ['annual, March 2022', 'annual', '2022-03-01T01:00:00Z', [2021, 2021]],
    // 2025-12-31 20:00 UTC is already 2026-01-01 in Shanghai: the year is Shanghai's.
    ['annual, new year in Shanghai only', 'annual', '2025-12-31T20:00:00Z', [2025, 2025]],
    ['mid-term', 'midterm', '2023-07-01T01:00:00Z', [2021, 2022]],
    ['final', 'final', '2026-06-01T01:00:00Z', [2021, 2025]],
  ])('%s', (_label, kind, launchedAt, [fromYear, toYear]) => {
    const launch = Date.parse(launchedAt);
    const d = cycleForLaunch(kind, calendar, launch);
    expect([d.kind, d.fromYear, d.toYear]).toEqual([kind, fromYear, toYear]);
    expect(Date.parse(d.deadline) - launch).toBe(60 * 86_400_000);
    expect(Date.parse(d.hardClose) - launch).toBe(120 * 86_400_000);
  });
});

describe('the years a launch covers, from the plan’s calendar', () => {
  const NEXT = { code: 'another-2026-2030', startYear: 2026, endYear: 2030 };
  it.each<[string, typeof HEYUAN, CycleKind, number, [number, number]]>([
    ['annual: last year', HEYUAN, 'annual', 2024, [2023, 2023]],
    ['annual: before the plan, its first year', HEYUAN, 'annual', 2021, [2021, 2021]],
    ['annual: after the plan, its last year', HEYUAN, 'annual', 2027, [2025, 2025]],
    ['mid-term: the first three years', HEYUAN, 'midterm', 2024, [2021, 2023]],
    ['mid-term of another plan', NEXT, 'midterm', 2024, [2026, 2028]],
    ['final: the whole period', HEYUAN, 'final', 2026, [2021, 2025]],
    ['final of another plan', NEXT, 'final', 2026, [2026, 2030]],
  ])('proposed, %s', (_label, plan, kind, currentYear, [fromYear, toYear]) => {
    expect(proposedYears(kind, planCalendar(plan), currentYear)).toEqual({ fromYear, toYear });
  });

  const calendar = planCalendar(HEYUAN);
  it.each<[string, CycleKind, number, number, Array<'fromYear' | 'toYear'>]>([
    ['annual within the plan', 'annual', 2023, 2023, []],
    ['annual of the baseline year', 'annual', 2020, 2020, ['fromYear', 'toYear']],
    ['annual after the plan', 'annual', 2026, 2026, ['fromYear', 'toYear']],
    ['mid-term of the first two years (the calendar’s own)', 'midterm', 2021, 2022, []],
    ['mid-term of the first three years', 'midterm', 2021, 2023, []],
    ['mid-term of one year', 'midterm', 2021, 2021, ['toYear']],
    ['mid-term of four years', 'midterm', 2021, 2024, ['toYear']],
    ['mid-term not from the first year', 'midterm', 2022, 2023, ['fromYear']],
    ['final of the whole period', 'final', 2021, 2025, []],
    ['final short of the last year', 'final', 2021, 2024, ['toYear']],
    ['final of another period', 'final', 2016, 2020, ['fromYear', 'toYear']],
  ])('checked, %s', (_label, kind, fromYear, toYear, fields) => {
    expect(periodProblems({ kind, fromYear, toYear }, calendar).map((p) => p.field)).toEqual(fields);
  });

  it('says what the years must be, in both languages, with the plan’s period', () => {
    expect(periodProblems({ kind: 'midterm', fromYear: 2021, toYear: 2025 }, calendar)).toEqual([
      {
        field: 'toYear',
        zh: '中期评估的结束年份应在2022–2023年之间，而不是2025年（规划期2021–2025年）',
        en: 'the mid-term evaluation’s last year must lie between 2022 and 2023, not 2025 (the plan covers 2021–2025)',
      },
    ]);
    expect(periodProblems({ kind: 'final', fromYear: 2022, toYear: 2025 }, calendar)[0]).toMatchObject({
      field: 'fromYear',
      zh: '总结评估的起始年份应为2021年，而不是2022年（规划期2021–2025年）',
    });
  });
});
