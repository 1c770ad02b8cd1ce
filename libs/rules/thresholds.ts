/**
 * Where a progress ratio turns from on track to slightly behind to lagging.
 * Thresholds are configuration and are recorded with every report.
 */
export interface Thresholds {
  preset: ThresholdPreset | 'custom';
  /** ratio ≥ onTrack: 符合进度 on track. */
  onTrack: number;
  /** onTrack > ratio ≥ slightlyBehind: 略滞后 slightly behind; below: 滞后 lagging. */
  slightlyBehind: number;
  /**
   * Projections (population, the share aged 65+) are judged by distance from the
   * planned path, |ratio − 1|: within the first figure on track, within the second slightly off.
   */
  projectionTolerance: [number, number];
}

export type ThresholdPreset = 'time_elapsed' | 'traffic_light';

export const THRESHOLD_PRESETS: Record<ThresholdPreset, Thresholds> = {
  /** 时间过半、任务过半: the customary rule of Chinese mid-term reviews. */
  time_elapsed: { preset: 'time_elapsed', onTrack: 1.0, slightlyBehind: 0.8, projectionTolerance: [0.2, 0.4] },
  /** Development banks' traffic lights: on track ≥ 0.8, moderate 0.6–0.8, off track < 0.6. */
  traffic_light: { preset: 'traffic_light', onTrack: 0.8, slightlyBehind: 0.6, projectionTolerance: [0.2, 0.4] },
};
