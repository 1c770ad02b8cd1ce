/**
 * Polls until `check` holds of what `read` answers, in real time: for a
 * workflow answering through PostgreSQL or the mail server while nothing the
 * test awaits makes the time-skipping server skip time.
 */
export async function eventually<T>(
  read: () => Promise<T>,
  check: (value: T) => boolean = Boolean,
  what = 'the expected state',
  timeoutMs = 120_000,
): Promise<T> {
  for (let waited = 0; waited < timeoutMs; waited += 200) {
    const value = await read();
    if (check(value)) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`still waiting for ${what}`);
}
