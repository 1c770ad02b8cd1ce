import { sideBySide, type ServerRatios } from './server-summary';

const dev: ServerRatios = {
  server: 'dev',
  fanOut: [{ items: 1000, ratio: 1.32 }],
  submissions: { submitP50: 1.4, submitThroughput: 2, firstCommandP50ToFirstUpdates: 2.01 },
};
const cluster: ServerRatios = {
  server: 'cluster',
  fanOut: [
    { items: 1000, ratio: 1.5 },
    { items: 10000, ratio: 1.51 },
  ],
};

describe('sideBySide', () => {
  it.each<[string, ServerRatios[], string[][]]>([
    [
      'one server, a goal met at its bound and one missed just over it',
      [dev],
      [
        ['fan-out, 1,000 items', '≤ 1.5', '×1.32 met'],
        ['submit p50', '≤ 2', '×1.4 met'],
        ['submit throughput', '≤ 2', '×2 met'],
        ["a department's first command p50, × the bare's first Updates", '≤ 2', '×2.01 not met'],
      ],
    ],
    [
      'sizes of either server, each server judged on its own ratio; — where a server did not measure',
      [dev, cluster],
      [
        ['fan-out, 1,000 items', '≤ 1.5', '×1.32 met', '×1.5 met'],
        ['fan-out, 10,000 items', '≤ 1.5', '—', '×1.51 not met'],
        ['submit p50', '≤ 2', '×1.4 met', '—'],
        ['submit throughput', '≤ 2', '×2 met', '—'],
        ["a department's first command p50, × the bare's first Updates", '≤ 2', '×2.01 not met', '—'],
      ],
    ],
    [
      'no submissions anywhere: fan-out rows only',
      [cluster],
      [
        ['fan-out, 1,000 items', '≤ 1.5', '×1.5 met'],
        ['fan-out, 10,000 items', '≤ 1.5', '×1.51 not met'],
      ],
    ],
  ])('%s', (_, servers, rows) => {
    const summary = sideBySide(servers);
    expect(summary.headers).toEqual(['× its bare baseline', 'goal', ...servers.map((s) => s.server)]);
    expect(summary.rows).toEqual(rows);
  });
});
