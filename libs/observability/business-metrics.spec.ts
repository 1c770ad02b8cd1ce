import { Registry } from 'prom-client';
import type { ItemStatus } from '@libs/cycle/department-state';
import type { DepartmentItems, OperationsSnapshot } from '@libs/persistence/repositories/operations.repository';
import { BUSINESS_METRICS, businessFigures, registerBusinessMetrics, type BusinessFigures } from './business-metrics';

// "Now" is 10,000 s after the epoch; deadlines are in seconds for reading.
const NOW = 10_000_000;
const at = (seconds: number) => new Date(seconds * 1000);
const row = (cycleId: string, department: string, status: ItemStatus, items: number, deadline: number) =>
  ({ cycleId, department, status, items, deadline: at(deadline) }) satisfies DepartmentItems;
const snapshot = (items: DepartmentItems[], extra: Partial<OperationsSnapshot> = {}): OperationsSnapshot => ({
  runningCycles: [],
  items,
  oldestUnansweredSubmittedAt: null,
  noticesPending: 0,
  noticesUndeliverable: 0,
  itemsNeedingAttention: 0,
  cycleProblems: 0,
  ...extra,
});

describe('business figures: what is overdue, by the dashboard’s rule', () => {
  it.each<[string, DepartmentItems[], number, number]>([
    ['nothing running', [], 0, 0],
    ['owed, deadline passed', [row('c1', 'edu', 'assigned', 3, 9_000)], 3, 1],
    ['owed, deadline exactly now: not yet', [row('c1', 'edu', 'assigned', 3, 10_000)], 0, 0],
    ['owed, within the department’s extension', [row('c1', 'edu', 'draft', 2, 12_000)], 0, 0],
    ['returned and not resubmitted, past the deadline', [row('c1', 'edu', 'returned', 1, 9_000)], 1, 1],
    [
      'submitted, approved or accepted items are not owed',
      [row('c1', 'edu', 'submitted', 4, 1), row('c1', 'edu', 'approved', 5, 1), row('c1', 'edu', 'accepted', 6, 1)],
      0,
      0,
    ],
    [
      'one department owing in two states counts once',
      [row('c1', 'edu', 'assigned', 2, 9_000), row('c1', 'edu', 'returned', 1, 9_000)],
      3,
      1,
    ],
    [
      'the same department in two running cycles counts in each',
      [row('c1', 'edu', 'assigned', 1, 9_000), row('c2', 'edu', 'assigned', 1, 9_000)],
      2,
      2,
    ],
  ])('%s', (_case, items, overdueItems, overdueDepartments) => {
    expect(businessFigures(snapshot(items), NOW)).toMatchObject({ overdueItems, overdueDepartments });
  });

  it('counts items by state, every state present (0 when none), and cycles by kind', () => {
    const figures = businessFigures(
      snapshot(
        [row('c1', 'edu', 'assigned', 2, 1), row('c1', 'health', 'assigned', 1, 1), row('c2', 'edu', 'approved', 4, 1)],
        {
          runningCycles: [{ kind: 'annual', cycles: 2 }],
        },
      ),
      NOW,
    );
    expect(figures.itemsByStatus).toEqual({
      assigned: 3,
      draft: 0,
      submitted: 0,
      returned: 0,
      approved: 4,
      accepted: 0,
    });
    expect(figures.runningCycles).toEqual({ annual: 2, midterm: 0, final: 0 });
  });

  it.each<[string, Date | null, number]>([
    ['nothing waits for review', null, 0],
    ['waiting an hour', at(10_000 - 3_600), 3_600],
    ['submitted “after” now by a clock a little ahead: not negative', at(10_001), 0],
  ])('oldest unanswered submission: %s', (_case, oldest, seconds) => {
    expect(
      businessFigures(snapshot([], { oldestUnansweredSubmittedAt: oldest }), NOW).oldestUnansweredSubmissionSeconds,
    ).toBe(seconds);
  });
});

describe('business gauges', () => {
  const figures: BusinessFigures = businessFigures(
    snapshot([row('c1', 'edu', 'assigned', 2, 9_000)], {
      runningCycles: [{ kind: 'midterm', cycles: 1 }],
      oldestUnansweredSubmittedAt: at(9_990),
      noticesPending: 4,
      noticesUndeliverable: 1,
      itemsNeedingAttention: 2,
      cycleProblems: 1,
    }),
    NOW,
  );

  it('render every figure, reading once per scrape however many gauges ask', async () => {
    const registry = new Registry();
    let reads = 0;
    registerBusinessMetrics(registry, async () => (reads++, figures));
    const page = await registry.metrics();
    expect(reads).toBe(1);
    for (const line of [
      'plan_eval_cycles_running{kind="midterm"} 1',
      'plan_eval_cycles_running{kind="final"} 0',
      'plan_eval_cycle_items{status="assigned"} 2',
      'plan_eval_cycle_items{status="accepted"} 0',
      'plan_eval_overdue_items 2',
      'plan_eval_overdue_departments 1',
      'plan_eval_oldest_unanswered_submission_seconds 10',
      'plan_eval_notices_pending 4',
      'plan_eval_notices_undeliverable 1',
      'plan_eval_items_needing_attention 2',
      'plan_eval_cycle_problems 1',
    ])
      expect(page).toContain(line);
    expect(Object.keys(BUSINESS_METRICS).every((name) => page.includes(`# TYPE ${name} gauge`))).toBe(true);
    await registry.metrics();
    expect(reads).toBe(2);
  });

  it('show no figure, not a wrong one, when the read fails, and the page is still served', async () => {
    const registry = new Registry();
    registerBusinessMetrics(registry, () => Promise.reject(new Error('connection refused')));
    const page = await registry.metrics();
    expect(page).toContain('plan_eval_overdue_items Nan'); // prom-client's spelling, which Prometheus reads as NaN
    expect(page).not.toMatch(/^plan_eval_cycle_items\{/m);
  });
});
