/**
 * `GET /api/cycles/:id/live` answers 200 with what is known so far, from the
 * launch on, through HTTP against the real Temporal dev server (in real time:
 * the time-skipping test server starts child workflows in step with their
 * parent, so the gap after a launch never shows there) and PostgreSQL.
 *
 * A cycle names its departments before their workflows have started, in
 * batches; asked in between, the live view used to ask a workflow that did not
 * exist yet and answer 500 (WorkflowNotFound). Asked at once and again until
 * every department runs, it now answers 200 each time, a department not yet
 * started shown as `starting`. The gap is milliseconds wide, so the second test
 * makes it last: one department's workflow is deleted from the server, which
 * leaves the cycle naming a department with no workflow to ask, the state
 * right after a launch. (Its cycle's workflow then fails, its child gone; the
 * live view reads what each workflow last held all the same, which is all the
 * test looks at.)
 */
import { departmentWorkflowId } from '@libs/cycle/cycle-definition';
import { createApiHarness, type ApiHarness } from '../support/api-harness';

const enc = encodeURIComponent;
/** 市统计局: indicators 1 and 4, both to do and (deadline a month away) not overdue. */
const DELETED = 'city-statistics';

describe('the live view of a cycle whose departments are starting', () => {
  let h: ApiHarness;
  let stopWorker: () => Promise<void>;
  let cycleId: string;
  let departments: number;

  beforeAll(async () => {
    h = await createApiHarness('dev-server');
    stopWorker = await h.startWorker();
  });
  afterAll(async () => {
    await stopWorker?.();
    await h?.close();
  });

  const live = () =>
    h
      .http()
      .get(`/api/cycles/${enc(cycleId)}/live`)
      .set('Authorization', `Bearer ${h.tokens.viewer}`);

  it('answers 200 from the moment of the launch until every department runs', async () => {
    const { itemKinds, ...definition } = await h.definition({
      fromYear: 2022,
      toYear: 2022,
      deadlineInDays: 30,
      hardCloseInDays: 60,
    });
    const launched = await h
      .http()
      .post('/api/cycles')
      .set('Authorization', `Bearer ${h.tokens.admin}`)
      .send({ ...definition, itemKinds })
      .expect(201);
    ({ cycleId, departments } = launched.body);
    const statuses = new Set<number>();
    const phases = new Set<string>();
    for (let i = 0; i < 400; i++) {
      const answer = await live();
      statuses.add(answer.status);
      if (answer.status !== 200) break;
      for (const d of answer.body.departments) phases.add(d.phase);
      if (
        answer.body.phase === 'collecting' &&
        answer.body.departments.filter((d: { phase: string }) => d.phase === 'running').length === departments
      )
        break;
    }
    expect([...statuses]).toEqual([200]);
    expect(phases).toContain('running');
    // Whether a department was caught `starting` depends on timing; that it never made a 500 does not.
    expect([...phases].every((p) => p === 'running' || p === 'starting')).toBe(true);
  });

  it('shows a department the cycle names but whose workflow is not there as starting, and counts the rest', async () => {
    const before = (await live().expect(200)).body;
    const workflowId = departmentWorkflowId(cycleId, DELETED);
    await h.env.client.workflowService.deleteWorkflowExecution({
      namespace: h.env.namespace ?? 'default',
      workflowExecution: { workflowId },
    });
    // Deletion is asynchronous on the server: wait until the workflow is gone.
    for (let i = 0; i < 100; i++) {
      const gone = await h.env.client.workflow
        .getHandle(workflowId)
        .describe()
        .then(
          () => false,
          () => true,
        );
      if (gone) break;
      await new Promise((r) => setTimeout(r, 100));
    }

    const answer = await live().expect(200);
    expect(answer.body.phase).toBe('collecting');
    expect(answer.body.departments).toContainEqual({ department: DELETED, phase: 'starting' });
    expect(answer.body.departments).toHaveLength(departments);
    expect(answer.body.departments.filter((d: { phase: string }) => d.phase === 'running')).toHaveLength(
      departments - 1,
    );
    // Its two items to do are not counted while it starts; every other department's are.
    expect(answer.body.counts.assigned).toBe(before.counts.assigned - 2);
    // The portal's overview reads the same live view for each department's deadline.
    await h
      .http()
      .get(`/api/cycles/${enc(cycleId)}/overview`)
      .set('Authorization', `Bearer ${h.tokens.viewer}`)
      .expect(200);
  });
});
