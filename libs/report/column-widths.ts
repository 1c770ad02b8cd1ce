/**
 * The widths of a Word table's columns, from what they hold. Chinese breaks
 * between any two characters; English only between words, so no column may
 * be narrower than its longest word: a name in English wraps, never in the
 * middle of "administrative".
 */

/** At 10.5 pt a Latin letter is about 105 twips wide, a Chinese character 210; a cell's padding takes about 230. */
export const LETTER = 105;
export const PADDING = 230;
/** No column narrower than three Chinese characters (无数据); a long name takes two lines rather than one. */
const MIN_LETTERS = 6;
const MAX_LETTERS = 28;

const WIDE = /[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/u;

/** How wide a text reads, in Latin letters: a Chinese character counts two. */
export const displayWidth = (text: string) => [...text].reduce((w, c) => w + (WIDE.test(c) ? 2 : 1), 0);

/**
 * The widest run a line cannot break, in Latin letters: a word between spaces
 * (with a letter to spare: bold headers and wide letters), or one Chinese character.
 */
export function longestWord(text: string): number {
  const words = text.split(/\s+/).flatMap((w) => w.split(WIDE));
  const latin = Math.max(0, ...words.map((w) => (w ? w.length + 1 : 0)));
  return WIDE.test(text) ? Math.max(latin, 2) : latin;
}

/**
 * Column widths (twips): each column asks for room for its longest cell,
 * between a floor and a cap; if they ask for more than the page has, the
 * widest give way first (a name wraps, a status never does), but none below
 * its longest word; what is left over is shared in proportion.
 */
export function columnWidths(headers: string[], rows: string[][], total: number): number[] {
  const twips = (letters: number) => letters * LETTER + PADDING;
  // Folded, not spread into Math.max: a table of a national plan has more rows than a call takes arguments.
  const widestIn = (c: number, measure: (text: string) => number) =>
    rows.reduce((most, r) => Math.max(most, measure(r[c] ?? '')), 0);
  // A header may take two lines; a cell should take one.
  const longest = (c: number) => Math.max(Math.ceil(displayWidth(headers[c]) / 2), widestIn(c, displayWidth));
  const floors = headers.map((_, c) => twips(Math.max(MIN_LETTERS, longestWord(headers[c]), widestIn(c, longestWord))));
  const widths = headers.map((_, c) =>
    Math.max(twips(Math.min(Math.max(longest(c), MIN_LETTERS), MAX_LETTERS)), floors[c]),
  );
  for (let excess = widths.reduce((a, b) => a + b, 0) - total; excess > 0;) {
    const shrinkable = widths.map((w, c) => w - floors[c]);
    const widest = widths.reduce((best, w, c) => (shrinkable[c] > 0 && (best < 0 || w > widths[best]) ? c : best), -1);
    if (widest < 0) break;
    const give = Math.min(excess, shrinkable[widest], LETTER);
    widths[widest] -= give;
    excess -= give;
  }
  const sum = widths.reduce((a, b) => a + b, 0);
  return sum >= total ? widths : widths.map((w) => Math.floor((w * total) / sum));
}
