import { checkProjectReport, judgeProject, type ProjectReport } from './project-status';
import { THRESHOLD_PRESETS } from './thresholds';

const t = THRESHOLD_PRESETS.time_elapsed;
const r = (investmentCumulative: number, constructionStatus: ProjectReport['constructionStatus']): ProjectReport => ({
  investmentCumulative,
  constructionStatus,
});

describe('judgeProject: a major project against time elapsed (worked by hand)', () => {
  it.each<[string, number | null, ProjectReport | null, ProjectReport | null, number, ReturnType<typeof judgeProject>]>(
    [
      [
        'nothing approved',
        10_000,
        null,
        null,
        0.6,
        { status: 'no_data', completionShare: null, ratio: null, flags: [] },
      ],
      // The demo's case: 1,130 of 10,000 万元 (11.3 %) at 60 % of the time: 0.113 / 0.6 = 0.1883.
      [
        '11.3 % invested at 60 % of the time',
        10_000,
        r(1130, 'under_construction'),
        null,
        0.6,
        { status: 'lagging', completionShare: 0.113, ratio: 0.1883, flags: [] },
      ],
      [
        '60 % at 60 %: on track',
        10_000,
        r(6000, 'under_construction'),
        null,
        0.6,
        { status: 'on_track', completionShare: 0.6, ratio: 1, flags: [] },
      ],
      [
        '54 % at 60 % (ratio 0.9): slightly behind',
        10_000,
        r(5400, 'under_construction'),
        null,
        0.6,
        { status: 'slightly_behind', completionShare: 0.54, ratio: 0.9, flags: [] },
      ],
      [
        '47.4 % at 60 % (ratio 0.79): lagging',
        10_000,
        r(4740, 'under_construction'),
        null,
        0.6,
        { status: 'lagging', completionShare: 0.474, ratio: 0.79, flags: [] },
      ],
      [
        'completed with little money: achieved whatever the money says',
        10_000,
        r(2000, 'completed'),
        null,
        0.6,
        { status: 'achieved', completionShare: 0.2, ratio: 0.3333, flags: [] },
      ],
      [
        'all the money, still under construction: on track, flagged',
        10_000,
        r(10_000, 'under_construction'),
        null,
        0.6,
        { status: 'on_track', completionShare: 1, ratio: 1.6667, flags: ['invested_not_completed'] },
      ],
      [
        'no planned investment, under construction',
        null,
        r(500, 'under_construction'),
        null,
        0.6,
        { status: 'on_track', completionShare: null, ratio: null, flags: [] },
      ],
      [
        'no planned investment, still preparing after mid-term',
        0,
        r(0, 'preparing'),
        null,
        0.6,
        { status: 'lagging', completionShare: null, ratio: null, flags: [] },
      ],
      [
        'no planned investment, not started in year 1',
        null,
        r(0, 'not_started'),
        null,
        0.2,
        { status: 'slightly_behind', completionShare: null, ratio: null, flags: [] },
      ],
      [
        '在建 → 前期工作 and less money than last year',
        10_000,
        r(3000, 'preparing'),
        r(3500, 'under_construction'),
        0.6,
        { status: 'lagging', completionShare: 0.3, ratio: 0.5, flags: ['status_regressed', 'investment_decreased'] },
      ],
      [
        'moving forward from last year: no flag',
        10_000,
        r(6500, 'under_construction'),
        r(3500, 'preparing'),
        0.6,
        { status: 'on_track', completionShare: 0.65, ratio: 1.0833, flags: [] },
      ],
    ],
  )('%s', (_, planned, current, previous, elapsed, expected) => {
    expect(judgeProject({ planned, current, previous, elapsed, thresholds: t })).toEqual(expected);
  });

  it('uses the cycle’s thresholds: 47.4 % at 60 % is slightly behind under the traffic light', () => {
    expect(
      judgeProject({
        planned: 10_000,
        current: r(4740, 'under_construction'),
        previous: null,
        elapsed: 0.6,
        thresholds: THRESHOLD_PRESETS.traffic_light,
      }).status,
    ).toBe('slightly_behind');
  });
});

describe('checkProjectReport: a report against the previous approved one', () => {
  const previous = { year: 2021, investmentCumulative: 5000, constructionStatus: 'under_construction' as const };
  it.each<[string, ProjectReport & { narrative?: string }, typeof previous | null, string[]]>([
    ['nothing approved before', { investmentCumulative: 0, constructionStatus: 'not_started' }, null, []],
    ['more spent, same status', { investmentCumulative: 7000, constructionStatus: 'under_construction' }, previous, []],
    ['the same cumulative', { investmentCumulative: 5000, constructionStatus: 'completed' }, previous, []],
    [
      'cumulative below the previous',
      { investmentCumulative: 4000, constructionStatus: 'under_construction' },
      previous,
      ['investmentCumulative'],
    ],
    [
      'status backwards without a reason',
      { investmentCumulative: 6000, constructionStatus: 'preparing' },
      previous,
      ['narrative'],
    ],
    [
      'status backwards with only spaces for a reason',
      { investmentCumulative: 6000, constructionStatus: 'not_started', narrative: '  ' },
      previous,
      ['narrative'],
    ],
    [
      'status backwards with its reason',
      { investmentCumulative: 6000, constructionStatus: 'preparing', narrative: '设计变更，重新办理施工许可' },
      previous,
      [],
    ],
    [
      'both at once',
      { investmentCumulative: 100, constructionStatus: 'preparing' },
      previous,
      ['investmentCumulative', 'narrative'],
    ],
  ])('%s', (_, current, before, fields) => {
    const problems = checkProjectReport(current, before);
    expect(problems.map((p) => p.field)).toEqual(fields);
    for (const p of problems) expect(p.zh).toContain('2021');
  });
});
