import { evidenceAttachRefusal } from './evidence-attach';

describe('evidenceAttachRefusal', () => {
  it.each<[string, 'running' | 'closed' | 'cancelled', string, string | null]>([
    ['an item to do', 'running', 'assigned', null],
    ['a draft', 'running', 'draft', null],
    ['an item returned to its submitter', 'running', 'returned', null],
    ['an item waiting for review', 'running', 'submitted', '正在等待审核'],
    ['an approved item', 'running', 'approved', '已审核通过'],
    ['an accepted item', 'running', 'accepted', '已审核通过'],
    ['a draft in a closed cycle', 'closed', 'draft', '本轮评估已结束'],
    ['an item to do in a cancelled cycle', 'cancelled', 'assigned', '本轮评估已结束'],
  ])('%s', (_, cycle, item, refusal) => {
    const answer = evidenceAttachRefusal(cycle, item);
    if (refusal === null) expect(answer).toBeNull();
    else expect(answer?.zh).toContain(refusal);
  });
});
