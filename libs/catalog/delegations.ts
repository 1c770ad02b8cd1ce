/**
 * Delegations and who may act for a department: its own submitter or
 * supervisor, or whoever holds a delegation for that role at that moment.
 */
import type { DataSource } from 'typeorm';
import type { Actor } from '../cycle/department-state';
import { validateContactEmail } from '../plan/contact-email';
import type { Locale, Localized } from '../plan/localized';
import { Delegation, Department, type ContactRole } from '../persistence/entities';

export interface DelegationRequest {
  department: string;
  role: ContactRole;
  delegateName: string;
  delegateEmail: string;
  validFrom: string;
  validUntil: string;
  createdBy: string;
}

export class DelegationError extends Error {
  constructor(readonly problem: Localized) {
    super(`${problem.zh} (${problem.en})`);
    this.name = 'DelegationError';
  }
}

export async function delegate(ds: DataSource, r: DelegationRequest): Promise<Delegation> {
  const from = Date.parse(r.validFrom);
  const until = Date.parse(r.validUntil);
  if (Number.isNaN(from) || Number.isNaN(until) || from >= until) {
    throw new DelegationError({ zh: '委托期限无效：开始时间应早于结束时间', en: 'invalid period: the start must come before the end' });
  }
  const department = await ds.getRepository(Department).findOneBy({ code: r.department });
  if (!department) throw new DelegationError({ zh: `没有代码为“${r.department}”的部门`, en: `no department "${r.department}"` });
  const badEmail = validateContactEmail(department.name, 'delegate', r.delegateEmail);
  if (badEmail) throw new DelegationError(badEmail);
  return ds.getRepository(Delegation).save({
    department,
    role: r.role,
    delegateName: r.delegateName,
    delegateEmail: r.delegateEmail,
    validFrom: new Date(from),
    validUntil: new Date(until),
    createdBy: r.createdBy,
  });
}

export interface NoticeRecipient {
  departmentName: string;
  /** Null when the department has no contact in this role and no delegate in force. */
  to: { name: string; email: string; locale: Locale } | null;
}

/**
 * Who receives a department role's notices at `at`: the latest delegate in
 * force, else the contact; with the department's name. One query, as every
 * notice asks (200 of them at a large cycle's launch).
 */
export async function recipientFor(ds: DataSource, departmentCode: string, role: ContactRole, at: number): Promise<NoticeRecipient | null> {
  const [row]: Array<{ department_name: string; contact_name: string | null; contact_email: string | null; contact_locale: string | null; delegate_name: string | null; delegate_email: string | null }> =
    await ds.query(
      `SELECT d.name AS department_name, c.name AS contact_name, c.email AS contact_email, c.locale AS contact_locale, g.delegate_name, g.delegate_email
         FROM department d
         LEFT JOIN department_contact c ON c."departmentId" = d.id AND c.role = $2
         LEFT JOIN LATERAL (
           SELECT delegate_name, delegate_email FROM delegation
            WHERE "departmentId" = d.id AND role = $2 AND valid_from <= $3 AND valid_until > $3
            ORDER BY valid_from DESC LIMIT 1
         ) g ON true
        WHERE d.code = $1`,
      [departmentCode, role, new Date(at)],
    );
  if (!row) return null;
  if (row.delegate_email) return { departmentName: row.department_name, to: { name: row.delegate_name!, email: row.delegate_email, locale: 'zh-CN' } };
  if (!row.contact_email) return { departmentName: row.department_name, to: null };
  return { departmentName: row.department_name, to: { name: row.contact_name!, email: row.contact_email, locale: row.contact_locale === 'en' ? 'en' : 'zh-CN' } };
}

/** The actor a person is when acting for a department in a role at `at`, or why they may not. */
export async function actorFor(ds: DataSource, email: string, departmentCode: string, role: ContactRole, at: number): Promise<Actor> {
  const department = await ds.getRepository(Department).findOne({ where: { code: departmentCode }, relations: { contacts: true } });
  const contact = department?.contacts.find((c) => c.role === role && c.email.toLowerCase() === email.toLowerCase());
  if (contact) return { id: contact.email, name: contact.name, role, department: departmentCode };
  const delegation = await activeDelegation(ds, departmentCode, role, at);
  if (delegation && delegation.delegateEmail.toLowerCase() === email.toLowerCase()) {
    return { id: delegation.delegateEmail, name: delegation.delegateName, role, department: departmentCode };
  }
  const label = role === 'submitter' ? '填报人' : '审核人';
  throw new DelegationError({ zh: `${email}不是${department?.name ?? departmentCode}的${label}，也没有有效的委托`, en: `${email} is not this department's ${role} and holds no delegation in force` });
}

async function activeDelegation(ds: DataSource, departmentCode: string, role: ContactRole, at: number): Promise<Delegation | null> {
  return ds
    .getRepository(Delegation)
    .createQueryBuilder('d')
    .innerJoin('d.department', 'dept')
    .where('dept.code = :departmentCode AND d.role = :role AND d.valid_from <= :at AND d.valid_until > :at', { departmentCode, role, at: new Date(at) })
    .orderBy('d.valid_from', 'DESC')
    .getOne();
}
