import { leadDepartmentLimitGap, MAX_LEAD_DEPARTMENTS } from './cycle-limits';

describe('leadDepartmentLimitGap', () => {
  it.each([
    [1, false],
    [1999, false],
    // Temporal refuses the 2,001st running child, not the 2,000th.
    [2000, false],
    [2001, true],
    [30_000, true],
  ])('%i lead departments: refused %s', (departments, refused) => {
    expect(leadDepartmentLimitGap(departments) !== null).toBe(refused);
  });

  it('names the count and the limit in both languages', () => {
    const gap = leadDepartmentLimitGap(2001)!;
    expect(gap.zh).toContain('2001个牵头部门');
    expect(gap.zh).toContain(`${MAX_LEAD_DEPARTMENTS}个`);
    expect(gap.en).toContain('2001 lead departments');
    expect(gap.en).toContain(`${MAX_LEAD_DEPARTMENTS}`);
  });
});
