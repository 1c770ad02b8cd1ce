/**
 * What a cycle's items were launched with, kept by the API process: a
 * department's commands (save, submit, contribute) need only these, and a
 * launch writes them once (`COPY work_item`, never updated: only an item's
 * status, version and attention move, and a command's answer carries those
 * from the workflow). A department's first command reads all its items at
 * once, and its next commands read nothing before their Update. The caller's
 * right to the item is checked on every request, from the kept department and
 * co-operating departments.
 */
import type { WorkItem } from '@libs/persistence/entities';

/** An item's fields fixed at launch. */
export type LaunchedItem = Pick<
  WorkItem,
  'cycleId' | 'itemKey' | 'itemKind' | 'itemNo' | 'title' | 'department' | 'coDepartments' | 'spec'
>;

/**
 * About a large city's whole cycle (a spec is a few hundred bytes: ~10 MB);
 * past it the least recently asked for goes first.
 */
const MOST_KEPT = 20_000;

export class LaunchedItems {
  private readonly kept = new Map<string, LaunchedItem>();

  /**
   * `read`: the item's department's items (none when the cycle has no such item), kept together: the
   * department's next command is then answered from here too.
   */
  constructor(
    private readonly read: (cycleId: string, itemKey: string) => Promise<LaunchedItem[]>,
    private readonly most = MOST_KEPT,
  ) {}

  /** The item as launched, or null when the cycle has no such item (not kept: it may be a cycle being launched). */
  async item(cycleId: string, itemKey: string): Promise<LaunchedItem | null> {
    const kept = this.kept.get(keyOf(cycleId, itemKey));
    if (kept) return this.keep(kept);
    let asked: LaunchedItem | null = null;
    for (const row of await this.read(cycleId, itemKey)) {
      const item = this.keep(launched(row));
      if (item.itemKey === itemKey) asked = item;
    }
    // Kept last, so the item asked for is the last to go should its department have more than are kept.
    return asked && this.keep(asked);
  }

  /** Kept at the end: the map's order is the order last asked for, the longest unasked first. */
  private keep(item: LaunchedItem): LaunchedItem {
    const key = keyOf(item.cycleId, item.itemKey);
    this.kept.delete(key);
    this.kept.set(key, item);
    if (this.kept.size > this.most) this.kept.delete(this.kept.keys().next().value!);
    return item;
  }

  get size(): number {
    return this.kept.size;
  }
}

const keyOf = (cycleId: string, itemKey: string) => `${cycleId}#${itemKey}`;

/** Only the fields fixed at launch, frozen: an entity's status would be stale the moment it was kept. */
const launched = (row: LaunchedItem): LaunchedItem =>
  Object.freeze({
    cycleId: row.cycleId,
    itemKey: row.itemKey,
    itemKind: row.itemKind,
    itemNo: row.itemNo,
    title: row.title,
    department: row.department,
    coDepartments: row.coDepartments,
    spec: row.spec,
  });
