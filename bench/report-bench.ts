/**
 * The report benchmark: bench/report-compile.ts for each size, each run in a
 * child process of its own (time and peak RSS), and with a baseline commit the
 * same measurement of that commit's code from a worktree, the two alternating
 * (before, after, before, after…) so that the machine's load falls on both.
 * Where both wrote a report of at most 1,000 indicators, their files are
 * compared (bench/report-sameness.ts): a faster report must say the same.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median, round2 } from './figures';
import type { ReportCompileResult } from './report-compile';
import { reportDifferences } from './report-sameness';
import { git, withWorktree } from './stack/worktree';

const ROOT = join(__dirname, '..');
/**
 * What the report's figures are set against (issue 22): 58017ae, the first commit whose
 * bench/report-compile.ts runs (before it, it sized the text hash as a file and failed). Some of the
 * report's speed-ups (the font cut, the streamed tables, the hash) came before it and are in its figures.
 */
export const REPORT_BASELINE = '58017ae2e663542983baff0de63ab089fed3545f';
/** Issue 22: 10,000 indicators (with 5,000 tasks and projects), both languages, every format. */
export const REPORT_GOAL = { indicators: 10_000, ms: 5_000, peakRssMiB: 1_024 };
/** The largest report whose files are compared before and after. */
const COMPARED_UP_TO = 1_000;

export interface ReportBenchRow {
  indicators: number;
  /** The median run by total time, and every run's total time and peak. */
  after: ReportCompileResult;
  afterRuns: Array<Pick<ReportCompileResult, 'totalMs' | 'peakRssMiB'>>;
  before?: ReportCompileResult;
  beforeRuns?: Array<Pick<ReportCompileResult, 'totalMs' | 'peakRssMiB'>>;
  /** After ÷ before: total time, and the memory the compile added on top of the process before it started. */
  ratio?: { time: number; memoryAdded: number };
  /** The report files of the two runs differ in these parts (empty: the same report); absent: not compared. */
  differences?: string[];
  goal?: { met: boolean; ms: number; peakRssMiB: number };
}

/** From one size to the next: ratios of items, time and the memory the compile added, and what was added in ms and MiB. */
export type Growth = Record<
  string,
  { items: number; time: number; memoryAdded: number; ms: number; peakRssMiB: number }
>;

function compile(root: string, indicators: number, outDir?: string): ReportCompileResult {
  const out = execFileSync(
    process.execPath,
    [
      '--expose-gc',
      join(root, 'bin/ts-run.js'),
      'bench/report-compile.ts',
      String(indicators),
      ...(outDir ? [outDir] : []),
    ],
    { cwd: root, encoding: 'utf8', maxBuffer: 1 << 24 },
  );
  return JSON.parse(out.trim().split('\n').at(-1)!) as ReportCompileResult;
}

const added = (r: ReportCompileResult) => Math.max(1, r.peakRssMiB - r.rssBeforeMiB);
const medianRun = (runs: ReportCompileResult[]) => runs.find((r) => r.totalMs === median(runs.map((x) => x.totalMs)))!;
const brief = (r: ReportCompileResult) => ({ totalMs: r.totalMs, peakRssMiB: r.peakRssMiB });

export async function benchReport(
  sizes: number[],
  repeat: number,
  baseline: string | null,
  log: (msg: string, fields: Record<string, unknown>) => void,
): Promise<{ baseline: string | null; rows: ReportBenchRow[]; growth: { after: Growth; before?: Growth } }> {
  const measure = async (beforeRoot: string | null): Promise<ReportBenchRow[]> => {
    const rows: ReportBenchRow[] = [];
    for (const n of sizes) {
      const after: ReportCompileResult[] = [];
      const before: ReportCompileResult[] = [];
      let differences: string[] | undefined;
      for (let r = 0; r < repeat; r++) {
        const compare = beforeRoot !== null && r === 0 && n <= COMPARED_UP_TO;
        const dirs = compare ? [0, 1].map(() => mkdtempSync(join(tmpdir(), 'plan-eval-bench-report-'))) : [];
        try {
          if (beforeRoot) before.push(compile(beforeRoot, n, dirs[0]));
          after.push(compile(ROOT, n, dirs[1]));
          if (compare) differences = await reportDifferences(dirs[0], dirs[1]);
        } finally {
          for (const d of dirs) rmSync(d, { recursive: true, force: true });
        }
        log('report measured', { indicators: n, run: r + 1, before: before.at(-1), after: after.at(-1) });
      }
      const a = medianRun(after);
      const b = before.length ? medianRun(before) : undefined;
      rows.push({
        indicators: n,
        after: a,
        afterRuns: after.map(brief),
        ...(b
          ? {
              before: b,
              beforeRuns: before.map(brief),
              ratio: { time: round2(a.totalMs / b.totalMs), memoryAdded: round2(added(a) / added(b)) },
            }
          : {}),
        ...(differences ? { differences } : {}),
        ...(n === REPORT_GOAL.indicators
          ? {
              goal: {
                met: a.totalMs < REPORT_GOAL.ms && a.peakRssMiB < REPORT_GOAL.peakRssMiB,
                ms: REPORT_GOAL.ms,
                peakRssMiB: REPORT_GOAL.peakRssMiB,
              },
            }
          : {}),
      });
    }
    return rows;
  };
  const rows = baseline ? await withWorktree(baseline, measure) : await measure(null);
  return {
    baseline: baseline ? git('rev-parse', '--short', baseline) : null,
    rows,
    growth: {
      after: growth(rows.map((r) => r.after)),
      ...(baseline ? { before: growth(rows.map((r) => r.before!)) } : {}),
    },
  };
}

/** From each size to the next: how much the items, the time and the memory the compile added grew. */
function growth(rows: ReportCompileResult[]): Growth {
  return Object.fromEntries(
    rows.slice(1).map((b, i) => {
      const a = rows[i];
      return [
        `${a.indicators}→${b.indicators}`,
        {
          items: round2(b.indicators / a.indicators),
          time: round2(b.totalMs / a.totalMs),
          memoryAdded: round2(added(b) / added(a)),
          ms: b.totalMs - a.totalMs,
          peakRssMiB: round2(b.peakRssMiB - a.peakRssMiB),
        },
      ];
    }),
  );
}
