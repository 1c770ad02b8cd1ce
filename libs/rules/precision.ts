/**
 * The precision a plan prints an indicator's figures at, and rounding to it.
 * Statuses are judged at that precision (the customary reading of an
 * evaluation report): a value of 4.12 against an expected 4.124, the plan
 * printing two decimals, is on the path, and no status flips on float noise.
 */

/** Ratios (achieved change ÷ expected change) are kept to four places: 0.8216, never 0.82159999. */
export const RATIO_DECIMALS = 4;

/**
 * The most decimals any figure in the printed texts has: '0.94' and '5.00' →
 * 2, '99.9' and '＞95' → 1, '—' and '60' → 0. Full-width digits count as
 * digits; trailing zeros count, since the plan printed them.
 */
export function printedDecimals(...printed: string[]): number {
  let decimals = 0;
  for (const text of printed) {
    const ascii = text.replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
    for (const m of ascii.matchAll(/\d+\.(\d+)/g)) decimals = Math.max(decimals, m[1].length);
  }
  return decimals;
}

/** The decimals of a number as JavaScript writes it (5.00 parsed is 5: 0); the fallback where no printed text is at hand. */
export function numberDecimals(...values: number[]): number {
  return Math.max(0, ...values.map((v) => (Number.isFinite(v) ? (String(v).split('.')[1] ?? '').length : 0)));
}

/**
 * Rounds half away from zero at `decimals` places. The scaled value is first
 * read at 15 significant digits, so 4.124 × 100 = 412.40000000000003 is 412.4
 * and 1.005 × 100 = 100.49999999999999 is 100.5, as the printed figures mean.
 */
export function roundTo(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  const scaled = Number((value * scale).toPrecision(15));
  return (Math.sign(scaled) * Math.round(Math.abs(scaled))) / scale;
}
