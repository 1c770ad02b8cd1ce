/**
 * Histories recorded from real cycle runs (committed under test/histories)
 * must replay against today's workflow code: a change that breaks determinism
 * for cycles already running fails here, in CI, not in production.
 * Re-record with `RECORD_HISTORIES=1 npx jest --runInBand test/cycle/annual-cycle test/cycle/reopen-closed test/api/report-review`.
 * Until the first release there are no running cycles to protect, so a change
 * re-records them. From the first release on, a released version's recordings
 * stay: a change that alters the commands a workflow issues ships as a new
 * build (Worker Versioning) or behind `patched()`, and its recordings are added beside them.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { workflowBundlerOptions, WORKFLOWS_PATH } from '../../apps/worker/src/workflow-bundle';

const DIR = join(__dirname, '../histories');

describe('recorded cycle histories', () => {
  it('replay cleanly with the current workflow code', async () => {
    const files = (await readdir(DIR)).filter((f) => f.endsWith('.json')).sort();
    expect(files.length).toBeGreaterThanOrEqual(3);
    const histories = await Promise.all(
      files.map(async (f) => {
        const recorded = JSON.parse(await readFile(join(DIR, f), 'utf8'));
        return {
          workflowId: recorded.workflowId as string,
          history: temporal.api.history.v1.History.fromObject(recorded.history),
        };
      }),
    );
    const replayed: string[] = [];
    for await (const result of Worker.runReplayHistories(
      { workflowsPath: WORKFLOWS_PATH, bundlerOptions: workflowBundlerOptions },
      histories,
    )) {
      expect({ workflowId: result.workflowId, error: result.error }).toEqual({
        workflowId: result.workflowId,
        error: undefined,
      });
      replayed.push(result.workflowId);
    }
    expect(replayed).toHaveLength(files.length);
  });
});
