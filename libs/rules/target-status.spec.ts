import type { ProgressStatus } from './progress';
import { judgeTarget } from './target-status';

describe('judgeTarget: a main target from the indicators that measure it', () => {
  it.each<[string, ProgressStatus[], ProgressStatus | null]>([
    ['no indicator measures it: not judged', [], null],
    ['one indicator: its status', ['on_track'], 'on_track'],
    ['a met requirement and an achieved point: the requirement', ['achieved', 'requirement_met'], 'requirement_met'],
    ['achieved but one measure unreported: no data', ['achieved', 'no_data'], 'no_data'],
    ['one measure lagging outweighs one unreported', ['no_data', 'lagging'], 'lagging'],
    ['slightly behind and on track: slightly behind', ['on_track', 'slightly_behind'], 'slightly_behind'],
    ['lagging and slightly behind: lagging', ['slightly_behind', 'lagging', 'achieved'], 'lagging'],
  ])('%s', (_, statuses, expected) => {
    expect(judgeTarget(statuses)).toBe(expected);
  });
});
