import { checkReadiness } from './metrics';

describe('readiness: every probe answers, or the reason it does not', () => {
  it.each<[string, Parameters<typeof checkReadiness>[0], boolean, Record<string, string>]>([
    ['all answer', { postgres: async () => 1, temporal: async () => 1 }, true, { postgres: 'ok', temporal: 'ok' }],
    [
      'one refuses',
      { postgres: () => Promise.reject(new Error('connection refused')), temporal: async () => 1 },
      false,
      { postgres: 'connection refused', temporal: 'ok' },
    ],
    ['one not made yet', { postgres: async () => 1, worker: undefined }, false, { postgres: 'ok', worker: 'starting' }],
    ['nothing to check', {}, true, {}],
  ])('%s', async (_case, probes, ready, outcomes) => {
    expect(await checkReadiness(probes)).toEqual({ ready, outcomes });
  });

  it('does not wait on a probe that hangs', async () => {
    const started = Date.now();
    const result = await checkReadiness({ postgres: () => new Promise(() => undefined) });
    expect(result).toEqual({ ready: false, outcomes: { postgres: 'no answer within 2000 ms' } });
    expect(Date.now() - started).toBeLessThan(3_000);
  });
});
