/**
 * The text of a notice, from the templates in `templates/` (Handlebars: the
 * HTML part escapes every value, so a narrative containing markup arrives as
 * text). One digest per department and event, each item with its own link:
 * `events.json` says, per event, the subject, the opening line and which
 * deadline to show; `labels.json` holds the words around the values. zh-CN
 * first, English first for recipients who prefer it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import type { NoticeEvent, NoticeInput } from '../cycle/activities-contract';
import { ITEM_STATUS_LABELS } from '../cycle/department-state';
import type { Locale } from '../plan/localized';

const TEMPLATES = join(__dirname, 'templates');
const read = (name: string) => readFileSync(join(TEMPLATES, name), 'utf8');

interface EventTemplate {
  zh: string;
  en: string;
  /** Opening lines; `{{department}}` names the department the notice is about. */
  leadZh: string;
  leadEn: string;
  /** Which deadline the notice shows: the one ahead, the one passed, the one just set, or none. */
  deadline: 'due' | 'passed' | 'new' | null;
}
type Labels = Record<
  | 'greetingBefore'
  | 'greetingAfter'
  | 'due'
  | 'passed'
  | 'new'
  | 'reason'
  | 'warnings'
  | 'report'
  | 'attached'
  | 'footer'
  | 'beijingTime',
  string
>;

const plain = (source: string) => Handlebars.compile(source, { noEscape: true });
const EVENTS: Record<
  NoticeEvent,
  EventTemplate & { lead: { zh: HandlebarsTemplateDelegate; en: HandlebarsTemplateDelegate } }
> = Object.fromEntries(
  Object.entries(JSON.parse(read('events.json')) as Record<NoticeEvent, EventTemplate>).map(([event, t]) => [
    event,
    { ...t, lead: { zh: plain(t.leadZh), en: plain(t.leadEn) } },
  ]),
) as never;
const LABELS: Record<Locale, Labels> = JSON.parse(read('labels.json'));
const html = Handlebars.compile(read('digest.html.hbs'));
const text = plain(read('digest.txt.hbs'));

export interface RenderContext {
  cycleTitle: { zh: string; en: string };
  /** The department the notice is about. */
  departmentName: string;
  /** Who reads it: a contact's or a delegate's name, or the bureau; the department when not given. */
  recipientName?: string;
  publicUrl: string;
  /** Builds each item's link (signed links, see libs/access); the plain link when not given. */
  itemLink?: (itemKey: string) => string;
  locale?: Locale;
  /** File names of what travels with the message (the report, for report_ready). */
  attachments?: string[];
}

export interface RenderedNotice {
  subject: string;
  text: string;
  html: string;
}

/** An item's page, without a token: what a notice links to when no `itemLink` is given. */
export function plainItemLink(publicUrl: string, cycleId: string, itemKey: string): string {
  return `${publicUrl}/cycles/${encodeURIComponent(cycleId)}/items/${encodeURIComponent(itemKey)}`;
}

/** Made once per locale: building an Intl formatter takes about 0.3 ms, formatting with one 4 µs. */
const DEADLINE_FORMATS: Record<Locale, Intl.DateTimeFormat> = {
  'zh-CN': new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'long', timeStyle: 'short' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', dateStyle: 'long', timeStyle: 'short' }),
};

/** Shanghai time, as the departments read it. */
function formatDeadline(ms: number, locale: Locale): string {
  return DEADLINE_FORMATS[locale].format(ms) + LABELS[locale].beijingTime;
}

export function renderNotice(n: NoticeInput, ctx: RenderContext): RenderedNotice {
  const event = EVENTS[n.event];
  const locale: Locale = ctx.locale === 'en' ? 'en' : 'zh-CN';
  const other: Locale = locale === 'en' ? 'zh-CN' : 'en';
  const pair = (zh: string, en: string) => (locale === 'en' ? { first: en, second: zh } : { first: zh, second: en });
  const count = n.items.length ? (locale === 'en' ? ` (${n.items.length} items)` : `（${n.items.length}项）`) : '';
  const subject =
    locale === 'en'
      ? `[${ctx.cycleTitle.en}] ${event.en}: ${ctx.departmentName}${count} / ${event.zh}`
      : `【${ctx.cycleTitle.zh}】${event.zh}：${ctx.departmentName}${count} / ${event.en}`;
  const labels = LABELS[locale];
  const leadData = { department: ctx.departmentName };
  const link = ctx.itemLink ?? ((key: string) => plainItemLink(ctx.publicUrl, n.cycleId, key));
  const data = {
    subject,
    lang: locale,
    labels,
    recipient: ctx.recipientName ?? ctx.departmentName,
    lead: pair(event.lead.zh(leadData), event.lead.en(leadData)),
    cycle: pair(ctx.cycleTitle.zh, ctx.cycleTitle.en),
    deadline: event.deadline && {
      label: labels[event.deadline],
      first: formatDeadline(n.deadline, locale),
      second: formatDeadline(n.deadline, other),
    },
    reason: n.reason,
    report: n.reportPath ? { path: n.reportPath, attachments: ctx.attachments ?? [] } : null,
    items: n.items.map((i) => {
      const status = pair(ITEM_STATUS_LABELS[i.status].zh, ITEM_STATUS_LABELS[i.status].en);
      return {
        title: i.title,
        statusFirst: status.first,
        statusSecond: status.second,
        reason: i.reason,
        warnings: i.warnings?.join('；'),
        link: link(i.key),
      };
    }),
  };
  return { subject, text: text(data), html: html(data) };
}
