/** Every list is paged the same way: `page` from 1, `pageSize` up to 200. */
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import type { Page } from '@libs/persistence/repositories/page';

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

/** A list the API already holds, paged as repositories page their tables (libs/persistence/repositories/page). */
export function pageOf<T>(all: T[], q: PageQuery): Page<T> {
  return {
    total: all.length,
    page: q.page,
    pageSize: q.pageSize,
    items: all.slice((q.page - 1) * q.pageSize, q.page * q.pageSize),
  };
}
