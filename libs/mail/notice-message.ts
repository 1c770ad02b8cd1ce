/**
 * The text of a notice: zh-CN first, English after, one digest per department
 * and event, each item with its deadline and its own link. Markup in any field
 * is escaped in the HTML part.
 */
import { escapeHtml } from '../common/escape-html';
import type { NoticeEvent, NoticeInput } from '../cycle/activities-contract';
import { ITEM_STATUS_LABELS } from '../cycle/department-state';

const EVENT_LABELS: Record<NoticeEvent, { zh: string; en: string; lead: { zh: string; en: string } }> = {
  assignment: { zh: '填报任务', en: 'New items to report', lead: { zh: '以下事项请按时填报：', en: 'Please report on the following items:' } },
  contribution_request: { zh: '配合填报', en: 'Contribution requested', lead: { zh: '请为以下事项提供配合材料：', en: 'Please contribute to these items:' } },
  reminder: { zh: '填报提醒', en: 'Reminder', lead: { zh: '以下事项尚未提交：', en: 'These items are not submitted yet:' } },
  overdue: { zh: '逾期提醒', en: 'Overdue', lead: { zh: '以下事项已逾期，请尽快提交：', en: 'These items are overdue; please submit them:' } },
  escalate_supervisor: { zh: '逾期督办', en: 'Escalation', lead: { zh: '本部门以下事项逾期未交，请督促：', en: 'Your department has not submitted these overdue items:' } },
  escalate_bureau: { zh: '逾期督办（统计局）', en: 'Escalation to the bureau', lead: { zh: '以下部门事项逾期未交：', en: 'These items of the department are overdue:' } },
  submitted_for_review: { zh: '待审核', en: 'Waiting for your review', lead: { zh: '以下事项已提交，请审核：', en: 'These items were submitted for your review:' } },
  review_reminder: { zh: '审核提醒', en: 'Review reminder', lead: { zh: '以下事项仍在等待审核：', en: 'These items are still waiting for review:' } },
  rejected: { zh: '已退回', en: 'Returned', lead: { zh: '以下事项被退回，请修改后重新提交：', en: 'These items were returned; please correct and resubmit:' } },
  approved: { zh: '已通过审核', en: 'Approved', lead: { zh: '以下事项已通过审核：', en: 'These items were approved:' } },
  reopened: { zh: '重新打开', en: 'Reopened', lead: { zh: '统计局重新打开了以下事项：', en: 'The bureau reopened these items:' } },
  deadline_changed: { zh: '截止时间调整', en: 'Deadline changed', lead: { zh: '截止时间已调整，以下事项请在新期限前提交：', en: 'The deadline moved; submit these items by the new date:' } },
  cycle_cancelled: { zh: '评估已取消', en: 'Cycle cancelled', lead: { zh: '本轮评估已取消，以下事项无需再填报：', en: 'This cycle was cancelled; these items need nothing more:' } },
  report_ready: { zh: '评估报告已生成', en: 'Report ready', lead: { zh: '本轮评估已结束，报告已生成：', en: 'The cycle is closed and its report is ready:' } },
};

export interface RenderContext {
  cycleTitle: { zh: string; en: string };
  departmentName: string;
  publicUrl: string;
}

export interface RenderedNotice {
  subject: string;
  text: string;
  html: string;
}


/** Shanghai time, as the departments read it. */
function formatDeadline(ms: number): string {
  return new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'long', timeStyle: 'short' }).format(ms);
}

export function renderNotice(n: NoticeInput, ctx: RenderContext): RenderedNotice {
  const label = EVENT_LABELS[n.event];
  const subject = `【${ctx.cycleTitle.zh}】${label.zh}：${ctx.departmentName}${n.items.length ? `（${n.items.length}项）` : ''} / ${label.en}`;
  const link = (key: string) => `${ctx.publicUrl}/cycles/${encodeURIComponent(n.cycleId)}/items/${encodeURIComponent(key)}`;
  const deadline = formatDeadline(n.deadline);
  const lines = n.items.map(
    (i) =>
      `- ${i.title}（${ITEM_STATUS_LABELS[i.status].zh} / ${ITEM_STATUS_LABELS[i.status].en}）截止 ${deadline}${i.reason ? ` 原因：${i.reason}` : ''}` +
      `${i.warnings?.length ? `\n  数据质量提示 (data-quality warnings)：${i.warnings.join('；')}` : ''}\n  ${link(i.key)}`,
  );
  const report = n.reportPath ? [`报告 (report): ${n.reportPath}`] : [];
  const text = [`${ctx.departmentName}：`, label.lead.zh, label.lead.en, '', ...lines, ...report, '', `${ctx.cycleTitle.zh} (${ctx.cycleTitle.en})`].join('\n');
  const html = [
    `<p>${escapeHtml(ctx.departmentName)}：</p>`,
    `<p>${escapeHtml(label.lead.zh)}<br><span lang="en">${escapeHtml(label.lead.en)}</span></p>`,
    n.items.length
      ? `<ul>${n.items
          .map(
            (i) =>
              `<li><a href="${escapeHtml(link(i.key))}">${escapeHtml(i.title)}</a>（${escapeHtml(ITEM_STATUS_LABELS[i.status].zh)}）截止 ${escapeHtml(deadline)}${
                i.reason ? `<br>原因：${escapeHtml(i.reason)}` : ''
              }${i.warnings?.length ? `<br>数据质量提示：${escapeHtml(i.warnings.join('；'))}` : ''}</li>`,
          )
          .join('')}</ul>`
      : '',
    ...report.map((r) => `<p>${escapeHtml(r)}</p>`),
    `<p>${escapeHtml(ctx.cycleTitle.zh)}<br><span lang="en">${escapeHtml(ctx.cycleTitle.en)}</span></p>`,
  ].join('\n');
  return { subject, text, html };
}
