import { authorize, type AccessTarget, type Permission } from './permissions';
import type { Principal } from './principal';

const person = (role: Principal['role'], department: string | null = null, scope?: Principal['scope']): Principal => ({
  id: 'u',
  email: 'u@x.example',
  name: 'U',
  role,
  department,
  scope,
});
const admin = person('admin');
const viewer = person('viewer');
const approver = person('approver');
const submitter = person('submitter', 'city-education');
const supervisor = person('supervisor', 'city-education');
const linkSubmit = person('submitter', 'city-education', {
  purpose: 'submit',
  cycleId: 'c1',
  department: 'city-education',
  itemKey: 'indicator-5',
});
const own: AccessTarget = { department: 'city-education', cycleId: 'c1', itemKey: 'indicator-5' };
const other: AccessTarget = { department: 'city-health', cycleId: 'c1', itemKey: 'indicator-9', coDepartments: [] };
const shared: AccessTarget = {
  department: 'city-health',
  cycleId: 'c1',
  itemKey: 'indicator-9',
  coDepartments: ['city-education'],
};
const ownOtherItem: AccessTarget = { ...own, itemKey: 'indicator-6' };

describe('authorize', () => {
  it.each<[string, Principal, Permission, AccessTarget | undefined, boolean]>([
    ['the bureau launches and changes cycles', admin, 'cycle:manage', undefined, true],
    ['a viewer reads any department', viewer, 'item:read', other, true],
    ['a viewer cannot submit', viewer, 'item:submit', own, false],
    ['a viewer cannot manage cycles', viewer, 'cycle:manage', undefined, false],
    ['a viewer cannot approve a report', viewer, 'report:approve', undefined, false],
    ['the approver approves a report', approver, 'report:approve', undefined, true],
    ['the approver approves a target’s adjustment', approver, 'adjustment:approve', undefined, true],
    ['the approver reads any department', approver, 'item:read', other, true],
    ['the approver cannot submit', approver, 'item:submit', own, false],
    ['the approver cannot manage cycles', approver, 'cycle:manage', undefined, false],
    ['the bureau does not approve its own report', admin, 'report:approve', undefined, false],
    ['a submitter submits for its own department', submitter, 'item:submit', own, true],
    ['a submitter cannot submit for another department', submitter, 'item:submit', other, false],
    ['a submitter reads a shared item of another department', submitter, 'item:read', shared, true],
    ['a submitter contributes to a shared item', submitter, 'item:contribute', shared, true],
    ['a submitter cannot read an unshared item of another department', submitter, 'item:read', other, false],
    ['a co-operating submitter does not submit the lead department’s item', submitter, 'item:submit', shared, false],
    ['a co-operating supervisor reads the shared item', supervisor, 'item:read', shared, true],
    [
      'a co-operating supervisor does not contribute (its submitter does)',
      supervisor,
      'item:contribute',
      shared,
      false,
    ],
    ['a co-operating supervisor does not review the lead department’s item', supervisor, 'item:review', shared, false],
    ['a submitter cannot review', submitter, 'item:review', own, false],
    ['a supervisor reviews its own department', supervisor, 'item:review', own, true],
    ['a supervisor cannot review another department', supervisor, 'item:review', other, false],
    ['a supervisor cannot launch', supervisor, 'cycle:manage', undefined, false],
    [
      'a supervisor manages its own delegations',
      supervisor,
      'delegation:manage',
      { department: 'city-education' },
      true,
    ],
    [
      'a supervisor cannot delegate for another department',
      supervisor,
      'delegation:manage',
      { department: 'city-health' },
      false,
    ],
    ['only the bureau edits the catalog', supervisor, 'catalog:write', undefined, false],
    ['a link opens its own item', linkSubmit, 'item:submit', own, true],
    ['a link does not open another item of the same department', linkSubmit, 'item:submit', ownOtherItem, false],
    ['a submit link cannot review', linkSubmit, 'item:review', own, false],
    ['a link session cannot list cycles', linkSubmit, 'cycle:read', undefined, false],
  ])('%s', (_, principal, permission, target, allowed) => {
    const refusal = authorize(principal, permission, target);
    expect(refusal === null).toBe(allowed);
    if (refusal) expect(refusal.zh).toMatch(/[\u4e00-\u9fa5]/);
  });
});
