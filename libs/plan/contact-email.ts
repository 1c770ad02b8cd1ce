/**
 * Whether a department contact's address can receive notices: checked when
 * the directory is imported and whenever a contact or delegate is edited, so
 * a typo is refused where it is made rather than found as an undeliverable
 * notice weeks later. Plain ASCII addresses (what every SMTP server accepts),
 * with the slips Chinese keyboards make named: a full-width ＠ or 。.
 */
import type { Localized } from './localized';

export type ContactRole = 'submitter' | 'supervisor' | 'delegate';

const ROLE_LABELS: Record<ContactRole, Localized> = {
  submitter: { zh: '填报人', en: 'submitter' },
  supervisor: { zh: '审核人', en: 'supervisor' },
  delegate: { zh: '受托人', en: 'delegate' },
};

const ATOM = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+$/;
const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

function problem(address: string): Localized | null {
  if (address === '') return { zh: '邮箱为空', en: 'the address is empty' };
  if (/[\uff01-\uff5e\u3000-\u303f]/.test(address))
    return {
      zh: '含有全角字符（如＠、。），请改用半角',
      en: 'it contains full-width characters (such as ＠ or 。); use their ASCII forms',
    };
  if (/\s/.test(address)) return { zh: '含有空格', en: 'it contains spaces' };
  if (/[^\x21-\x7e]/.test(address))
    return { zh: '含有中文或其他非 ASCII 字符', en: 'it contains Chinese or other non-ASCII characters' };
  const parts = address.split('@');
  if (parts.length !== 2) return { zh: '应恰好包含一个 @', en: 'it must contain exactly one @' };
  if (address.length > 254) return { zh: '超过 254 个字符', en: 'it is longer than 254 characters' };
  const [local, domain] = parts;
  if (local.length === 0 || local.length > 64 || !local.split('.').every((atom) => ATOM.test(atom))) {
    return { zh: '@ 前的用户名不合规', en: 'the part before the @ is not valid' };
  }
  const labels = domain.split('.');
  if (labels.length < 2) return { zh: '域名缺少后缀（如 .cn）', en: 'the domain has no top-level part (such as .cn)' };
  if (
    !labels.every((l) => LABEL.test(l)) ||
    !/^(?:[A-Za-z]{2,63}|xn--[A-Za-z0-9-]+)$/.test(labels[labels.length - 1])
  ) {
    return { zh: '@ 后的域名不合规', en: 'the domain after the @ is not valid' };
  }
  return null;
}

/**
 * Checks one contact's address; null when it can be used, otherwise a message
 * naming the department, the role and the address, with what is wrong.
 * Surrounding spaces are the caller's to trim.
 */
export function validateContactEmail(department: string, role: ContactRole, address: string): Localized | null {
  const wrong = problem(address);
  if (!wrong) return null;
  const r = ROLE_LABELS[role];
  return {
    zh: `${department}${r.zh}的邮箱“${address}”格式不对：${wrong.zh}`,
    en: `${department} ${r.en}: "${address}" is not a usable email address: ${wrong.en}`,
  };
}
