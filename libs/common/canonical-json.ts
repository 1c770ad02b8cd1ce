/**
 * JSON with object keys sorted: equal values always give equal text, whatever
 * order they were built in (PostgreSQL's jsonb does not keep key order).
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (!v || typeof v !== 'object' || Array.isArray(v)) return v;
    const object = v as Record<string, unknown>;
    const sorted: Record<string, unknown> = {};
    for (const key of sortedKeys(Object.keys(object))) sorted[key] = object[key];
    return sorted;
  });
}

/**
 * Keys in the order localeCompare gives them, sorted once per set of keys: a
 * report has tens of thousands of objects of a few shapes. The order is what
 * content hashes were made with, so the comparison stays localeCompare.
 */
const orders = new Map<string, string[]>();
/** Objects keyed by data (a department's code, a year) bring sets of their own: the memory is bounded. */
const MAX_ORDERS = 10_000;

function sortedKeys(keys: string[]): string[] {
  const id = keys.join('\u0000');
  let order = orders.get(id);
  if (!order) {
    order = [...keys].sort((a, b) => a.localeCompare(b));
    if (orders.size >= MAX_ORDERS) orders.clear();
    orders.set(id, order);
  }
  return order;
}
