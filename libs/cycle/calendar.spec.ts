import { cycleForLaunch, planCalendar } from './calendar';
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
