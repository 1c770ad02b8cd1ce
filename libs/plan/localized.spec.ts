import { MAX_LISTED_ISSUES, PlanValidationError, type PlanIssue } from './localized';

const issues = (n: number): PlanIssue[] =>
  Array.from({ length: n }, (_, i) => ({
    where: `主要任务!B${i + 2}`,
    message: { zh: '不能为空', en: 'must not be empty' },
  }));

describe('PlanValidationError lists at most MAX_LISTED_ISSUES problems and counts the rest', () => {
  it.each<[string, number, number, string | null]>([
    ['one problem', 1, 1, null],
    ['exactly the limit', MAX_LISTED_ISSUES, MAX_LISTED_ISSUES, null],
    ['one over', MAX_LISTED_ISSUES + 1, MAX_LISTED_ISSUES + 1, '另有 1 个问题未列出 (1 more problems not listed)'],
    [
      'a workbook wrong on every row',
      200_000,
      MAX_LISTED_ISSUES + 1,
      '另有 199900 个问题未列出 (199900 more problems not listed)',
    ],
  ])('%s', (_, found, listed, rest) => {
    const error = new PlanValidationError(issues(found));
    expect(error.issues).toHaveLength(listed);
    expect(error.issues[0]).toEqual(issues(1)[0]);
    // The total is still told, once, in the message the CLI prints.
    expect(error.message).toMatch(new RegExp(`^数据有 ${found} 处问题 \\(the data has ${found} problem\\(s\\)\\)`));
    expect(error.message.split('\n')).toHaveLength(listed + 1);
    if (rest) expect(error.message.endsWith(`  - …: ${rest}`)).toBe(true);
    else expect(error.message).not.toContain('未列出');
  });
});
