/**
 * 忘记密码: an account's holder asks for a link by email and sets a new
 * password with it. The answer to the request is the same whether or not the
 * address has an account (and the same time: the mail is queued, never sent,
 * in the request); requests are throttled like sign-in; the link is signed,
 * expires, and works once (libs/access/tokens: passwordReset).
 */
import { escapeHtml } from '../common/escape-html';
import type { QueuedMessage } from '../mail/mailer';
import type { Localized } from '../plan/localized';

/** How long a mailed link works: long enough to read the mail, short enough to be stale in a mailbox. */
export const PASSWORD_RESET_TTL_MS = 30 * 60_000;

/** What every request is answered, whoever asked. */
export const PASSWORD_RESET_REQUESTED: Localized = {
  zh: '如果该邮箱已在系统中注册，设置新密码的链接已发送到该邮箱，30分钟内有效。',
  en: 'If this email has an account, a link to set a new password has been sent to it; it works for 30 minutes.',
};

/** The portal's page a link opens; the token after # never reaches a server as part of an address. */
export const passwordResetLink = (publicUrl: string, token: string) =>
  `${publicUrl.replace(/\/+$/, '')}/reset-password#${encodeURIComponent(token)}`;

/** The mail, in the account's language only. */
export function passwordResetMessage(
  to: { name: string; email: string; locale: string },
  link: string,
  bureauName: string,
): QueuedMessage {
  const en = to.locale === 'en';
  const lines = en
    ? [
        `${to.name},`,
        'Someone (we hope you) asked to set a new password for your account in the plan evaluation portal.',
        `Open this link within 30 minutes to set it; it works once:`,
        link,
        'If you did not ask, ignore this mail: your password stays as it is.',
      ]
    : [
        `${to.name}，您好：`,
        '有人（应是您本人）申请重新设置您在规划监测评估系统的登录密码。',
        '请在30分钟内打开以下链接设置新密码，链接仅能使用一次：',
        link,
        `如非本人操作，请忽略本邮件，您的密码不会改变。——${bureauName}`,
      ];
  return {
    to: { name: to.name, address: to.email },
    subject: en ? 'Set a new password' : '重新设置登录密码',
    text: lines.join('\n'),
    html: lines
      .map((l) =>
        l === link ? `<p><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p>` : `<p>${escapeHtml(l)}</p>`,
      )
      .join(''),
  };
}
