import type { Principal } from './principal';
import { sessionRevocation, type AccountStanding, type SessionRevocation } from './sessions';
import type { Session } from './tokens';

const principal: Principal = {
  id: 'u',
  email: 'u@x.example',
  name: 'U',
  role: 'submitter',
  department: 'city-education',
};
const session = (tokenVersion: number | undefined, p: Partial<Principal> = {}): Session => ({
  principal: { ...principal, ...p },
  tokenVersion,
  expiresAt: 0,
});
const account: AccountStanding = { active: true, tokenVersion: 3, role: 'submitter', department: 'city-education' };

describe('sessionRevocation', () => {
  it.each<[string, Session, AccountStanding | null, SessionRevocation | null]>([
    ['a session of the current version', session(3), account, null],
    ['an account that no longer exists', session(3), null, 'inactive'],
    ['a deactivated account', session(3), { ...account, active: false }, 'inactive'],
    ['a session from before a change or sign-out', session(2), account, 'reissued'],
    ['a session without a version', session(undefined), account, 'reissued'],
    ['a role changed behind the version’s back', session(3), { ...account, role: 'supervisor' }, 'reissued'],
    [
      'a department changed behind the version’s back',
      session(3),
      { ...account, department: 'city-health' },
      'reissued',
    ],
    [
      'an admin without a department',
      session(0, { role: 'admin', department: null }),
      { ...account, tokenVersion: 0, role: 'admin', department: null },
      null,
    ],
  ])('%s', (_, s, a, expected) => {
    expect(sessionRevocation(s, a)).toBe(expected);
  });
});
