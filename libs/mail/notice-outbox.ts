/**
 * A notice into the outbox: its recipient (the department's contact, or its
 * delegate, at the notice's instant), its message with a fresh link per item
 * for that recipient, and the row the mail relay sends. The worker's
 * activities write the workflow's notices here; the API writes the bureau's
 * resends. The message, links and all, lives only until the relay has dealt
 * with it (the relay clears it): nothing but the mail itself keeps a usable link.
 */
import { ApplicationFailure } from '@temporalio/common';
import type { DataSource } from 'typeorm';
import { recipientFor } from '../catalog/delegations';
import { AccessRepository } from '../persistence/repositories/access.repository';
import { CatalogRepository } from '../persistence/repositories/catalog.repository';
import type { NoticeInput } from '../cycle/activities-contract';
import { cycleTitle } from '../cycle/cycle-definition';
import { OPEN_IN } from '../access/link-standing';
import type { LinkScope } from '../access/principal';
import type { TokenSigner } from '../access/tokens';
import type { EvaluationCycle } from '../persistence/entities';
import { CycleRepository } from '../persistence/repositories/cycle.repository';
import { OutboxRepository } from '../persistence/repositories/outbox.repository';
import type { Locale } from '../plan/localized';
import { noticeStandingNow } from './notice-items';
import { renderComposition, renderNotice, type NoticeComposition, type QueuedNotice } from './notice-message';
import { reportAttachments } from './report-attachments';

export interface NoticeOutboxConfig {
  publicUrl: string;
  bureauEmail: string;
  /** The bureau as its own notices name it (BUREAU_NAME). */
  bureauName: string;
  /** Signs each item's link for its recipient's purpose; see libs/access/tokens. */
  links: { signer: TokenSigner; ttlMs: number };
}

export interface ComposedNotice {
  recipient: string;
  subject: string;
  /** The items the mail lists. */
  itemKeys: string[];
  /** The items left out: they moved on since the notice was queued (libs/cycle/notice-standing). */
  droppedItems: string[];
  /** What the relay sends; null when every item the notice was about has moved on, and nothing is sent. */
  message: QueuedNotice | null;
}

/**
 * The notice as it goes out now: to whoever holds the role at `input.at`, in
 * their language, listing only the items still in the state it is about,
 * with links that carry that person's right.
 */
export async function composeNotice(
  ds: DataSource,
  config: NoticeOutboxConfig,
  input: NoticeInput,
): Promise<ComposedNotice> {
  const { recipient, recipientName, departmentName, locale } = await recipientOf(ds, config, input);
  const standing = await noticeStandingNow(new OutboxRepository(ds), input);
  const notice = { ...input, items: locale === 'en' ? await inEnglish(ds, input) : input.items };
  const attachments = await reportAttachments(input.reportPath, locale);
  const cycle = await new CycleRepository(ds).get(input.cycleId);
  const context = {
    cycleTitle: cycleTitle(cycle),
    departmentName,
    publicUrl: config.publicUrl,
    locale,
    recipientName,
    attachments: attachments.map((a) => a.filename),
  };
  if (standing.nothingLeft) {
    // Recorded under the subject it would have had, so the notices' record says what was not sent.
    const { subject } = renderNotice(notice, context);
    return { recipient, subject, itemKeys: [], droppedItems: standing.dropped, message: null };
  }
  const kept = new Map(standing.items.map((i) => [i.key, i.status]));
  const composition: NoticeComposition = {
    notice: {
      ...notice,
      items: notice.items.filter((i) => kept.has(i.key)).map((i) => ({ ...i, status: kept.get(i.key)! })),
    },
    context,
    links: itemLinks(config, input, cycle, { email: recipient, name: recipientName }, [...kept.keys()]),
  };
  const rendered = renderComposition(composition);
  return {
    recipient,
    subject: rendered.subject,
    itemKeys: [...kept.keys()],
    droppedItems: standing.dropped,
    message: {
      to: { name: recipientName, address: recipient },
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      attachments,
      composition,
    },
  };
}

/** The items with the plan's English names, where the plan has them. */
async function inEnglish(ds: DataSource, input: NoticeInput): Promise<NoticeInput['items']> {
  if (input.items.length === 0) return input.items;
  const titles = await new CatalogRepository(ds).englishTitles(
    input.cycleId,
    input.items.map((i) => i.key),
  );
  return input.items.map((i) => ({ ...i, title: titles.get(i.key) ?? i.title }));
}

/**
 * Submitters' links open the item to fill in, supervisors' to review,
 * co-operating departments' to contribute. A link never outlives the cycle's
 * hard close: after it, nothing can be submitted or reviewed anyway.
 */
function itemLinks(
  config: NoticeOutboxConfig,
  input: NoticeInput,
  cycle: EvaluationCycle,
  { email, name }: { email: string; name: string },
  itemKeys: string[],
): Record<string, string> | null {
  // The bureau and the approver sign in: their notices carry no item link.
  if (input.audience === 'bureau' || input.audience === 'approver') return null;
  const purpose = linkPurpose(input);
  // A comment link comes after the close: it lasts while the review takes comments (checked on every use).
  const expiresAt =
    purpose === 'comment'
      ? Date.now() + config.links.ttlMs
      : Math.min(Date.now() + config.links.ttlMs, cycle.hardClose.getTime());
  return Object.fromEntries(
    itemKeys.map((itemKey) => {
      const token = config.links.signer.link(
        { purpose, cycleId: input.cycleId, department: input.department, itemKey, email, name },
        expiresAt,
      );
      return [itemKey, `${config.publicUrl}/l/${token}`];
    }),
  );
}

/** The review's notices whose links open the department's part to comment on, for its submitter or supervisor. */
const COMMENT_EVENTS: NoticeInput['event'][] = [
  'comment_request',
  'comment_reminder',
  'comment_overdue',
  'comment_escalate_supervisor',
];

/** What a notice's links let their holder do: supervisors review, co-operating departments contribute, submitters submit. */
function linkPurpose(notice: Pick<NoticeInput, 'audience' | 'event'>): LinkScope['purpose'] {
  if (COMMENT_EVENTS.includes(notice.event)) return 'comment';
  return notice.audience === 'supervisor'
    ? 'review'
    : notice.event === 'contribution_request'
      ? 'contribute'
      : 'submit';
}

async function recipientOf(
  ds: DataSource,
  config: NoticeOutboxConfig,
  input: NoticeInput,
): Promise<{
  recipient: string;
  recipientName: string;
  /** In the recipient's language. */
  departmentName: string;
  locale: Locale;
}> {
  if (input.audience === 'bureau') {
    // An escalation names the department it is about; the bureau's own notices name the bureau.
    const about = input.department === 'bureau' ? null : await new CatalogRepository(ds).department(input.department);
    return {
      recipient: config.bureauEmail,
      recipientName: config.bureauName,
      departmentName: about?.name ?? config.bureauName,
      locale: 'zh-CN',
    };
  }
  if (input.audience === 'approver') return approverOf(ds, input);
  const found = await recipientFor(new CatalogRepository(ds), input.department, input.audience, input.at);
  const departmentName = found?.departmentName ?? input.department;
  if (!found?.to)
    throw ApplicationFailure.nonRetryable(
      `${departmentName}没有${input.audience}联系人 (no ${input.audience} contact)`,
      'MissingContact',
    );
  const { locale } = found.to;
  return {
    recipient: found.to.email,
    recipientName: found.to.name,
    departmentName: locale === 'en' ? found.departmentNameEn : departmentName,
    locale,
  };
}

/** The approver (an account with that role, not a department's contact), about the department the notice names. */
async function approverOf(
  ds: DataSource,
  input: NoticeInput,
): Promise<{ recipient: string; recipientName: string; departmentName: string; locale: Locale }> {
  const approver = await new AccessRepository(ds).firstActiveAccount('approver');
  if (!approver)
    throw ApplicationFailure.nonRetryable('没有有效的审批人账号 (no active approver account)', 'MissingContact');
  const locale: Locale = approver.locale === 'en' ? 'en' : 'zh-CN';
  const about = await new CatalogRepository(ds).department(input.department);
  const departmentName = (locale === 'en' ? about?.nameEn : about?.name) ?? about?.name ?? input.department;
  return { recipient: approver.email, recipientName: approver.name, departmentName, locale };
}

/** The events whose items carry the reason the department was given. */
const WITH_REASON: NoticeInput['event'][] = ['rejected', 'reopened'];

export type ResendOutcome =
  | { ok: true; noticeId: string; recipient: string; itemKeys: string[] }
  | { ok: false; reason: 'not_found' | 'cycle_closed' | 'nothing_waiting' | 'busy' };

/**
 * The bureau sends a notice again: the same event, for those of its items
 * that still wait on its audience, to whoever holds the role now (a contact
 * changed, a delegation began), with fresh links. Written into the outbox
 * under the request's ID, so a retried request sends it once.
 */
export async function resendNotice(
  ds: DataSource,
  config: NoticeOutboxConfig,
  cycleId: string,
  noticeId: string,
  requestId: string,
): Promise<ResendOutcome> {
  const outbox = new OutboxRepository(ds);
  const original = await outbox.resendSource(cycleId, noticeId);
  if (!original) return { ok: false, reason: 'not_found' };
  const done = await outbox.resentUnder(requestId);
  if (done) return { ok: true, noticeId: done.id, recipient: done.recipient, itemKeys: done.itemKeys };
  const cycle = await new CycleRepository(ds).get(cycleId);
  if (cycle.status !== 'running') return { ok: false, reason: 'cycle_closed' };

  const purpose = linkPurpose(original);
  // The reason a department was given (a return, a reopen) goes with the item again.
  const items = await outbox.resendItems(cycleId, original.itemKeys);
  const waiting = original.audience === 'bureau' ? items : items.filter((i) => OPEN_IN[purpose].includes(i.status));
  if (waiting.length === 0 && original.itemKeys.length > 0) return { ok: false, reason: 'nothing_waiting' };

  const input: NoticeInput = {
    cycleId,
    department: original.department,
    audience: original.audience,
    event: original.event,
    seq: 0,
    items: waiting.map((i) => ({
      key: i.key,
      title: i.title,
      status: i.status,
      ...(i.reason && WITH_REASON.includes(original.event) ? { reason: i.reason } : {}),
    })),
    deadline: cycle.deadline.getTime(),
    at: Date.now(),
  };
  const { recipient, subject, itemKeys, message } = await composeNotice(ds, config, input);
  // Its items moved on between the read above and now.
  if (!message) return { ok: false, reason: 'nothing_waiting' };
  const id = await outbox.queueResend(cycleId, original, { recipient, subject, itemKeys, message }, requestId);
  return id ? { ok: true, noticeId: id, recipient, itemKeys } : { ok: false, reason: 'busy' };
}
