/**
 * The Temporal worker of the cycle workflows, built the same way by the
 * worker app, the demo and the tests.
 */
import {
  Worker,
  type ActivityInterceptorsFactory,
  type NativeConnection,
  type WorkflowBundleOption,
} from '@temporalio/worker';
import type { DataConverter, Duration } from '@temporalio/common';
import type { CycleActivities } from '@libs/cycle/activities-contract';
import type { AdjustmentActivities } from '@libs/cycle/adjustment-activities';
import type { ReviewActivities } from '@libs/cycle/review-activities';
import { workflowBundlerOptions, WORKFLOWS_PATH } from './workflow-bundle';

export { WORKFLOWS_PATH } from './workflow-bundle';

export interface CycleWorkerOptions {
  connection: NativeConnection;
  namespace?: string;
  taskQueue: string;
  activities: CycleActivities;
  /** The target adjustments' approval (workflows/target-adjustment.workflow.ts); absent: no such workflow runs here. */
  adjustments?: AdjustmentActivities;
  /** The report's review after close (workflows/report-review.workflow.ts); absent: no review runs here. */
  review?: ReviewActivities;
  /** The installation's converter (payload encryption); the SDK's default when absent. */
  dataConverter?: DataConverter;
  /** A prebuilt bundle (production: its code or a file path); without one the workflows are bundled from source at start. */
  workflowBundle?: WorkflowBundleOption;
  /** Metrics and the like around every activity execution. */
  activityInterceptors?: ActivityInterceptorsFactory[];
  /** On shutdown: how long in-flight activities may finish before they are cancelled, and when to give up. */
  shutdownGraceTime?: Duration;
  shutdownForceTime?: Duration;
  /** 0 replays every workflow task from history (tests that replace the worker midway). */
  maxCachedWorkflows?: number;
}

export function createCycleWorker(options: CycleWorkerOptions): Promise<Worker> {
  const { activities } = options;
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    ...(options.dataConverter ? { dataConverter: options.dataConverter } : {}),
    ...(options.maxCachedWorkflows !== undefined ? { maxCachedWorkflows: options.maxCachedWorkflows } : {}),
    ...(options.activityInterceptors ? { interceptors: { activity: options.activityInterceptors } } : {}),
    ...(options.shutdownGraceTime !== undefined ? { shutdownGraceTime: options.shutdownGraceTime } : {}),
    ...(options.shutdownForceTime !== undefined ? { shutdownForceTime: options.shutdownForceTime } : {}),
    ...(options.workflowBundle
      ? { workflowBundle: options.workflowBundle }
      : { workflowsPath: WORKFLOWS_PATH, bundlerOptions: workflowBundlerOptions }),
    // Bound methods: Temporal calls activities as plain functions.
    activities: {
      prepareCycle: activities.prepareCycle.bind(activities),
      leadItemKeys: activities.leadItemKeys.bind(activities),
      loadDepartmentItems: activities.loadDepartmentItems.bind(activities),
      sendAssignmentNotices: activities.sendAssignmentNotices.bind(activities),
      recordCommands: activities.recordCommands.bind(activities),
      sendNotice: activities.sendNotice.bind(activities),
      closeCycle: activities.closeCycle.bind(activities),
      reopenCycle: activities.reopenCycle.bind(activities),
      restoreDepartment: activities.restoreDepartment.bind(activities),
      recordCycleProblem: activities.recordCycleProblem.bind(activities),
      ...(options.adjustments
        ? {
            recordAdjustmentStep: options.adjustments.recordAdjustmentStep.bind(options.adjustments),
            sendAdjustmentNotice: options.adjustments.sendAdjustmentNotice.bind(options.adjustments),
          }
        : {}),
      ...(options.review ? reviewActivityFunctions(options.review) : {}),
    } satisfies CycleActivities & Partial<AdjustmentActivities> & Partial<ReviewActivities>,
  });
}

/** The review's activities as plain functions, bound to their service. */
function reviewActivityFunctions(review: ReviewActivities): ReviewActivities {
  return {
    openReview: review.openReview.bind(review),
    recordReview: review.recordReview.bind(review),
    sendReviewNotice: review.sendReviewNotice.bind(review),
    compileReportStage: review.compileReportStage.bind(review),
    prepareReviewReopen: review.prepareReviewReopen.bind(review),
    latestReportVersion: review.latestReportVersion.bind(review),
  };
}
