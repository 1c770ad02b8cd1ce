/**
 * The text of a notice, from the templates in `templates/` (Handlebars: the
 * HTML part escapes every value, so a narrative containing markup arrives as
 * text). One digest per department and event, each item with its own link:
 * `events.json` says, per event, the subject, the opening line and which
 * deadline to show; `labels.json` holds the words around the values, per
 * language. A mail is in its recipient's language only (the directory's
 * `locale` per contact, zh-CN unless it says `en`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import type { NoticeEvent, NoticeInput } from '../cycle/activities-contract';
import type { QueuedMessage } from './mailer';
import { ITEM_STATUS_LABELS } from '../cycle/department-state';
import { localize, type Locale } from '../plan/localized';

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
  | 'findings'
  | 'warnings'
  | 'report'
  | 'attached'
  | 'footer'
  | 'beijingTime'
  | 'statusBefore'
  | 'statusAfter'
  | 'listSeparator',
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

/** One language throughout, the recipient's: subject, opening, labels, states, dates and the cycle's name. */
export function renderNotice(n: NoticeInput, ctx: RenderContext): RenderedNotice {
  const event = EVENTS[n.event];
  const locale: Locale = ctx.locale === 'en' ? 'en' : 'zh-CN';
  const en = locale === 'en';
  const labels = LABELS[locale];
  const cycle = en ? ctx.cycleTitle.en : ctx.cycleTitle.zh;
  const count = n.items.length ? (en ? ` (${n.items.length} items)` : `（${n.items.length}项）`) : '';
  const subject = en
    ? `[${cycle}] ${event.en}: ${ctx.departmentName}${count}`
    : `【${cycle}】${event.zh}：${ctx.departmentName}${count}`;
  const link = ctx.itemLink ?? ((key: string) => plainItemLink(ctx.publicUrl, n.cycleId, key));
  const data = {
    subject,
    lang: locale,
    labels,
    recipient: ctx.recipientName ?? ctx.departmentName,
    lead: event.lead[en ? 'en' : 'zh']({ department: ctx.departmentName }),
    cycle,
    deadline: event.deadline && { label: labels[event.deadline], text: formatDeadline(n.deadline, locale) },
    reason: n.reason,
    findings: n.findings ?? [],
    report: n.reportPath ? { path: n.reportPath, attachments: ctx.attachments ?? [] } : null,
    items: n.items.map((i) => ({
      title: i.title,
      status: localize(ITEM_STATUS_LABELS[i.status], locale),
      reason: i.reason,
      // Warnings queued before they were kept in both languages are Chinese only.
      warnings: i.warnings?.map((w) => (typeof w === 'string' ? w : localize(w, locale))).join(labels.listSeparator),
      link: link(i.key),
    })),
  };
  return { subject, text: text(data), html: html(data) };
}

/**
 * What a queued notice is rendered from, kept with its message until the
 * relay has dealt with it: the relay renders it again, with the same links,
 * when some of its items have moved on since (libs/cycle/notice-standing).
 */
export interface NoticeComposition {
  notice: NoticeInput;
  context: Omit<RenderContext, 'itemLink'>;
  /** Each item's link as signed for the recipient; null for the bureau's plain links. */
  links: Record<string, string> | null;
}

/** A message as the outbox keeps it: with what it was rendered from, when the worker composed it. */
export interface QueuedNotice extends QueuedMessage {
  composition?: NoticeComposition;
}

export function renderComposition({ notice, context, links }: NoticeComposition): RenderedNotice {
  return renderNotice(notice, { ...context, ...(links ? { itemLink: (key: string) => links[key] } : {}) });
}
