import { describeTextProblem, textProblemOf, unstorableText, type TextProblem } from './storable-text';

describe('textProblemOf: what PostgreSQL and JSON refuse in one string', () => {
  it.each<[string, string, ReturnType<typeof textProblemOf>]>([
    ['plain Chinese', '河源市统计年鉴', null],
    ['a whole surrogate pair (an emoji, 𠀀)', '数据 😀 𠀀', null],
    ['NUL', 'a\0b', 'nul'],
    ['a lone high surrogate', 'x\ud800y', 'lone_surrogate'],
    ['a lone high surrogate at the end', 'x\ud800', 'lone_surrogate'],
    ['a lone low surrogate', 'x\udc00y', 'lone_surrogate'],
    ['a pair reversed', '\udc00\ud800', 'lone_surrogate'],
    ['at the length limit', 'a'.repeat(20_000), null],
    ['past the length limit', 'a'.repeat(20_001), 'too_long'],
  ])('%s', (_, text, expected) => expect(textProblemOf(text)).toBe(expected));
});

describe('unstorableText: every bad string or key, by field path', () => {
  const deep = (levels: number): unknown => {
    let v: unknown = 'x';
    for (let i = 0; i < levels; i++) v = { a: v };
    return v;
  };
  it.each<[string, unknown, TextProblem[]]>([
    [
      'a good submission',
      { submission: { kind: 'indicator', value: 3.6, dataSource: '统计公报', evidence: [{ name: 'a.pdf' }] } },
      [],
    ],
    [
      'a lone surrogate in a draft',
      { submission: { dataSource: 'x\ud800y' } },
      [{ field: 'submission.dataSource', kind: 'lone_surrogate' }],
    ],
    ['NUL in an array element', { itemKeys: ['indicator-1', 'indicator-\0'] }, [{ field: 'itemKeys.1', kind: 'nul' }]],
    ['NUL in a key', { ['a\0']: 1 }, [{ field: 'a\0', kind: 'nul' }]],
    [
      'two problems, in order',
      { a: 'x\0', b: { c: '\udfff' } },
      [
        { field: 'a', kind: 'nul' },
        { field: 'b.c', kind: 'lone_surrogate' },
      ],
    ],
    ['16 levels', deep(15), []],
    ['17 levels', deep(17), [{ field: 'a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a', kind: 'too_deep' }]],
    ['numbers, booleans and null', { a: 1, b: true, c: null }, []],
  ])('%s', (_, value, expected) => expect(unstorableText(value)).toEqual(expected));

  it('walks 3,000 levels without overflowing the stack, naming the one place', () => {
    expect(unstorableText(deep(3000))).toHaveLength(1);
  });

  it('names at most 20 problems of a hostile body', () => {
    expect(unstorableText(Array.from({ length: 1000 }, () => '\0'))).toHaveLength(20);
  });

  it('prefixes the path it is given (a request part)', () => {
    expect(unstorableText('x\ud800', 'reason')).toEqual([{ field: 'reason', kind: 'lone_surrogate' }]);
  });
});

describe('describeTextProblem: what the person reads', () => {
  it.each<[TextProblem, string, string]>([
    [
      { field: 'submission.dataSource', kind: 'lone_surrogate' },
      'submission.dataSource 含有无法保存的残缺字符',
      'lone UTF-16 surrogate',
    ],
    [{ field: 'text', kind: 'too_long' }, 'text 过长：最多 20000 个字符', 'at most 20000 characters'],
    [{ field: 'a\0', kind: 'nul' }, 'a\\u0000 含有空字符', 'NUL character'],
    [{ field: '', kind: 'too_deep' }, '嵌套层级过深', 'nested too deeply'],
  ])('%j', (problem, zh, en) => {
    const d = describeTextProblem(problem);
    expect(d.zh).toContain(zh);
    expect(d.en).toContain(en);
  });
});
