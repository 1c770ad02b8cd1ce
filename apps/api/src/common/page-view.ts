/**
 * A paged answer described for the OpenAPI document: `class PlanPage extends PageOf(PlanView) {}`
 * gives the schema `PlanPage` with its items typed, so each list the portal pages through is generated, not copied.
 */
import type { Type } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import type { Page } from '@libs/persistence/repositories/page';

export function PageOf<T>(item: Type<T>): Type<Page<T>> {
  // Abstract: only a named subclass is a schema (the document names schemas by class).
  abstract class PageOfItems implements Page<T> {
    @ApiProperty({ description: 'items in the whole list' })
    total: number;

    @ApiProperty({ description: 'from 1' })
    page: number;

    @ApiProperty()
    pageSize: number;

    @ApiProperty({ type: [item] })
    items: T[];
  }
  return PageOfItems as Type<Page<T>>;
}
