import type { Request } from 'express';
import { ApiProblem } from '../common/problem.filter';
import { cookieValue, OPERATOR_COOKIE, presentedSessionToken } from './operator-cookie';

describe('cookieValue', () => {
  it.each([
    [undefined, undefined],
    ['', undefined],
    [`${OPERATOR_COOKIE}=abc`, 'abc'],
    [`theme=dark; ${OPERATOR_COOKIE}=a.b.c; lang=zh`, 'a.b.c'],
    [`x${OPERATOR_COOKIE}=abc`, undefined],
    [`${OPERATOR_COOKIE}=`, undefined],
    [`other=${OPERATOR_COOKIE}=abc`, undefined],
  ])('in %p finds %p', (header, value) => {
    expect(cookieValue(header, OPERATOR_COOKIE)).toBe(value);
  });
});

describe('presentedSessionToken', () => {
  const req = (method: string, headers: Record<string, string>) => ({ method, headers }) as unknown as Request;
  const cookie = { cookie: `${OPERATOR_COOKIE}=from-cookie` };
  const ui = { 'x-namespace': 'default' };

  it.each([
    ['a Bearer token, wherever', 'POST', false, { authorization: 'Bearer from-header', ...cookie }, 'from-header'],
    ['no cookie where the handler takes none', 'GET', false, cookie, undefined],
    ['the cookie on a GET (an address typed in)', 'GET', true, { ...cookie, 'sec-fetch-site': 'none' }, 'from-cookie'],
    ['the cookie on the UI’s POST', 'POST', true, { ...cookie, ...ui, 'sec-fetch-site': 'same-origin' }, 'from-cookie'],
    [
      'the cookie on a POST from a client that sends no Sec-Fetch-Site',
      'POST',
      true,
      { ...cookie, ...ui },
      'from-cookie',
    ],
    ['nothing at all', 'POST', true, {}, undefined],
  ])('takes %s', (_, method, acceptsCookie, headers, token) => {
    expect(presentedSessionToken(req(method, headers), acceptsCookie)).toBe(token);
  });

  it.each([
    ['a POST without the UI’s X-Namespace header', 'POST', cookie],
    ['a GET from another site', 'GET', { ...cookie, 'sec-fetch-site': 'cross-site' }],
    ['a POST from a sibling site', 'POST', { ...cookie, ...ui, 'sec-fetch-site': 'same-site' }],
  ])('refuses the cookie on %s, naming X-Namespace', (_, method, headers) => {
    try {
      presentedSessionToken(req(method, headers), true);
      throw new Error('not refused');
    } catch (e) {
      expect(e).toBeInstanceOf(ApiProblem);
      expect((e as ApiProblem).getStatus()).toBe(403);
      expect(JSON.stringify((e as ApiProblem).getResponse())).toContain('X-Namespace');
    }
  });
});
