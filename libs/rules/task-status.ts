/**
 * A main task's status in the indicators' vocabulary (已完成, 符合进度, 略滞后,
 * 滞后, 无数据), from the progress its lead department submitted and the share of
 * the plan period elapsed. Pure: no I/O.
 *
 * | submitted progress | before mid-term (elapsed < 0.5) | mid-term on (0.5 ≤ elapsed < 1) | final (elapsed = 1) |
 * |---|---|---|---|
 * | completed 已完成    | achieved        | achieved        | achieved        |
 * | in_progress 推进中  | on_track        | on_track        | slightly_behind |
 * | not_started 未开始  | slightly_behind | lagging         | lagging         |
 * | delayed 滞后        | lagging         | lagging         | lagging         |
 * | nothing approved    | no_data         | no_data         | no_data         |
 *
 * A task not started once half the period has gone fails 时间过半、任务过半; one
 * still under way when the period has ended was not done in time, but is moving.
 */
import type { TaskProgress } from '../cycle/submission';
import type { ProgressStatus } from './progress';

export function judgeTask(progress: TaskProgress | null, elapsed: number): ProgressStatus {
  switch (progress) {
    case null:
      return 'no_data';
    case 'completed':
      return 'achieved';
    case 'in_progress':
      return elapsed >= 1 ? 'slightly_behind' : 'on_track';
    case 'not_started':
      return elapsed >= 0.5 ? 'lagging' : 'slightly_behind';
    case 'delayed':
      return 'lagging';
  }
}
