import type { TaskProgress } from '../cycle/submission';
import type { ProgressStatus } from './progress';
import { judgeTask } from './task-status';

// Elapsed shares of a 2021–2025 plan: annual 2021 = 0.2, annual 2022 = 0.4, mid-term 2023 = 0.6, final 2025 = 1.
describe('a task judged from its submitted progress', () => {
  it.each<[TaskProgress | null, number, ProgressStatus]>([
    ['completed', 0.2, 'achieved'],
    ['completed', 0.6, 'achieved'],
    ['completed', 1, 'achieved'],
    ['in_progress', 0.2, 'on_track'],
    ['in_progress', 0.6, 'on_track'],
    ['in_progress', 0.8, 'on_track'],
    ['in_progress', 1, 'slightly_behind'],
    ['not_started', 0.2, 'slightly_behind'],
    ['not_started', 0.4, 'slightly_behind'],
    ['not_started', 0.5, 'lagging'],
    ['not_started', 0.6, 'lagging'],
    ['not_started', 1, 'lagging'],
    ['delayed', 0.2, 'lagging'],
    ['delayed', 1, 'lagging'],
    [null, 0.2, 'no_data'],
    [null, 1, 'no_data'],
  ])('%s at elapsed %d is %s', (progress, elapsed, status) => {
    expect(judgeTask(progress, elapsed)).toBe(status);
  });
});
