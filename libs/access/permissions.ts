/**
 * Who may do what, as one pure function the API calls on every request.
 * Roles: admin (the bureau), submitter and supervisor (per department), viewer
 * (read-only, e.g. a third-party evaluator), approver (the government office
 * approving the final report and targets' adjustments). A department sees only its own
 * items; a supervisor reviews only its department's; only the bureau changes
 * a cycle or the catalog. A session opened from an email link may do exactly
 * what the link was for, on that one item.
 */
import type { Localized } from '../plan/localized';
import type { LinkScope, Principal } from './principal';
import { seesEveryDepartment } from './roles';

export type Permission =
  | 'catalog:read'
  | 'catalog:write'
  | 'users:manage'
  | 'cycle:read'
  | 'cycle:manage'
  | 'item:read'
  | 'item:submit'
  | 'item:contribute'
  | 'item:review'
  | 'report:read'
  /** Commenting on a report out for comments: a department on its part, the third-party evaluator as an assessment. */
  | 'review:comment'
  | 'audit:read'
  | 'delegation:manage'
  /** Reading Temporal histories decrypted (the codec server): the bureau's operators only. */
  | 'payloads:decode'
  /** Approving what the bureau puts to the government: a finalised report, a target's adjustment. */
  | 'report:approve'
  | 'adjustment:approve';

/** The item (or department) a request touches, when it touches one. */
export interface AccessTarget {
  department: string;
  cycleId?: string;
  itemKey?: string;
  /** Co-operating departments of the item, who may read it and contribute. */
  coDepartments?: string[];
}

const refuse = (zh: string, en: string): Localized => ({ zh, en });

const ROLE_PERMISSIONS: Record<Principal['role'], Permission[]> = {
  admin: [
    'catalog:read',
    'catalog:write',
    'users:manage',
    'cycle:read',
    'cycle:manage',
    'item:read',
    'item:submit',
    'item:review',
    'report:read',
    'audit:read',
    'delegation:manage',
    'payloads:decode',
  ],
  viewer: ['catalog:read', 'cycle:read', 'item:read', 'report:read', 'audit:read', 'review:comment'],
  approver: ['catalog:read', 'cycle:read', 'item:read', 'report:read', 'report:approve', 'adjustment:approve'],
  submitter: [
    'catalog:read',
    'cycle:read',
    'item:read',
    'item:submit',
    'item:contribute',
    'report:read',
    'review:comment',
  ],
  supervisor: [
    'catalog:read',
    'cycle:read',
    'item:read',
    'item:review',
    'report:read',
    'delegation:manage',
    'review:comment',
  ],
};

/** What a link session may do, by the link's purpose. */
const SCOPE_PERMISSIONS: Record<LinkScope['purpose'], Permission[]> = {
  submit: ['item:read', 'item:submit'],
  review: ['item:read', 'item:review'],
  contribute: ['item:read', 'item:contribute'],
  comment: ['report:read', 'review:comment'],
};

/** Null when allowed; otherwise the refusal, in words the person can act on. */
export function authorize(p: Principal, permission: Permission, target?: AccessTarget): Localized | null {
  if (p.scope) {
    if (!SCOPE_PERMISSIONS[p.scope.purpose].includes(permission)) {
      return refuse(
        '通过邮件链接进入只能处理该链接对应的事项；如需其他操作请登录',
        'an email link only opens the item it was sent for; sign in for anything else',
      );
    }
    // A comment link opens its department's part of the report, not one item.
    const within =
      p.scope.purpose === 'comment' ? target?.department === p.scope.department : target?.itemKey === p.scope.itemKey;
    if (!target || target.cycleId !== p.scope.cycleId || !within) {
      return refuse('此邮件链接不适用于该事项', 'this email link is not for that item');
    }
    return null;
  }
  if (!ROLE_PERMISSIONS[p.role].includes(permission))
    return refuse('您的角色无权执行此操作', 'your role may not do this');
  if (!target || seesEveryDepartment(p.role)) return null;
  if (target.department === p.department) return null;
  const reading = permission === 'item:read' || permission === 'item:contribute';
  if (reading && p.department && target.coDepartments?.includes(p.department)) return null;
  return refuse('只能查看和处理本部门的事项', 'you may only see and act on your own department’s items');
}
