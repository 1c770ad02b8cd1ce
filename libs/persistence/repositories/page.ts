/** Every list is paged the same way (the API's `PageQuery`): one page of a table, counted in the same query. */
import type { FindManyOptions, ObjectLiteral, Repository } from 'typeorm';

export interface PageRequest {
  /** From 1. */
  page: number;
  pageSize: number;
}

export interface Page<T> {
  total: number;
  page: number;
  pageSize: number;
  items: T[];
}

/** A repository's page of `table`; `view` shapes each row for the answer. */
export async function findPage<T extends ObjectLiteral, R = T>(
  table: Repository<T>,
  q: PageRequest,
  options: FindManyOptions<T>,
  view: (row: T) => R = (row) => row as unknown as R,
): Promise<Page<R>> {
  const [rows, total] = await table.findAndCount({ ...options, take: q.pageSize, skip: (q.page - 1) * q.pageSize });
  return { total, page: q.page, pageSize: q.pageSize, items: rows.map(view) };
}
