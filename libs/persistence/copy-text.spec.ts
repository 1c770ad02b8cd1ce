import { copyTextLine } from './copy-text';

describe('copyTextLine', () => {
  it.each([
    ['plain values, tab-separated', ['cycle/a', 'indicator-1', 3], 'cycle/a\tindicator-1\t3\n'],
    ['Chinese text unchanged', ['人均预期寿命（岁）'], '人均预期寿命（岁）\n'],
    ['a tab inside a value', ['a\tb'], 'a\\tb\n'],
    ['newline and carriage return', ['line 1\r\nline 2'], 'line 1\\r\\nline 2\n'],
    ['a backslash (as JSON escapes carry)', ['{"t":"a\\"b"}'], '{"t":"a\\\\"b"}\n'],
    ['an empty array', [[]], '{}\n'],
    ['array elements quoted', [['city-health', 'city-education']], '{"city-health","city-education"}\n'],
    [
      'comma, brace, space and NULL stay text in an array',
      [['a,b', '{x}', 'two words', 'NULL']],
      '{"a,b","{x}","two words","NULL"}\n',
    ],
    ['a quote and backslash in an array element', [['say "hi"\\']], '{"say \\\\"hi\\\\"\\\\\\\\"}\n'],
  ])('%s', (_case, values, expected) => {
    expect(copyTextLine(values)).toBe(expected);
  });
});
