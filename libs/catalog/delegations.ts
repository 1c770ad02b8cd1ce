/**
 * Delegations and who may act for a department: its own submitter or
 * supervisor, or whoever holds a delegation for that role at that moment.
 */
import { loadConfig } from '../config/config';
import type { Actor } from '../cycle/department-state';
import { validateContactEmail } from '../plan/contact-email';
import type { Locale, Localized } from '../plan/localized';
import type { ContactRole, Delegation, Department } from '../persistence/entities';
import type { AccessRepository } from '../persistence/repositories/access.repository';
import type { CatalogRepository } from '../persistence/repositories/catalog.repository';

export interface DelegationRequest {
  department: string;
  role: ContactRole;
  delegateName: string;
  delegateEmail: string;
  validFrom: string;
  validUntil: string;
  createdBy: string;
  /** The bureau may name anyone; a department's supervisor only someone the directory or the accounts know. */
  byBureau: boolean;
}

export class DelegationError extends Error {
  constructor(
    readonly problem: Localized,
    /** The request field the problem is about. */
    readonly field?: keyof DelegationRequest,
    /** Not wrong as such, but only the bureau may do it. */
    readonly needsBureau = false,
  ) {
    super(`${problem.zh} (${problem.en})`);
    this.name = 'DelegationError';
  }
}

const ROLE_LABEL: Record<ContactRole, string> = { submitter: '填报人', supervisor: '审核人' };
const OTHER_ROLE: Record<ContactRole, ContactRole> = { submitter: 'supervisor', supervisor: 'submitter' };

/** Stores a delegation once checked (checkDelegate): the directory and the accounts say who holds which role. */
export async function delegate(
  catalog: CatalogRepository,
  accounts: AccessRepository,
  r: DelegationRequest,
): Promise<Delegation> {
  const from = Date.parse(r.validFrom);
  const until = Date.parse(r.validUntil);
  if (Number.isNaN(from) || Number.isNaN(until) || from >= until) {
    throw new DelegationError(
      { zh: '委托期限无效：开始时间应早于结束时间', en: 'invalid period: the start must come before the end' },
      'validUntil',
    );
  }
  const department = await catalog.department(r.department);
  if (!department)
    throw new DelegationError(
      { zh: `没有代码为“${r.department}”的部门`, en: `no department "${r.department}"` },
      'department',
    );
  const email = r.delegateEmail.trim().toLowerCase();
  const badEmail = validateContactEmail(department.name, 'delegate', email);
  if (badEmail) throw new DelegationError(badEmail, 'delegateEmail');
  await checkDelegate(catalog, accounts, department, { ...r, delegateEmail: email }, new Date(from), new Date(until));
  return catalog.addDelegation({
    department,
    role: r.role,
    delegateName: r.delegateName,
    delegateEmail: email,
    validFrom: new Date(from),
    validUntil: new Date(until),
    createdBy: r.createdBy,
  });
}

/**
 * Submitting and reviewing stay with two people: a role is not delegated to
 * the one who holds it, nor to whoever holds the department's other role
 * (its contact, an account in that role, or a delegate of it during the
 * period). The department workflow refuses a self-review in any case; this
 * refuses the delegation that would lead to one. And a supervisor names only
 * people the bureau already knows: an address from outside needs the bureau.
 */
async function checkDelegate(
  catalog: CatalogRepository,
  accounts: AccessRepository,
  department: Department,
  r: DelegationRequest,
  from: Date,
  until: Date,
): Promise<void> {
  const email = r.delegateEmail;
  const own = ROLE_LABEL[r.role];
  if (department.contacts.some((c) => c.role === r.role && c.email.toLowerCase() === email)) {
    throw new DelegationError(
      {
        zh: `${email}已是${department.name}的${own}，不能委托给本人`,
        en: `${email} already is this department's ${r.role}: a role is not delegated to its holder`,
      },
      'delegateEmail',
    );
  }
  const other = OTHER_ROLE[r.role];
  const otherContact = department.contacts.some((c) => c.role === other && c.email.toLowerCase() === email);
  const otherAccount = await accounts.hasActiveAccount({ email, role: other, department: department.code });
  const otherDelegate = await catalog.delegateDuring(department.id, other, email, from, until);
  if (otherContact || otherAccount || otherDelegate) {
    throw new DelegationError(
      {
        zh: `${email}是${department.name}的${ROLE_LABEL[other]}，不能同时担任${own}：填报和审核须由不同的人完成`,
        en: `${email} is this department's ${other} and cannot also act as its ${r.role}: submitting and reviewing take two people`,
      },
      'delegateEmail',
    );
  }
  if (r.byBureau) return;
  const inDirectory = (await catalog.isDirectoryContact(email)) || (await accounts.hasActiveAccount({ email }));
  if (!inDirectory) {
    throw new DelegationError(
      {
        zh: `${email}不是部门名录中的联系人，也没有有效账号：委托给外部人员须由${loadConfig('bureau').BUREAU_NAME}办理`,
        en: `${email} is neither a contact in the directory nor an active account: only the bureau delegates to someone from outside`,
      },
      'delegateEmail',
      true,
    );
  }
}

export interface NoticeRecipient {
  departmentName: string;
  /** For recipients who read English. */
  departmentNameEn: string;
  /** Null when the department has no contact in this role and no delegate in force. */
  to: { name: string; email: string; locale: Locale } | null;
}

/**
 * Who receives a department role's notices at `at`: the latest delegate in
 * force, else the contact; with the department's name. One query, as every
 * notice asks (200 of them at a large cycle's launch).
 */
export async function recipientFor(
  catalog: CatalogRepository,
  departmentCode: string,
  role: ContactRole,
  at: number,
): Promise<NoticeRecipient | null> {
  const row = await catalog.recipientRow(departmentCode, role, new Date(at));
  if (!row) return null;
  const names = { departmentName: row.department_name, departmentNameEn: row.department_name_en };
  if (row.delegate_email)
    return { ...names, to: { name: row.delegate_name!, email: row.delegate_email, locale: 'zh-CN' } };
  if (!row.contact_email) return { ...names, to: null };
  return {
    ...names,
    to: { name: row.contact_name!, email: row.contact_email, locale: row.contact_locale === 'en' ? 'en' : 'zh-CN' },
  };
}

/** The actor a person is when acting for a department in a role at `at`, or why they may not. */
export async function actorFor(
  catalog: CatalogRepository,
  email: string,
  departmentCode: string,
  role: ContactRole,
  at: number,
): Promise<Actor> {
  const department = await catalog.department(departmentCode);
  const contact = department?.contacts.find((c) => c.role === role && c.email.toLowerCase() === email.toLowerCase());
  if (contact) return { id: contact.email, name: contact.name, role, department: departmentCode };
  const delegation = await catalog.delegationInForce(departmentCode, role, new Date(at));
  if (delegation && delegation.delegateEmail.toLowerCase() === email.toLowerCase()) {
    return { id: delegation.delegateEmail, name: delegation.delegateName, role, department: departmentCode };
  }
  throw new DelegationError({
    zh: `${email}不是${department?.name ?? departmentCode}的${ROLE_LABEL[role]}，也没有有效的委托`,
    en: `${email} is not this department's ${role} and holds no delegation in force`,
  });
}
