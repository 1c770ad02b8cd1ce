/** Whether a value (a request's field, a CLI argument, a key's part) is one of an `as const` list's members. */
export function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return (values as readonly unknown[]).includes(value);
}
