import jws from 'jws';
import type { Principal } from './principal';
import { TokenSigner, type LinkClaims } from './tokens';

const SECRET = 'a-secret-of-at-least-thirty-two-characters';
const signer = new TokenSigner(SECRET);
const principal: Principal = {
  id: 'u1',
  email: 'u@x.example',
  name: 'U',
  role: 'submitter',
  department: 'city-education',
};
const link: LinkClaims = {
  purpose: 'submit',
  cycleId: 'c',
  department: 'city-education',
  itemKey: 'indicator-2',
  email: 'u@x.example',
  name: 'U',
};
const inAnHour = () => Math.floor(Date.now() / 1000) + 3600;

const session = () => signer.session(principal).token;
/** A token signed with `alg` and `secret` over any claims: what a forger (or a careless issuer) could send. */
const forged = (payload: object, alg: jws.Algorithm = 'HS256', secret = SECRET) =>
  jws.sign({ header: { alg, typ: 'JWT' }, payload, secret });
const base64url = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
const [, sessionPayload, sessionSignature] = session().split('.');

describe('TokenSigner: what a session check refuses', () => {
  it.each<[string, () => string, 'ok' | 'expired' | 'invalid']>([
    ['a session it issued', session, 'ok'],
    [
      'the same claims signed by us by hand',
      () => forged({ sub: 'u1', aud: 'plan-eval/session', exp: inAnHour() }),
      'ok',
    ],
    ['a link used as a session', () => signer.link(link, Date.now() + 60_000), 'invalid'],
    ['no audience', () => forged({ sub: 'u1', exp: inAnHour() }), 'invalid'],
    ['no expiry: it would never end', () => forged({ sub: 'u1', aud: 'plan-eval/session' }), 'invalid'],
    [
      'an expiry that is not a number',
      () => forged({ sub: 'u1', aud: 'plan-eval/session', exp: String(inAnHour()) }),
      'invalid',
    ],
    ['expired', () => signer.session(principal, -1000).token, 'expired'],
    [
      'expiring this very second',
      () => forged({ sub: 'u1', aud: 'plan-eval/session', exp: Math.floor(Date.now() / 1000) }),
      'expired',
    ],
    [
      'signed with another secret',
      () => forged({ sub: 'u1', aud: 'plan-eval/session', exp: inAnHour() }, 'HS256', 'another-secret'),
      'invalid',
    ],
    [
      'signed with our secret under another algorithm',
      () => forged({ sub: 'u1', aud: 'plan-eval/session', exp: inAnHour() }, 'HS512'),
      'invalid',
    ],
    [
      'alg none, unsigned',
      () =>
        `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ sub: 'u1', aud: 'plan-eval/session', exp: inAnHour() })}.`,
      'invalid',
    ],
    [
      'claims changed under a good signature',
      () =>
        `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url({ sub: 'admin', aud: 'plan-eval/session', exp: inAnHour() })}.${sessionSignature}`,
      'invalid',
    ],
    [
      'a payload that is not JSON',
      () => forged({}).replace(/\.[^.]*\./, `.${Buffer.from('not json').toString('base64url')}.`),
      'invalid',
    ],
    [
      'a payload that is not an object',
      () => jws.sign({ header: { alg: 'HS256', typ: 'JWT' }, payload: '42', secret: SECRET }),
      'invalid',
    ],
    ['no signature part', () => session().split('.').slice(0, 2).join('.'), 'invalid'],
    ['four parts', () => `${session()}.${sessionPayload}`, 'invalid'],
    ['not a token at all', () => 'Bearer nonsense', 'invalid'],
    ['empty', () => '', 'invalid'],
  ])('%s', (_, token, expected) => {
    const checked = signer.verifySession(token());
    expect(checked.ok ? 'ok' : checked.reason).toBe(expected);
  });

  it('reads back the principal, the binding and the expiry it signed', () => {
    const { token, expiresAt } = signer.session({ ...principal, tokenVersion: 3 });
    expect(signer.verifySession(token)).toEqual({
      ok: true,
      claims: { principal, tokenVersion: 3, sessionId: undefined, expiresAt: Date.parse(expiresAt) },
    });
  });
});

describe('TokenSigner: links', () => {
  it('a link checks as a link, with its claims', () => {
    const checked = signer.verifyLink(signer.link(link, Date.now() + 60_000));
    expect(checked).toMatchObject({ ok: true, claims: link });
  });

  it('a session is no link; an expired link says so', () => {
    expect(signer.verifyLink(session())).toEqual({ ok: false, reason: 'invalid' });
    expect(signer.verifyLink(signer.link(link, Date.now() - 1000))).toEqual({ ok: false, reason: 'expired' });
  });
});

describe('TokenSigner: a password-reset link', () => {
  const reset = () => signer.passwordReset({ accountId: 'u1', tokenVersion: 3 }, Date.now() + 60_000);
  it.each<[string, () => string, 'ok' | 'expired' | 'invalid']>([
    ['a link it issued', reset, 'ok'],
    ['an expired one', () => signer.passwordReset({ accountId: 'u1', tokenVersion: 3 }, Date.now() - 1000), 'expired'],
    ['a session', session, 'invalid'],
    ['an item link', () => signer.link(link, Date.now() + 60_000), 'invalid'],
    [
      'signed by another secret',
      () => new TokenSigner(`${SECRET}-other`).passwordReset({ accountId: 'u1', tokenVersion: 3 }, Date.now() + 60_000),
      'invalid',
    ],
    ['without a version', () => forged({ sub: 'u1', aud: 'plan-eval/password-reset', exp: inAnHour() }), 'invalid'],
  ])('%s → %s', (_label, token, outcome) => {
    const checked = signer.verifyPasswordReset(token());
    expect(checked.ok ? 'ok' : checked.reason).toBe(outcome);
  });

  it('names the account and the version it was mailed under', () => {
    expect(signer.verifyPasswordReset(reset())).toEqual({ ok: true, claims: { accountId: 'u1', tokenVersion: 3 } });
    // Neither a session nor an item link is accepted in its place, nor it in theirs.
    expect(signer.verifySession(reset()).ok).toBe(false);
    expect(signer.verifyLink(reset()).ok).toBe(false);
  });
});
