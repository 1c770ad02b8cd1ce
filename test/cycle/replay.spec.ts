/**
 * Histories recorded from real cycle runs (committed under test/histories)
 * must replay against today's workflow code: a change that breaks determinism
 * for cycles already running fails here, in CI, not in production.
 * Re-record with `RECORD_HISTORIES=1 npx jest test/cycle/annual-cycle test/cycle/reopen-closed`
 * after a deliberate, versioned change (`patched()`), keeping the earlier
 * recordings beside the new ones under a suffix naming what changed
 * (`_awaited-record`: before record-after-answer; `_load-then-assign`: before
 * assign-in-one-step; `_wake-every-command`: before wake-when-sooner;
 * `_department-assigns`: before the cycle started departments with their
 * item keys and sent the assignments itself), so every branch replays.
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
        return { workflowId: recorded.workflowId as string, history: temporal.api.history.v1.History.fromObject(recorded.history) };
      }),
    );
    const replayed: string[] = [];
    for await (const result of Worker.runReplayHistories({ workflowsPath: WORKFLOWS_PATH, bundlerOptions: workflowBundlerOptions }, histories)) {
      expect({ workflowId: result.workflowId, error: result.error }).toEqual({ workflowId: result.workflowId, error: undefined });
      replayed.push(result.workflowId);
    }
    expect(replayed).toHaveLength(files.length);
  });
});
