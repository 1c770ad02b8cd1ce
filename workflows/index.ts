/** Every workflow the worker runs; this file is the entry of the workflow bundle. */
export { evaluationCycle } from './evaluation-cycle.workflow';
export { departmentCycle } from './department-cycle.workflow';
export { scheduledCycleLaunch } from './scheduled-launch.workflow';
export { reportReview } from './report-review.workflow';
export { targetAdjustment } from './target-adjustment.workflow';
