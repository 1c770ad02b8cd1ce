import { isCumulative, parseBaseline, parseTarget, type Baseline, type Target } from './target';

describe('parseTarget: every form 专栏1 prints', () => {
  it.each<[string, Target]>([
    ['79.5', { kind: 'point', value: 79.5 }],
    ['5.00', { kind: 'point', value: 5 }],
    ['6', { kind: 'point', value: 6 }],
    ['＞95', { kind: 'at_least', value: 95, strict: true }],
    ['≥55', { kind: 'at_least', value: 55, strict: false }],
    ['≥90', { kind: 'at_least', value: 90, strict: false }],
    ['＜8', { kind: 'at_most', value: 8, strict: true }],
    ['＜4', { kind: 'at_most', value: 4, strict: true }],
    ['4.0以内', { kind: 'at_most', value: 4, strict: false }],
    ['稳定在85以上', { kind: 'stay_at_least', value: 85 }],
    ['稳定在96以上', { kind: 'stay_at_least', value: 96 }],
    ['3.5-4.0', { kind: 'range', min: 3.5, max: 4 }],
    ['〔12.5〕', { kind: 'cumulative', total: 12.5 }],
    ['〔800〕', { kind: 'cumulative', total: 800 }],
    ['应保尽保', { kind: 'qualitative', goal: 'cover_all_eligible' }],
    ['动态清零', { kind: 'qualitative', goal: 'keep_at_zero' }],
    // Variants a bureau types into a workbook.
    [' ９５．５ ', { kind: 'point', value: 95.5 }],
    ['>95', { kind: 'at_least', value: 95, strict: true }],
    ['<8', { kind: 'at_most', value: 8, strict: true }],
    ['90以上', { kind: 'at_least', value: 90, strict: false }],
  ])('%s', (printed, expected) => {
    expect(parseTarget(printed)).toEqual({ ok: true, value: expected });
  });

  it.each(['', '约95', '95%', '4.0-3.5', '〔12.5', 'abc', '稳定在'])('refuses the unknown form %p', (printed) => {
    const result = parseTarget(printed);
    expect(result.ok).toBe(false);
  });
});

describe('parseBaseline', () => {
  it.each<[string, Baseline]>([
    ['283.56', { kind: 'value', value: 283.56 }],
    ['394', { kind: 'value', value: 394 }],
    ['—', { kind: 'none' }],
    ['〔20.27〕', { kind: 'cumulative', total: 20.27 }],
    ['动态清零', { kind: 'qualitative', goal: 'keep_at_zero' }],
  ])('%s', (printed, expected) => {
    expect(parseBaseline(printed)).toEqual({ ok: true, value: expected });
  });

  it('refuses a target form as a baseline', () => {
    expect(parseBaseline('＞95').ok).toBe(false);
  });
});

describe('isCumulative', () => {
  it.each<[Target, Baseline, boolean]>([
    [{ kind: 'cumulative', total: 12.5 }, { kind: 'cumulative', total: 20.27 }, true],
    [{ kind: 'cumulative', total: 800 }, { kind: 'none' }, true],
    [{ kind: 'point', value: 6 }, { kind: 'value', value: 6.57 }, false],
  ])('%j with %j is %s', (target, baseline, expected) => {
    expect(isCumulative(target, baseline)).toBe(expected);
  });
});
