import { THRESHOLD_PRESETS } from '../rules/thresholds';
import { itemKey } from './cycle-definition';
import { leadItemKeys, preparedCycle } from './prepared-cycle';
import type { WorkItemSpec } from './submission';

const item = (kind: WorkItemSpec['kind'], no: number, lead: string, co: string[] = []): WorkItemSpec => ({
  key: itemKey(kind, no),
  kind,
  no,
  title: `${kind} ${no}`,
  leadDepartment: lead,
  coDepartments: co,
});
const years = { baselineYear: 2020, endYear: 2025, year: 2023 };
const thresholds = THRESHOLD_PRESETS.traffic_light;

describe('preparedCycle', () => {
  const items = [
    item('task', 2, 'city-health', ['city-education']),
    item('indicator', 10, 'city-education'),
    item('project', 1, 'city-health'),
    item('indicator', 2, 'city-health', ['city-education', 'city-civil-affairs']),
    item('task', 1, 'city-civil-affairs'),
  ];

  it.each([
    ['in the order planned', items],
    ['in the order read back from the database', [...items].reverse()],
    ['in any other order', [items[2], items[0], items[4], items[1], items[3]]],
  ])('gives the same answer for items %s', (_order, given) => {
    expect(preparedCycle(given, years, thresholds)).toEqual({
      departments: ['city-civil-affairs', 'city-education', 'city-health'],
      itemCount: 5,
      years,
      thresholds,
      contributors: [
        { department: 'city-civil-affairs', items: [{ key: 'indicator-2', title: 'indicator 2' }] },
        {
          department: 'city-education',
          items: [
            { key: 'indicator-2', title: 'indicator 2' },
            { key: 'task-2', title: 'task 2' },
          ],
        },
      ],
    });
  });

  it('has no departments and no contributors for no items', () => {
    expect(preparedCycle([], years, thresholds)).toEqual({
      departments: [],
      itemCount: 0,
      years,
      thresholds,
      contributors: [],
    });
  });
});

describe('leadItemKeys', () => {
  const rows = [
    item('task', 2, 'city-health'),
    item('indicator', 10, 'city-education'),
    item('project', 1, 'city-health'),
    item('indicator', 2, 'city-health'),
  ];

  it.each([
    ['a batch of every department', ['city-education', 'city-health'], rows],
    ['rows in another order', ['city-education', 'city-health'], [...rows].reverse()],
  ])('gives each department its keys in catalog order: %s', (_case, departments, given) => {
    expect(leadItemKeys(departments, given)).toEqual({
      'city-education': ['indicator-10'],
      // Catalog order: indicators, then projects, then tasks, each by number.
      'city-health': ['indicator-2', 'project-1', 'task-2'],
    });
  });

  it('names a department of the batch that leads nothing, and leaves out rows of departments outside it', () => {
    expect(leadItemKeys(['city-sports', 'city-education'], rows)).toEqual({
      'city-sports': [],
      'city-education': ['indicator-10'],
    });
  });
});
