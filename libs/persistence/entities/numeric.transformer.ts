import type { ValueTransformer } from 'typeorm';

/** PostgreSQL returns `numeric` as a string to keep precision; the catalog's figures fit a double. */
export const numericColumn: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
