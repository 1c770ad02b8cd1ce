import type { ServiceImplementation } from '../cycle/submission';
import {
  serviceShortfalls,
  summarizeServiceItems,
  type ServiceCounts,
  type ServiceItemStanding,
} from './service-items';

const counts = (implemented: number, partly: number, not: number, notReported: number, rate: number | null) =>
  ({
    count: implemented + partly + not + notReported,
    byStanding: { implemented, partly, not_implemented: not, not_reported: notReported },
    rate,
  }) satisfies ServiceCounts;
const area = (name: string, ...standings: Array<ServiceImplementation | null>): ServiceItemStanding[] =>
  standings.map((implementation) => ({ area: name, implementation }));

describe('summarizeServiceItems: 落实率 per 服务领域 (counted by hand)', () => {
  it.each<[string, ServiceItemStanding[], Array<[string, ServiceCounts]>, ServiceCounts]>([
    ['no items', [], [], counts(0, 0, 0, 0, null)],
    [
      'every item delivered: 100 %',
      area('住有所居', 'implemented', 'implemented', 'implemented'),
      [['住有所居', counts(3, 0, 0, 0, 1)]],
      counts(3, 0, 0, 0, 1),
    ],
    [
      'partly counts against the rate: 2 of 4 delivered is 50 %, not 75 %',
      area('老有所养', 'implemented', 'implemented', 'partly', 'not_implemented'),
      [['老有所养', counts(2, 1, 1, 0, 0.5)]],
      counts(2, 1, 1, 0, 0.5),
    ],
    [
      'not reported stays in the denominator: 1 of 3 is 33.33 %',
      area('优军服务保障', 'implemented', null, null),
      [['优军服务保障', counts(1, 0, 0, 2, 0.3333)]],
      counts(1, 0, 0, 2, 0.3333),
    ],
    [
      'two areas in the plan’s order, the overall rate over all items (5 of 7 = 71.43 %)',
      [
        ...area('幼有所育', 'implemented', 'implemented', 'partly'),
        ...area('学有所教', 'implemented', 'implemented', 'implemented', 'not_implemented'),
      ],
      [
        ['幼有所育', counts(2, 1, 0, 0, 0.6667)],
        ['学有所教', counts(3, 0, 1, 0, 0.75)],
      ],
      counts(5, 1, 1, 0, 0.7143),
    ],
    [
      'an area split in the list is still one row, where it first appears',
      [...area('弱有所扶', 'implemented'), ...area('文体服务保障', 'partly'), ...area('弱有所扶', null)],
      [
        ['弱有所扶', counts(1, 0, 0, 1, 0.5)],
        ['文体服务保障', counts(0, 1, 0, 0, 0)],
      ],
      counts(1, 1, 0, 1, 0.3333),
    ],
  ])('%s', (_, items, byArea, overall) => {
    const summary = summarizeServiceItems(items);
    expect(summary.byArea.map(({ area: a, ...c }) => [a, c])).toEqual(byArea);
    expect(summary.overall).toEqual(overall);
  });
});

describe('serviceShortfalls: the items a report lists with their department’s account', () => {
  it.each<[string, Array<[number, ServiceImplementation | null]>, number[]]>([
    [
      'nothing short',
      [
        [1, 'implemented'],
        [2, null],
      ],
      [],
    ],
    [
      'not implemented before partly, each by number',
      [
        [1, 'partly'],
        [2, 'not_implemented'],
        [3, 'implemented'],
        [4, 'not_implemented'],
      ],
      [2, 4, 1],
    ],
    [
      'not reported is counted, not listed here',
      [
        [1, null],
        [2, 'partly'],
      ],
      [2],
    ],
  ])('%s', (_, items, listed) => {
    const standings = items.map(([no, implementation]) => ({ no, area: '病有所医', implementation }));
    expect(serviceShortfalls(standings).map((i) => i.no)).toEqual(listed);
  });
});
