/**
 * The Temporal worker of the cycle workflows, built the same way by the
 * worker app, the demo and the tests.
 */
import { Worker, type NativeConnection, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import type { CycleActivities } from '@libs/cycle/activities-contract';
import { workflowBundlerOptions, WORKFLOWS_PATH } from './workflow-bundle';

export { WORKFLOWS_PATH } from './workflow-bundle';

export interface CycleWorkerOptions {
  connection: NativeConnection;
  namespace?: string;
  taskQueue: string;
  activities: CycleActivities;
  /** A prebuilt bundle (production); without one the workflows are bundled from source at start. */
  workflowBundle?: WorkflowBundleWithSourceMap;
  /** 0 replays every workflow task from history (tests that replace the worker midway). */
  maxCachedWorkflows?: number;
}

export function createCycleWorker(options: CycleWorkerOptions): Promise<Worker> {
  const { activities } = options;
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    ...(options.maxCachedWorkflows !== undefined ? { maxCachedWorkflows: options.maxCachedWorkflows } : {}),
    ...(options.workflowBundle ? { workflowBundle: options.workflowBundle } : { workflowsPath: WORKFLOWS_PATH, bundlerOptions: workflowBundlerOptions }),
    // Bound methods: Temporal calls activities as plain functions.
    activities: {
      prepareCycle: activities.prepareCycle.bind(activities),
      loadDepartmentItems: activities.loadDepartmentItems.bind(activities),
      recordCommand: activities.recordCommand.bind(activities),
      sendNotice: activities.sendNotice.bind(activities),
      closeCycle: activities.closeCycle.bind(activities),
      reopenCycle: activities.reopenCycle.bind(activities),
      restoreDepartment: activities.restoreDepartment.bind(activities),
    } satisfies CycleActivities,
  });
}
