import { canonicalJson } from './canonical-json';

/** The text content hashes were made with before the sorted orders were kept. */
const reference = (value: unknown) =>
  JSON.stringify(value, (_k, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );

describe('canonicalJson', () => {
  it.each<[string, unknown, string]>([
    ['keys sorted', { b: 1, a: 2 }, '{"a":2,"b":1}'],
    [
      'nested objects and arrays',
      { z: [{ y: 1, x: 2 }], a: { d: null, c: true } },
      '{"a":{"c":true,"d":null},"z":[{"x":2,"y":1}]}',
    ],
    ['case and accents as localeCompare orders them', { b: 1, B: 2, á: 3, a: 4 }, '{"a":4,"á":3,"b":1,"B":2}'],
    ['integer keys first, as JavaScript keeps them', { b: 1, 10: 2, 2: 3 }, '{"2":3,"10":2,"b":1}'],
    ['Chinese keys', { 教育: 1, 卫生: 2 }, '{"卫生":2,"教育":1}'],
    ['undefined values left out', { b: undefined, a: 1 }, '{"a":1}'],
    ['not an object', [3, 'x', null], '[3,"x",null]'],
  ])('%s', (_name, value, text) => {
    expect(canonicalJson(value)).toBe(text);
    expect(canonicalJson(value)).toBe(reference(value));
  });

  it('gives the same text for the same keys in any order, sorted once or many times', () => {
    const shapes = [
      { c: 1, a: 2, b: 3 },
      { a: 2, b: 3, c: 1 },
      { b: 3, c: 1, a: 2 },
    ];
    for (const s of [...shapes, ...shapes]) expect(canonicalJson(s)).toBe('{"a":2,"b":3,"c":1}');
  });
});
