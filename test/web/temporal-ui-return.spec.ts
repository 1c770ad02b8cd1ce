import type { Principal } from '@libs/access/principal';
import type { UserRole } from '@libs/access/roles';
import { opensTemporalUi, requestedUiPage } from '../../apps/web/src/temporal-ui-return';

describe('the Temporal UI page a sign-in returns to', () => {
  it.each([
    ['the path the proxy names', '?next=/temporal/', '/temporal/'],
    [
      'an encoded slash kept encoded',
      '?next=/temporal/namespaces/default/workflows/cycle%2Fheyuan/history',
      '/temporal/namespaces/default/workflows/cycle%2Fheyuan/history',
    ],
    ['among other parameters', '?lang=en&next=/temporal/namespaces&x=1', '/temporal/namespaces'],
    ['no next', '', null],
    ['an empty next', '?next=', null],
    ['a portal page (the portal returns there by itself)', '?next=/cycles', null],
    ['another site', '?next=https://example.com/temporal/', null],
    ['another site, scheme-relative', '?next=//example.com/temporal/', null],
    ['a backslash a browser reads as a slash', '?next=/temporal/\\example.com', null],
    ['dot segments out of the UI', '?next=/temporal/../api/reports', null],
    ['a dot segment at the end', '?next=/temporal/..', null],
    ['the parameter a name merely ends with', '?unnext=/temporal/', null],
  ])('%s', (_case, search, page) => {
    expect(requestedUiPage(search)).toBe(page);
  });

  const person = (role: UserRole): Principal => ({
    id: role,
    email: `${role}@example.org`,
    name: role,
    role,
    department: null,
  });
  it.each([
    ['admin', true],
    ['viewer', false],
    ['approver', false],
    ['submitter', false],
    ['supervisor', false],
  ] as Array<[UserRole, boolean]>)('a sign-in as %s opens the UI: %s', (role, opens) => {
    expect(opensTemporalUi(person(role))).toBe(opens);
  });
});
