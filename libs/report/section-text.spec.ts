import type { ReviewStage } from '../cycle/report-review';
import { SECTION_TEXT_MAX, sectionTextProblems, textEditable } from './section-text';

describe('textEditable: until 定稿, and again once the approver returns the report', () => {
  it.each<[ReviewStage | null, boolean]>([
    [null, true],
    ['commenting', true],
    ['recompiling', true],
    ['finalising', false],
    ['awaiting_approval', false],
    ['approved', false],
    ['completed', false],
  ])('%s: %s', (stage, editable) => {
    expect(textEditable(stage)).toBe(editable);
  });
});

describe('sectionTextProblems: plain text, one paragraph, not empty, not too long', () => {
  it.each<[string, string, RegExp[]]>([
    ['a paragraph', '部分指标进度滞后，需加快推进。', []],
    ['empty', '', [/text：段落文字不能为空/]],
    ['blank', '  \u3000 ', [/text：段落文字不能为空/]],
    ['a line break', '第一句。\n第二句。', [/text：段落是一段纯文字/]],
    ['a tab', '第一句。\t', [/不能含换行或控制字符/]],
    ['as long as allowed', '字'.repeat(SECTION_TEXT_MAX), []],
    ['too long', '字'.repeat(SECTION_TEXT_MAX + 1), [/text：段落文字最多2000字/]],
    ['too long, with a line break', `${'字'.repeat(SECTION_TEXT_MAX)}\n`, [/最多2000字/, /不能含换行/]],
  ])('%s', (_label, text, expected) => {
    const problems = sectionTextProblems(text, 'text');
    expect(problems.map((p) => p.zh)).toEqual(expected.map((r) => expect.stringMatching(r)));
    problems.forEach((p) => expect(p).toMatchObject({ field: 'text', en: expect.stringMatching(/^text: /) }));
  });
});
