import type { WorkItem } from '@libs/persistence/entities';
import { LaunchedItems } from './launched-items';

/** Items a and b are department d1's, c is d2's. */
const DEPARTMENT: Record<string, string> = { a: 'd1', b: 'd1', c: 'd2' };

const row = (itemKey: string): WorkItem =>
  ({
    id: `id-${itemKey}`,
    cycleId: 'c',
    itemKey,
    itemKind: 'indicator',
    itemNo: 1,
    title: `指标 ${itemKey}`,
    department: DEPARTMENT[itemKey],
    coDepartments: [],
    spec: { kind: 'indicator' },
    status: 'submitted',
    version: 3,
    attention: null,
  }) as unknown as WorkItem;

describe('LaunchedItems', () => {
  const reading = (most = 10) => {
    const reads: string[] = [];
    const items = new LaunchedItems(async (_cycleId, itemKey) => {
      reads.push(itemKey);
      const department = DEPARTMENT[itemKey];
      return Object.keys(DEPARTMENT)
        .filter((k) => department && DEPARTMENT[k] === department)
        .map(row);
    }, most);
    return { items, reads };
  };

  it('reads the department’s items at once and keeps only the fields fixed at launch', async () => {
    const { items, reads } = reading();
    const a = await items.item('c', 'a');
    expect(await items.item('c', 'a')).toBe(a);
    expect((await items.item('c', 'b'))?.itemKey).toBe('b');
    expect(reads).toEqual(['a']);
    expect(a).toEqual({
      cycleId: 'c',
      itemKey: 'a',
      itemKind: 'indicator',
      itemNo: 1,
      title: '指标 a',
      department: 'd1',
      coDepartments: [],
      spec: { kind: 'indicator' },
    });
    expect(Object.isFrozen(a)).toBe(true);
    expect((await items.item('c', 'c'))?.department).toBe('d2');
    expect(reads).toEqual(['a', 'c']);
  });

  it('keeps no answer for an item the cycle does not have: it is read again', async () => {
    const { items, reads } = reading();
    expect(await items.item('c', 'x')).toBeNull();
    expect(await items.item('c', 'x')).toBeNull();
    expect(reads).toEqual(['x', 'x']);
    expect(items.size).toBe(0);
  });

  it.each([
    // asked for in this order → read (each miss), with `most` kept at most
    { most: 2, asked: ['a', 'b', 'c', 'a'], reads: ['a', 'c', 'a'], kept: 2 },
    { most: 2, asked: ['a', 'c', 'a', 'b'], reads: ['a', 'c', 'b'], kept: 2 },
    { most: 3, asked: ['a', 'c', 'b', 'a', 'c'], reads: ['a', 'c'], kept: 3 },
    // fewer kept than the department has: the item asked for is kept, its neighbour goes
    { most: 1, asked: ['b', 'b', 'a'], reads: ['b', 'a'], kept: 1 },
  ])('drops the item least recently asked for first: $asked', async ({ most, asked, reads: expected, kept }) => {
    const { items, reads } = reading(most);
    for (const key of asked) expect((await items.item('c', key))?.itemKey).toBe(key);
    expect(reads).toEqual(expected);
    expect(items.size).toBe(kept);
  });
});
