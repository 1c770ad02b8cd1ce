/** Creating and changing user accounts: the rules shared by the API and the command line. */
import type { Localized } from '../plan/localized';
import type { UserAccount } from '../persistence/entities';
import type { AccessRepository } from '../persistence/repositories/access.repository';
import { checkPasswordStrength, hashPassword } from './passwords';
import { seesEveryDepartment, type UserRole } from './roles';

export { USER_ROLES } from './roles';

export interface UserInput {
  email: string;
  name: string;
  role: UserRole;
  department?: string | null;
  password?: string;
  locale?: string;
  active?: boolean;
}

/** One reason an account change is refused; `field`: the input it is about. */
export type UserProblem = Localized & { field?: keyof UserInput };

export class UserError extends Error {
  constructor(
    readonly problems: UserProblem[],
    readonly conflict = false,
  ) {
    super(problems.map((p) => `${p.zh} (${p.en})`).join('\n'));
    this.name = 'UserError';
  }
}

export type UserView = Omit<UserAccount, 'passwordHash' | 'tokenVersion'> & { hasPassword: boolean };

export const userView = ({ passwordHash, tokenVersion: _version, ...u }: UserAccount): UserView => ({
  ...u,
  hasPassword: passwordHash !== null,
});

async function checkUser(
  accounts: AccessRepository,
  u: Pick<UserInput, 'email' | 'name' | 'role' | 'department' | 'password'>,
): Promise<UserProblem[]> {
  const problems: UserProblem[] = [];
  const perDepartment = u.role === 'submitter' || u.role === 'supervisor';
  if (perDepartment && !u.department)
    problems.push({
      zh: '填报人和审核人必须属于一个部门',
      en: 'submitters and supervisors belong to a department',
      field: 'department',
    });
  if (!perDepartment && u.department)
    problems.push({
      zh: '统计局管理员和查看人不属于具体部门',
      en: 'admins and viewers do not belong to a department',
      field: 'department',
    });
  if (u.department && !(await accounts.departmentExists(u.department))) {
    problems.push({
      zh: `没有代码为“${u.department}”的部门`,
      en: `no department "${u.department}"`,
      field: 'department',
    });
  }
  // The same rule wherever a password is set: the API, the command line, the demo's accounts.
  const weak = u.password == null ? null : checkPasswordStrength(u.password, [u.email, u.name]);
  if (weak) problems.push({ ...weak, field: 'password' });
  return problems;
}

export async function createUser(accounts: AccessRepository, input: UserInput): Promise<UserView> {
  const department = input.department || null;
  const problems = await checkUser(accounts, { ...input, department });
  if (problems.length) throw new UserError(problems);
  const email = input.email.trim().toLowerCase();
  const exists = new UserError([{ zh: `用户“${email}”已存在`, en: `user "${email}" already exists` }], true);
  const id = await accounts.createAccount({
    email,
    name: input.name.trim(),
    role: input.role,
    department,
    passwordHash: input.password ? await hashPassword(input.password) : null,
    locale: input.locale ?? 'zh-CN',
    active: input.active ?? true,
  });
  // Two requests for the same address at once: one account, the other told it exists.
  if (id === null) throw exists;
  return userView((await accounts.account(id))!);
}

/** Applies a change; returns the account before and after, for the audit trail. */
export async function updateUser(
  accounts: AccessRepository,
  id: string,
  change: Partial<Omit<UserInput, 'email'>>,
): Promise<{ before: UserView; after: UserView } | null> {
  const user = await accounts.account(id);
  if (!user) return null;
  const role = change.role ?? user.role;
  const department =
    change.department !== undefined ? change.department : seesEveryDepartment(role) ? null : user.department;
  const problems = await checkUser(accounts, {
    email: user.email,
    name: change.name ?? user.name,
    role,
    department,
    password: change.password,
  });
  if (problems.length) throw new UserError(problems);
  const before = userView(user);
  const { password, name, locale, active } = change;
  const given = Object.fromEntries(Object.entries({ name, locale, active }).filter(([, v]) => v != null));
  // Sessions issued before end with a change of what they were issued for (libs/access/sessions).
  const revoke =
    (active != null && active !== user.active) || role !== user.role || department !== user.department || !!password;
  await accounts.updateAccount(
    id,
    { ...given, role, department, ...(password ? { passwordHash: await hashPassword(password) } : {}) },
    { revokeSessions: revoke },
  );
  return { before, after: userView((await accounts.account(id))!) };
}
