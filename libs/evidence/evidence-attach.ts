/**
 * When evidence may still be attached to an item: while the cycle runs and the
 * item is with its submitter (to do, a draft, or returned). Evidence goes with
 * the next submission, so once the item is submitted the version under review
 * must not change beneath the supervisor, and an approved or accepted item
 * changes only after the bureau reopens it.
 */
import type { EvaluationCycle } from '../persistence/entities';
import type { Localized } from '../plan/localized';

/** Item states in which the submitter may still change what they will send. */
const WITH_SUBMITTER = new Set(['assigned', 'draft', 'returned']);

/** Null when evidence may be attached; otherwise why not (a 409: the state, not the request, is wrong). */
export function evidenceAttachRefusal(cycleStatus: EvaluationCycle['status'], itemStatus: string): Localized | null {
  if (cycleStatus !== 'running')
    return { zh: '本轮评估已结束，不能再修改', en: 'this cycle is closed; nothing can be changed' };
  if (WITH_SUBMITTER.has(itemStatus)) return null;
  if (itemStatus === 'submitted') {
    return {
      zh: '此事项已提交，正在等待审核，不能再添加佐证材料；如需补充请由审核人退回',
      en: 'this item is submitted and waiting for review; evidence can be added once the supervisor returns it',
    };
  }
  return {
    zh: '此事项已审核通过，不能再添加佐证材料；如需修改请联系统计局重新打开',
    en: 'this item is approved; no evidence can be added unless the bureau reopens it',
  };
}
