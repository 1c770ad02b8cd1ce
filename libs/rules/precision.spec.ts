import { numberDecimals, printedDecimals, roundTo } from './precision';

describe('printedDecimals: the precision of the figures as the plan prints them', () => {
  it.each<[string, string[], number]>([
    ['#5 托位数 0.94 → 5.00', ['0.94', '5.00'], 2],
    ['#6 疫苗接种率 99.9 → ＞95', ['99.9', '＞95'], 1],
    ['#14 失业率 2.6 → 4.0以内', ['2.6', '4.0以内'], 1],
    ['#24 全科医师 4.01 → 4.2', ['4.01', '4.2'], 2],
    ['#28 — → 60', ['—', '60'], 0],
    ['#13 〔20.27〕 → 〔12.5〕', ['〔20.27〕', '〔12.5〕'], 2],
    ['#23 3.17 → 3.5-4.0', ['3.17', '3.5-4.0'], 2],
    ['#8 80.73 → 稳定在85以上', ['80.73', '稳定在85以上'], 2],
    ['full-width digits', ['９９．９０', '100'], 2],
    ['#7 100 → 应保尽保', ['100', '应保尽保'], 0],
  ])('%s: %d', (_label, printed, decimals) => expect(printedDecimals(...printed)).toBe(decimals));
});

describe('numberDecimals: the fallback from parsed figures', () => {
  it.each<[number[], number]>([
    [[0.94, 5], 2],
    [[99.9, 95], 1],
    [[1236, 1306], 0],
    [[], 0],
  ])('%j: %d', (values, decimals) => expect(numberDecimals(...values)).toBe(decimals));
});

describe('roundTo: half away from zero, without float noise', () => {
  it.each<[number, number, number]>([
    [4.124, 2, 4.12],
    // 1.005 × 100 is 100.49999999999999 in floating point; the figure means 1.005.
    [1.005, 2, 1.01],
    [27.695999999999998, 2, 27.7],
    [11.476, 2, 11.48],
    // 2.6 + 2.4 + 2.5 as summed in floating point.
    [2.6 + 2.4 + 2.5, 1, 7.5],
    [0.1 + 0.2, 2, 0.3],
    [-2.5, 0, -3],
    [99.96, 1, 100],
    [19.9988, 0, 20],
    [0.82159999, 4, 0.8216],
    [285.2, 2, 285.2],
  ])('%d at %d places is %d', (value, decimals, rounded) => expect(roundTo(value, decimals)).toBe(rounded));
});
