/**
 * The servers side by side: each measurement's ratio against the bare
 * Temporal baseline of the same server, judged against issue 20's goals for
 * the production cluster (fan-out ≤ 1.5× the bare parent and children,
 * submission ≤ 2× a bare Update), so a figure that holds on the dev server
 * and not on the cluster shows in one table.
 */

/** Issue 20 §5: the goals that must hold on the real cluster (fan-out is issue 8's goal too). */
export const PRODUCTION_GOALS = { fanOut: 1.5, submission: 2 };

/** One server's ratios, each against that server's own bare baseline. */
export interface ServerRatios {
  server: string;
  fanOut: Array<{ items: number; ratio: number }>;
  /**
   * firstCommandP50ToFirstUpdates: a department's first command against the bare's first Update to each of
   * its workflows, like for like (the goal's verdict, as in the submissions table).
   */
  submissions?: { submitP50: number; submitThroughput: number; firstCommandP50ToFirstUpdates: number };
}

interface Measure {
  name: string;
  goal: number;
  ratio(s: ServerRatios): number | undefined;
}

function measures(servers: ServerRatios[]): Measure[] {
  const sizes = [...new Set(servers.flatMap((s) => s.fanOut.map((f) => f.items)))].sort((a, b) => a - b);
  const submission = (name: string, pick: (r: NonNullable<ServerRatios['submissions']>) => number): Measure => ({
    name,
    goal: PRODUCTION_GOALS.submission,
    ratio: (s) => (s.submissions ? pick(s.submissions) : undefined),
  });
  return [
    ...sizes.map((items) => ({
      name: `fan-out, ${items.toLocaleString('en')} items`,
      goal: PRODUCTION_GOALS.fanOut,
      ratio: (s: ServerRatios) => s.fanOut.find((f) => f.items === items)?.ratio,
    })),
    ...(servers.some((s) => s.submissions)
      ? [
          submission('submit p50', (r) => r.submitP50),
          submission('submit throughput', (r) => r.submitThroughput),
          submission(
            "a department's first command p50, × the bare's first Updates",
            (r) => r.firstCommandP50ToFirstUpdates,
          ),
        ]
      : []),
  ];
}

/** A row per measurement, a column per server: `×ratio met|not met`, or — where the server did not measure it. */
export function sideBySide(servers: ServerRatios[]): { headers: string[]; rows: string[][] } {
  return {
    headers: ['× its bare baseline', 'goal', ...servers.map((s) => s.server)],
    rows: measures(servers).map((m) => [
      m.name,
      `≤ ${m.goal}`,
      ...servers.map((s) => {
        const ratio = m.ratio(s);
        return ratio === undefined ? '—' : `×${ratio} ${ratio <= m.goal ? 'met' : 'not met'}`;
      }),
    ]),
  };
}
