/**
 * A JSON object whose shape the answer does not fix (a submission's payload by item kind,
 * an audit entry's before and after): typed `{ [key: string]: unknown }` in the portal, read with care.
 */
import type { ApiPropertyOptions } from '@nestjs/swagger';

export const freeForm = (description: string, nullable = false): ApiPropertyOptions => ({
  type: 'object',
  additionalProperties: true,
  description,
  ...(nullable ? { nullable: true } : {}),
});
