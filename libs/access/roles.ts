/**
 * The roles a person signs in with, declared once: the account entity, the
 * API's validation, the command line and the portal (which cannot import an
 * entity) all take them from here. admin is the bureau; submitter and
 * supervisor act for one department; viewer reads only (a third-party
 * evaluator); approver is the government office that approves what the bureau
 * puts to it (the final report, a target's adjustment), e.g. 分管副市长办公室.
 */
export const USER_ROLES = ['admin', 'submitter', 'supervisor', 'viewer', 'approver'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** Roles that belong to no department and see every department's items. */
export function seesEveryDepartment(role: UserRole): boolean {
  return role === 'admin' || role === 'viewer' || role === 'approver';
}
