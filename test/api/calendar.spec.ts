/**
 * The evaluation calendar through HTTP, on the real Temporal dev server (the
 * time-skipping server has no schedules): absent until the bureau creates it,
 * created once and unchanged after, paused and resumed with a reason, each
 * change audited; refusals name the field or say what to do first.
 */
import { importPlan } from '@libs/catalog/catalog-import';
import { readPlanFile } from '@libs/catalog/plan-file-io';
import { calendarScheduleId } from '@libs/temporal/calendar-client';
import { join } from 'node:path';
import { createApiHarness, type AccountName, type ApiHarness } from '../support/api-harness';

const PLAN = 'qingshan-elderly-care-2026-2030';
const PLAN_FILE = join(__dirname, '../fixtures/plans/qingshan-elderly-care-2026-2030.json');

describe('the evaluation calendar through the API', () => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await createApiHarness('dev-server');
    // A plan still running (Heyuan's last launch was in 2026), so there are launches to come.
    await importPlan(h.db.dataSource, await readPlanFile(PLAN_FILE));
  });
  afterAll(() => h?.close());

  const as = (who: AccountName) => ({
    get: (path: string) => h.http().get(path).set('Authorization', `Bearer ${h.tokens[who]}`),
    post: (path: string, body?: object) =>
      h.http().post(path).set('Authorization', `Bearer ${h.tokens[who]}`).send(body),
  });
  const calendar = `/api/plans/${PLAN}/calendar`;
  const states = (body: { schedules: Array<{ kind: string; state: string }> }) =>
    Object.fromEntries(body.schedules.map((s) => [s.kind, s.state]));

  it('is created by the bureau, shows the next launches, and is paused and resumed with a reason', async () => {
    const absent = await as('viewer').get(calendar).expect(200);
    expect(states(absent.body)).toEqual({ annual: 'absent', midterm: 'absent', final: 'absent' });
    const early = await as('admin').post(`${calendar}/pause`, { reason: '暂缓' }).expect(409);
    expect(early.body).toMatchObject({ code: 'calendar_absent', messageEn: expect.stringContaining('create it') });

    await as('submitter').post(calendar).expect(403);
    const created = await as('admin').post(calendar).expect(200);
    expect(created.body.changes).toEqual({ annual: 'created', midterm: 'created', final: 'created' });
    expect(states(created.body)).toEqual({ annual: 'active', midterm: 'active', final: 'active' });
    const byKind = (kind: string) => created.body.schedules.find((s: { kind: string }) => s.kind === kind);
    // 09:00 in Shanghai: the mid-term evaluation on 1 July 2028, the final on 1 June 2031.
    expect(byKind('midterm').nextLaunches).toEqual(['2028-07-01T01:00:00.000Z']);
    expect(byKind('final').nextLaunches).toEqual(['2031-06-01T01:00:00.000Z']);
    expect(byKind('annual').nextLaunches[0]).toMatch(/^20\d\d-03-01T01:00:00.000Z$/);
    expect((await as('admin').post(calendar).expect(200)).body.changes).toEqual({
      annual: 'unchanged',
      midterm: 'unchanged',
      final: 'unchanged',
    });

    const paused = await as('admin').post(`${calendar}/pause`, { kind: 'final', reason: '规划修编中' }).expect(200);
    expect(states(paused.body)).toEqual({ annual: 'active', midterm: 'active', final: 'paused' });
    expect(paused.body.schedules[2]).toMatchObject({ note: '规划修编中' });
    const resumed = await as('admin').post(`${calendar}/resume`, { reason: '修编完成' }).expect(200);
    expect(states(resumed.body)).toEqual({ annual: 'active', midterm: 'active', final: 'active' });

    // A launch taken (triggered now, no worker needed for it to be recorded) names the cycle it stands for.
    await h.env.client.schedule.getHandle(calendarScheduleId(PLAN, 'final')).trigger();
    let final: { recentLaunches: Array<{ cycleId: string; launchWorkflowId: string }> } = { recentLaunches: [] };
    for (let i = 0; i < 50 && final.recentLaunches.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
      final = (await as('viewer').get(calendar).expect(200)).body.schedules[2];
    }
    expect(final.recentLaunches).toEqual([
      expect.objectContaining({
        cycleId: 'cycle/qingshan-elderly-care-2026-2030/final/2026-2030',
        launchWorkflowId: expect.stringContaining('calendar/qingshan-elderly-care-2026-2030/final'),
      }),
    ]);

    const audit = await as('admin').get(`/api/audit?entityType=plan&entityId=${PLAN}`).expect(200);
    expect(audit.body.items.map((e: { action: string }) => e.action).sort()).toEqual([
      'calendar_ensure',
      'calendar_ensure',
      'calendar_pause',
      'calendar_resume',
    ]);
  });

  it('refuses a pause without a reason, an unknown kind, and an unknown plan', async () => {
    const noReason = await as('admin').post(`${calendar}/pause`, {}).expect(400);
    expect(noReason.body.details).toContainEqual(expect.objectContaining({ field: 'reason' }));
    const badKind = await as('admin').post(`${calendar}/pause`, { reason: 'x', kind: 'weekly' }).expect(400);
    expect(badKind.body.details).toContainEqual(expect.objectContaining({ field: 'kind' }));
    await as('admin').get('/api/plans/no-such-plan/calendar').expect(404);
  });
});
