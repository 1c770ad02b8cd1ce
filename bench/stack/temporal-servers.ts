/**
 * The Temporal servers the bench's stack runs on, one at a time: the dev
 * server the demo uses and the production-shaped cluster (two nodes on
 * PostgreSQL, started by scripts/services.sh), so issue 20's goals are
 * measured where a city runs them, beside the figures of earlier rounds.
 */
import { join } from 'node:path';
import { TemporalCluster } from '../../tools/stack/temporal-cluster';
import { TemporalDevServer } from '../../tools/stack/temporal-dev-server';

/** What the stack needs of a server: where to connect, whose CPU time to read, how to stop it. */
export interface TemporalServer {
  readonly address: string;
  /** Its processes, by the name their CPU time is reported under. */
  pids(): Record<string, number | undefined>;
  stop(): Promise<void>;
}

export const TEMPORAL_SERVERS = {
  dev: {
    label: 'dev server (temporal server start-dev, SQLite)',
    start: (work: string): Promise<TemporalServer> => TemporalDevServer.start(join(work, 'temporal.sqlite')),
  },
  cluster: {
    label: 'cluster (two Temporal server nodes on PostgreSQL, scripts/services.sh)',
    start: (): Promise<TemporalServer> => TemporalCluster.start(),
  },
} as const;

export type TemporalServerName = keyof typeof TEMPORAL_SERVERS;

/** The names of `--servers`, in the order given; an unknown one is refused with the known ones named. */
export function serverNames(list: string): TemporalServerName[] {
  const names = list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = names.filter((n) => !(n in TEMPORAL_SERVERS));
  if (unknown.length || !names.length)
    throw new Error(
      `--servers: unknown ${unknown.join(', ') || '(none given)'}; known: ${Object.keys(TEMPORAL_SERVERS).join(', ')}`,
    );
  return [...new Set(names)] as TemporalServerName[];
}
