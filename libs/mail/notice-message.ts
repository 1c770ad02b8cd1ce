/**
 * The text of a notice, from the templates in `templates/` (Handlebars: the
 * HTML part escapes every value, so a narrative containing markup arrives as
 * text). One digest per department and event, each item with its deadline
 * and its own link; zh-CN first, English first for recipients who prefer it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import type { NoticeEvent, NoticeInput } from '../cycle/activities-contract';
import { ITEM_STATUS_LABELS } from '../cycle/department-state';
import type { Locale } from '../plan/localized';

const TEMPLATES = join(__dirname, 'templates');
const read = (name: string) => readFileSync(join(TEMPLATES, name), 'utf8');
const EVENTS: Record<NoticeEvent, { zh: string; en: string; leadZh: string; leadEn: string }> = JSON.parse(read('events.json'));
const html = Handlebars.compile(read('digest.html.hbs'), { strict: false });
const text = Handlebars.compile(read('digest.txt.hbs'), { noEscape: true });

export interface RenderContext {
  cycleTitle: { zh: string; en: string };
  departmentName: string;
  publicUrl: string;
  locale?: Locale;
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
  const event = EVENTS[n.event];
  const english = ctx.locale === 'en';
  const pair = (zh: string, en: string) => (english ? { first: en, second: zh } : { first: zh, second: en });
  const count = n.items.length ? (english ? ` (${n.items.length} items)` : `（${n.items.length}项）`) : '';
  const subject = english
    ? `[${ctx.cycleTitle.en}] ${event.en}: ${ctx.departmentName}${count} / ${event.zh}`
    : `【${ctx.cycleTitle.zh}】${event.zh}：${ctx.departmentName}${count} / ${event.en}`;
  const data = {
    department: ctx.departmentName,
    lead: pair(event.leadZh, event.leadEn),
    cycle: pair(ctx.cycleTitle.zh, ctx.cycleTitle.en),
    deadline: formatDeadline(n.deadline),
    reportPath: n.reportPath,
    items: n.items.map((i) => ({
      title: i.title,
      statusZh: ITEM_STATUS_LABELS[i.status].zh,
      statusEn: ITEM_STATUS_LABELS[i.status].en,
      reason: i.reason,
      warnings: i.warnings?.join('；'),
      link: `${ctx.publicUrl}/cycles/${encodeURIComponent(n.cycleId)}/items/${encodeURIComponent(i.key)}`,
    })),
  };
  return { subject, text: text(data), html: html(data) };
}
