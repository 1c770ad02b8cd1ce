/**
 * Counts what the worker's activities do, for the worker's /metrics: each
 * execution's duration and outcome, and what it means for the cycle (notices
 * by event and delivery status, item commands by type, work items prepared).
 * Activities themselves stay free of metrics code.
 */
import type { ActivityInterceptorsFactory } from '@temporalio/worker';
import type { NoticeInput, NoticeResult, PreparedCycle, RecordCommandInput } from '@libs/cycle/activities-contract';
import type { AppMetrics } from '@libs/observability/metrics';

export function activityMetricsInterceptor(metrics: AppMetrics): ActivityInterceptorsFactory {
  return (ctx) => ({
    inbound: {
      async execute(input, next) {
        const activity = ctx.info.activityType;
        const stop = metrics.activitySeconds.startTimer({ activity });
        try {
          const result = await next(input);
          stop({ outcome: 'completed' });
          recordOutcome(metrics, activity, input.args[0], result);
          return result;
        } catch (e) {
          stop({ outcome: 'failed' });
          throw e;
        }
      },
    },
  });
}

function recordOutcome(metrics: AppMetrics, activity: string, arg: unknown, result: unknown): void {
  if (activity === 'sendNotice')
    metrics.notices.inc({ event: (arg as NoticeInput).event, status: (result as NoticeResult).status });
  else if (activity === 'recordCommands')
    for (const r of arg as RecordCommandInput[]) metrics.itemCommands.inc({ type: r.command.type });
  else if (activity === 'prepareCycle') metrics.workItemsPrepared.inc((result as PreparedCycle).itemCount);
}
