/** Every list is paged the same way: `page` from 1, `pageSize` up to 200. */
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import type { FindManyOptions, ObjectLiteral, Repository } from 'typeorm';

export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 100000, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100000)
  page: number = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize: number = 50;
}

export interface Page<T> {
  total: number;
  page: number;
  pageSize: number;
  items: T[];
}

export function pageOf<T>(all: T[], q: PageQuery): Page<T> {
  return {
    total: all.length,
    page: q.page,
    pageSize: q.pageSize,
    items: all.slice((q.page - 1) * q.pageSize, q.page * q.pageSize),
  };
}

/** One page of a table, counted in the same query; `view` shapes each row for the answer. */
export async function findPage<T extends ObjectLiteral, R = T>(
  repo: Repository<T>,
  q: PageQuery,
  options: FindManyOptions<T>,
  view: (row: T) => R = (row) => row as unknown as R,
): Promise<Page<R>> {
  const [rows, total] = await repo.findAndCount({ ...options, take: q.pageSize, skip: (q.page - 1) * q.pageSize });
  return { total, page: q.page, pageSize: q.pageSize, items: rows.map(view) };
}
