import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DepartmentDirectory } from './departments';
import type { PlanFile } from './plan-file';

const heyuan: PlanFile = JSON.parse(
  readFileSync(join(__dirname, '../../data/plans/heyuan-public-services-2021-2025.json'), 'utf8'),
);
const directory = new DepartmentDirectory(heyuan);

describe('DepartmentDirectory', () => {
  it.each([
    ['统计局', '市统计局'],
    ['审计局', '市审计局'],
    ['河源市文化广电旅游体育局', '市文化广电旅游体育局'],
    ['紫金县政府', '紫金县'],
    ['市统计局', '市统计局'],
  ])('normalises the variant %s to %s', (printed, canonical) => {
    expect(directory.unit(printed)).toEqual({ kind: 'department', name: canonical });
  });

  it('takes the first unit as lead and keeps groups as groups', () => {
    expect(directory.resolve('市发展改革局、审计局、统计局，县（区）人民政府（管委会）')).toEqual({
      ok: true,
      value: {
        lead: { kind: 'department', name: '市发展改革局' },
        co: [
          { kind: 'department', name: '市审计局' },
          { kind: 'department', name: '市统计局' },
          { kind: 'group', name: '县（区）人民政府（管委会）' },
        ],
      },
    });
  });

  it('names every unknown unit', () => {
    expect(directory.resolve('市教育局、市气象局，市海关')).toEqual({ ok: false, unknown: ['市气象局', '市海关'] });
  });

  it('expands 县（区）人民政府（管委会） to the eight county-level units', () => {
    const group = heyuan.departmentGroups.find((g) => g.name === '县（区）人民政府（管委会）');
    expect(group?.members).toEqual([
      '源城区',
      '东源县',
      '和平县',
      '龙川县',
      '紫金县',
      '连平县',
      '江东新区管委会',
      '市高新区管委会',
    ]);
  });

  it('resolves every department string in the Heyuan plan to a canonical unit or a known group', () => {
    const printed = [
      ...heyuan.indicators.map((i) => i.departments),
      ...heyuan.targets.map((t) => t.departments),
      ...heyuan.tasks.map((t) => t.departments),
      ...heyuan.projects.map((p) => p.responsibleUnit),
    ];
    const unresolved = printed.filter((p) => !directory.resolve(p).ok);
    expect(unresolved).toEqual([]);
    // The three groups the plan names all occur and stay groups.
    const groups = new Set(
      printed.flatMap((p) => {
        const r = directory.resolve(p);
        return r.ok ? [r.value.lead, ...r.value.co].filter((u) => u.kind === 'group').map((u) => u.name) : [];
      }),
    );
    expect([...groups].sort()).toEqual(['县（区）人民政府（管委会）', '市有关部门', '相关行业主管部门'].sort());
  });
});
