/**
 * CPU seconds spent by each process of the benchmark stack, from /proc: on a
 * two-core machine a measurement's wall time is mostly whose CPU it waited
 * for, so each fan-out records what every process spent during it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { round2 } from '../figures';

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const TICKS = 100;

/** utime, stime, cutime, cstime of a process, in ticks (0 once it is gone). */
function ticks(pid: number): { own: number; waitedChildren: number } {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces and brackets: fields are counted after its closing bracket.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const [utime, stime, cutime, cstime] = fields.slice(11, 15).map(Number);
    return { own: utime + stime, waitedChildren: cutime + cstime };
  } catch {
    return { own: 0, waitedChildren: 0 };
  }
}

/** Every PostgreSQL process on the machine (the server and its backends, live and ended), in ticks. */
function postgresTicks(): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() !== 'postgres') continue;
    } catch {
      continue;
    }
    const t = ticks(Number(entry));
    // Ended backends are counted in the server's waited-children time.
    total += t.own + t.waitedChildren;
  }
  return total;
}

export type CpuSeconds = Record<string, number>;

/** A reading of the named processes' CPU time (plus PostgreSQL's and this process's). */
export function readCpu(pids: Record<string, number | undefined>): CpuSeconds {
  const reading: CpuSeconds = {};
  for (const [name, pid] of Object.entries(pids)) reading[name] = pid ? ticks(pid).own / TICKS : 0;
  reading.postgres = postgresTicks() / TICKS;
  const self = process.cpuUsage();
  reading.bench = (self.user + self.system) / 1e6;
  return reading;
}

/** CPU seconds spent between two readings, per process, to two decimals. */
export function cpuSpent(before: CpuSeconds, after: CpuSeconds): CpuSeconds {
  return Object.fromEntries(Object.keys(after).map((k) => [k, round2(after[k] - (before[k] ?? 0))]));
}
