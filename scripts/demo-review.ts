/**
 * The demo's report review (征求意见 → 定稿 → 审批) of the mid-term, on a
 * compressed deadline: the bureau sends the draft out, one department comments
 * on an item, another says it has none, the third-party evaluator adds an
 * assessment, the bureau answers the comment, finalises, and the approving
 * office approves; the final version is mailed to every department. Prints
 * the final version's hashes.
 */
import type { Client } from '@temporalio/client';
import { reviewWorkflowId, type ReviewActor, type ReviewCommand, type ReviewSnapshot } from '@libs/cycle/report-review';
import type { ReviewClient } from '@libs/temporal/review-client';
import type { reportReview } from '../workflows/report-review.workflow';
import { log, SECOND } from './demo-support';

const BUREAU: ReviewActor = { id: 'bureau@heyuan.example', name: '市统计局', role: 'bureau', department: null };
const EVALUATOR: ReviewActor = {
  id: 'evaluator@third-party.example',
  name: '第三方评估机构',
  role: 'evaluator',
  department: null,
};
const APPROVER: ReviewActor = {
  id: 'office@vice-mayor.heyuan.example',
  name: '分管副市长办公室',
  role: 'approver',
  department: null,
};
const supervisorOf = (department: string): ReviewActor => ({
  id: `supervisor@${department}.heyuan.example`,
  name: '审核人',
  role: 'supervisor',
  department,
});

export async function runReview(
  client: Client,
  reviews: ReviewClient,
  cycleId: string,
  departments: { commenting: string; noComment: string; itemKey: string },
): Promise<ReviewSnapshot> {
  await reviews.start(cycleId, { deadline: new Date(Date.now() + 60 * SECOND).toISOString(), requireApproval: true });
  log('report sent out for comments (征求意见)', { cycleId });
  let n = 0;
  const act = (actor: ReviewActor, command: ReviewCommand) =>
    reviews.command(cycleId, { requestId: `demo/review/${++n}`, actor, command });

  const comment = await act(supervisorOf(departments.commenting), {
    type: 'comment',
    itemKey: departments.itemKey,
    text: '本项数据已与年报核对，建议在正文中说明口径变化。',
  });
  await act(supervisorOf(departments.noComment), { type: 'no_comment' });
  await act(EVALUATOR, { type: 'comment', section: 'summary', text: '评估结论与数据一致，建议补充分领域比较。' });
  await act(BUREAU, { type: 'answer', commentId: comment.commentId!, accepted: true });
  log('comments taken and answered', { from: [departments.commenting, departments.noComment, 'evaluator'] });

  // 定稿 answers once the final version is compiled: it then waits for the approver.
  const { stage } = await act(BUREAU, { type: 'finalise' });
  if (stage !== 'awaiting_approval') throw new Error(`定稿 left the review at ${stage}, not awaiting approval`);
  await act(APPROVER, { type: 'approve' });
  log('final version approved (审批)', { approver: APPROVER.name });
  // The review ends once the final version is mailed to every department.
  return client.workflow.getHandle<typeof reportReview>(reviewWorkflowId(cycleId)).result();
}
