import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validatePlan } from '../plan/plan-validation';
import { THRESHOLD_PRESETS } from '../rules/thresholds';
import { columnWidths, displayWidth, LETTER, longestWord, PADDING } from './column-widths';
import { buildCycleReport } from './cycle-report';
import { REPORT_TEXT, reportRows } from './report-text';

/** What a column needs so that no word in it breaks: its longest word, in twips. */
const wordFloor = (cells: string[]) => cells.reduce((most, c) => Math.max(most, longestWord(c)), 0) * LETTER + PADDING;
const column = (headers: string[], rows: string[][], c: number) => [headers[c], ...rows.map((r) => r[c])];

describe('longestWord: the widest run a line cannot break, in Latin letters', () => {
  it.each<[string, number]>([
    ['Coverage of administrative committees', 'administrative'.length + 1],
    ['10,000 person-times', 'person-times'.length + 1],
    ['常住人口城镇化率', 2],
    ['指标3 Heyuan', 'Heyuan'.length + 1],
    ['—', 2],
    ['', 0],
  ])('%s → %d', (text, letters) => expect(longestWord(text)).toBe(letters));

  it('counts a Chinese character two letters wide', () => expect(displayWidth('万人 (10k)')).toBe(10));
});

describe('columnWidths gives every column at least its longest word', () => {
  it.each<[string, string[], string[][], number, (widths: number[]) => void]>([
    [
      'a table that fits takes the page',
      ['No.', 'Name'],
      [['1', 'Heyuan Polytechnic']],
      8844,
      (w) => expect(w.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(8844),
    ],
    [
      'a long English name wraps between words, its longest word kept whole',
      ['No.', 'Indicator', 'Unit', 'Status'],
      [
        [
          '7',
          'Coverage of basic living allowances for eligible children in difficulty',
          'per 100,000',
          'slightly behind',
        ],
      ],
      3000,
      (w) => expect(w[1]).toBeGreaterThanOrEqual(('allowances'.length + 1) * LETTER + PADDING),
    ],
    [
      'a Chinese name gives way to the floor before an English word breaks',
      ['序号', '指标', 'Unit'],
      [['1', '孤儿、事实无人抚养儿童等符合条件的困境儿童基本生活保障覆盖率', '10,000 person-times']],
      3000,
      (w) => {
        expect(w[1]).toBeLessThan(20 * LETTER);
        expect(w[2]).toBeGreaterThanOrEqual(('person-times'.length + 1) * LETTER + PADDING);
      },
    ],
    [
      // More rows than a function call takes arguments (Math.max(...rows) threw RangeError here).
      'a national plan’s 300,000 rows are measured, its longest word kept whole',
      ['No.', 'Name'],
      Array.from({ length: 300_000 }, (_, i) => [String(i + 1), i === 299_999 ? 'Interprovincial' : 'Clinic']),
      8844,
      (w) => expect(w[1]).toBeGreaterThanOrEqual(('Interprovincial'.length + 1) * LETTER + PADDING),
    ],
  ])('%s', (_label, headers, rows, total, check) => {
    const widths = columnWidths(headers, rows, total);
    check(widths);
    widths.forEach((w, c) => expect(w).toBeGreaterThanOrEqual(wordFloor(column(headers, rows, c))));
  });
});

describe('the English report’s tables of the Heyuan plan break no word', () => {
  const plan = validatePlan(
    JSON.parse(readFileSync(join(__dirname, '../../data/plans/heyuan-public-services-2021-2025.json'), 'utf8')),
  );
  const { figures: f } = buildCycleReport({
    cycle: { id: 'cycle/heyuan/midterm/2021-2023', kind: 'midterm', fromYear: 2021, toYear: 2023 },
    plan,
    approved: [],
    priorAnnual: [],
    outcomes: [],
    thresholds: THRESHOLD_PRESETS.time_elapsed,
  });
  const t = REPORT_TEXT.en;
  it.each<[string, string[], string[][]]>([
    ['indicators', t.headers.indicators, f.indicators.map((i) => reportRows.indicator(t, i))],
    ['main targets', t.headers.targets, f.targets.map((x) => reportRows.target(t, f, x))],
    ['tasks', t.headers.tasks, f.tasks.map((x) => reportRows.task(t, f, x))],
    ['projects', t.headers.projects, f.projects.map((p) => reportRows.project(t, f, p))],
  ])('%s', (_label, headers, rows) => {
    expect(rows.flat().join(' ')).not.toMatch(/\p{Script=Han}/u);
    const widths = columnWidths(headers, rows, 8844);
    widths.forEach((w, c) => expect(w).toBeGreaterThanOrEqual(wordFloor(column(headers, rows, c))));
  });
});
