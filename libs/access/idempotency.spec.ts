import { IDEMPOTENCY_KEY_FORMAT, keyedRequestId, requestFingerprint, type KeyedRequest } from './idempotency';

const draft: KeyedRequest = {
  method: 'PUT',
  path: '/api/cycles/c/items/indicator-1/draft',
  body: { submission: { kind: 'indicator', value: 280 } },
};

describe('requestFingerprint', () => {
  it.each<[string, KeyedRequest, boolean]>([
    ['the same request', { ...draft, body: { submission: { kind: 'indicator', value: 280 } } }, true],
    ['the method in lower case', { ...draft, method: 'put' }, true],
    ['another method', { ...draft, method: 'POST' }, false],
    ['another item', { ...draft, path: '/api/cycles/c/items/indicator-4/draft' }, false],
    ['another query', { ...draft, path: `${draft.path}?x=1` }, false],
    ['another body', { ...draft, body: { submission: { kind: 'indicator', value: 281 } } }, false],
    ['no body', { ...draft, body: undefined }, false],
  ])('%s: same=%s', (_, other, same) => {
    expect(requestFingerprint(other) === requestFingerprint(draft)).toBe(same);
  });
});

describe('keyedRequestId', () => {
  it.each<[string, [string, string, string], boolean]>([
    ['the same caller, key and first use', ['user-1', 'key-00000001', '1000'], true],
    ['another caller', ['user-2', 'key-00000001', '1000'], false],
    ['another key', ['user-1', 'key-00000002', '1000'], false],
    ['the key used afresh after it expired', ['user-1', 'key-00000001', '2000'], false],
  ])('%s: same=%s', (_, args, same) => {
    expect(keyedRequestId(...args) === keyedRequestId('user-1', 'key-00000001', '1000')).toBe(same);
  });

  it('is 32 hex digits: a safe update ID, audit key and file name part', () => {
    expect(keyedRequestId('user-1', 'key-00000001', '1000')).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('IDEMPOTENCY_KEY_FORMAT', () => {
  it.each<[string, boolean]>([
    ['3f0c8f7e-5c1b-4d0e-9a55-2a4f7c1e9b10', true],
    ['remind-city-education-1', true],
    ['short', false],
    ['with space in it', false],
    ['x'.repeat(129), false],
  ])('%s: %s', (key, ok) => {
    expect(IDEMPOTENCY_KEY_FORMAT.test(key)).toBe(ok);
  });
});
