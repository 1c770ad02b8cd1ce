import { proposeAdjustments, type AdjustmentProposal, type JudgedIndicator } from './plan-adjustment';

const row = (status: JudgedIndicator['status'], basis: JudgedIndicator['basis'], ratio: number | null) => ({
  no: 7,
  status,
  basis,
  ratio,
});

describe('proposeAdjustments: targets a mid-term evaluation proposes revisiting (hand-computed)', () => {
  it.each<[string, JudgedIndicator, number, AdjustmentProposal[]]>([
    [
      'a point target already reached in 2023 of 2025',
      row('achieved', 'target_met', null),
      2023,
      [{ kind: 'ahead', indicator: 7, ratio: null }],
    ],
    [
      'a path at 1.6× the expected pace',
      row('on_track', 'straight_path', 1.6),
      2023,
      [{ kind: 'ahead', indicator: 7, ratio: 1.6 }],
    ],
    ['a path at 1.2×: on track, nothing to propose', row('on_track', 'straight_path', 1.2), 2023, []],
    [
      'a lagging path at 0.4: the end brings 40 % of the planned change',
      row('lagging', 'straight_path', 0.4),
      2023,
      [{ kind: 'unreachable', indicator: 7, projectedShare: 0.4 }],
    ],
    [
      'a cumulative total lagging at 0.55',
      row('lagging', 'cumulative_share', 0.55),
      2023,
      [{ kind: 'unreachable', indicator: 7, projectedShare: 0.55 }],
    ],
    [
      'moving away from the target (negative ratio): nothing of the change reached',
      row('lagging', 'path_from_zero', -0.3),
      2022,
      [{ kind: 'unreachable', indicator: 7, projectedShare: 0 }],
    ],
    ['slightly behind: strengthen work, not adjust', row('slightly_behind', 'straight_path', 0.85), 2023, []],
    ['a floor broken: not a matter of pace', row('lagging', 'floor_broken', null), 2023, []],
    ['a projection off its path: not adjusted for pace', row('lagging', 'projection_path', 0.3), 2023, []],
    ['a qualitative target achieved: nothing to raise', row('achieved', 'qualitative', null), 2023, []],
    ['at the plan’s last year nothing is proposed', row('lagging', 'straight_path', 0.4), 2025, []],
  ])('%s', (_, indicator, year, expected) => {
    expect(proposeAdjustments([indicator], year, 2025)).toEqual(expected);
  });
});
