import { launchPreview } from './launch-preview';

const contacts = [
  { code: 'city-education', name: '市教育局', submitterEmail: 'submitter@city-education.example' },
  { code: 'city-health', name: '市卫生健康局', submitterEmail: 'submitter@city-health.example' },
  { code: 'city-finance', name: '市财政局', submitterEmail: null },
];

describe('launchPreview', () => {
  it.each([
    {
      label: 'nothing to launch',
      items: [],
      expected: {
        itemCount: 0,
        items: {},
        departments: [],
        mails: { assignments: 0, contributionRequests: 0, total: 0 },
      },
    },
    {
      label: 'one lead department, two kinds',
      items: [
        { kind: 'indicator' as const, leadDepartment: 'city-education', coDepartments: [] },
        { kind: 'task' as const, leadDepartment: 'city-education', coDepartments: [] },
        { kind: 'indicator' as const, leadDepartment: 'city-education', coDepartments: [] },
      ],
      expected: {
        itemCount: 3,
        items: { indicator: 2, task: 1 },
        departments: [
          {
            code: 'city-education',
            name: '市教育局',
            leads: { indicator: 2, task: 1 },
            cooperates: 0,
            submitterEmail: 'submitter@city-education.example',
          },
        ],
        mails: { assignments: 1, contributionRequests: 0, total: 1 },
      },
    },
    {
      label: 'a department that leads and co-operates gets both mails; one that only co-operates, one',
      items: [
        { kind: 'task' as const, leadDepartment: 'city-health', coDepartments: ['city-education', 'city-finance'] },
        { kind: 'reserve' as const, leadDepartment: 'city-education', coDepartments: ['city-finance'] },
      ],
      expected: {
        itemCount: 2,
        items: { task: 1, reserve: 1 },
        departments: [
          {
            code: 'city-education',
            name: '市教育局',
            leads: { reserve: 1 },
            cooperates: 1,
            submitterEmail: 'submitter@city-education.example',
          },
          {
            code: 'city-health',
            name: '市卫生健康局',
            leads: { task: 1 },
            cooperates: 0,
            submitterEmail: 'submitter@city-health.example',
          },
          { code: 'city-finance', name: '市财政局', leads: {}, cooperates: 2, submitterEmail: null },
        ],
        mails: { assignments: 2, contributionRequests: 2, total: 4 },
      },
    },
  ])('$label', ({ items, expected }) => {
    expect(launchPreview(items, contacts)).toEqual(expected);
  });
});
