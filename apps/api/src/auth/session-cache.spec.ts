import type { AccountStanding } from '@libs/access/sessions';
import { KeptStandings } from './session-cache';

const standing = (tokenVersion: number): AccountStanding => ({
  active: true,
  tokenVersion,
  role: 'submitter',
  department: 'city-education',
});

/** An account store whose reads the test can hold open, and a clock it moves. */
function setUp(limits = { keptMs: 10_000, most: 100 }) {
  const versions = new Map<string, number>([
    ['a', 1],
    ['b', 1],
    ['c', 1],
  ]);
  let reads = 0;
  let held: Array<() => void> | null = null;
  let now = 0;
  const kept = new KeptStandings(
    async (id) => {
      reads++;
      const version = versions.get(id);
      if (held) await new Promise<void>((resolve) => held!.push(resolve));
      return version === undefined ? null : standing(version);
    },
    () => now,
    limits,
  );
  return {
    kept,
    reads: () => reads,
    change: (id: string) => versions.set(id, versions.get(id)! + 1),
    hold: () => (held = []),
    release: () => {
      const waiting = held ?? [];
      held = null;
      waiting.forEach((resolve) => resolve());
    },
    advance: (ms: number) => (now += ms),
  };
}

describe('KeptStandings', () => {
  it.each([
    ['listening: read once, then kept', true, 1],
    ['not listening: read every time (a change would go unheard)', false, 3],
  ])('%s', async (_, listening, reads) => {
    const s = setUp();
    s.kept.hearing(listening);
    for (let i = 0; i < 3; i++) expect(await s.kept.standing('a')).toEqual(standing(1));
    expect(s.reads()).toBe(reads);
  });

  it.each<[string, (s: ReturnType<typeof setUp>) => void, number]>([
    ['forgetting the account', (s) => s.kept.forget('a'), 2],
    ['the connection lost', (s) => s.kept.hearing(false), 2],
    ['listening again', (s) => s.kept.hearing(true), 2],
    ['its time passed', (s) => s.advance(10_000), 2],
    ['forgetting another account', (s) => s.kept.forget('b'), 1],
    ['less than its time passed', (s) => s.advance(9_999), 1],
  ])('a kept standing after %s: the reads in all', async (_, then, reads) => {
    const s = setUp();
    s.kept.hearing(true);
    await s.kept.standing('a');
    s.change('a');
    then(s);
    expect((await s.kept.standing('a'))?.tokenVersion).toBe(reads === 2 ? 2 : 1);
    expect(s.reads()).toBe(reads);
  });

  it('answers a read that began before a change was announced, but does not keep it', async () => {
    const s = setUp();
    s.kept.hearing(true);
    s.hold();
    const before = s.kept.standing('a');
    s.change('a');
    s.kept.forget('a');
    s.release();
    expect((await before)?.tokenVersion).toBe(1);
    expect((await s.kept.standing('a'))?.tokenVersion).toBe(2);
    expect(s.reads()).toBe(2);
  });

  it('keeps no unknown account, and at most its limit, the longest kept going first', async () => {
    const s = setUp({ keptMs: 10_000, most: 2 });
    s.kept.hearing(true);
    expect(await s.kept.standing('nobody')).toBeNull();
    expect(await s.kept.standing('nobody')).toBeNull();
    expect(s.reads()).toBe(2);
    for (const id of ['a', 'b', 'c']) await s.kept.standing(id);
    await s.kept.standing('c');
    await s.kept.standing('b');
    expect(s.reads()).toBe(5);
    await s.kept.standing('a');
    expect(s.reads()).toBe(6);
  });
});
