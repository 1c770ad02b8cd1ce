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
  /**
   * A floor or ceiling met by no more than this share of the limit is warned
   * (＞95 met at 95.5 with 0.01: within 0.95). A share, not a fixed amount, so
   * that one figure fits 4.0以内 (0.04) and ≥90 (0.9) alike. Absent in cycles
   * launched before it existed: DEFAULT_LIMIT_MARGIN.
   */
  limitMargin?: number;
}

export const DEFAULT_LIMIT_MARGIN = 0.01;

export const limitMargin = (t: Thresholds): number => t.limitMargin ?? DEFAULT_LIMIT_MARGIN;

/** The presets a cycle may name, in the order the portal offers them. */
export const THRESHOLD_PRESET_NAMES = ['time_elapsed', 'traffic_light'] as const;
export type ThresholdPreset = (typeof THRESHOLD_PRESET_NAMES)[number];

/** What the bureau picks from; the portal shows each with its numbers, read from THRESHOLD_PRESETS. */
export const THRESHOLD_PRESET_LABELS: Record<ThresholdPreset, { zh: string; en: string }> = {
  time_elapsed: { zh: '时序进度', en: 'time elapsed' },
  traffic_light: { zh: '红黄绿', en: 'traffic light' },
};

export const THRESHOLD_PRESETS: Record<ThresholdPreset, Thresholds> = {
  /** 时间过半、任务过半: the customary rule of Chinese mid-term reviews. */
  time_elapsed: {
    preset: 'time_elapsed',
    onTrack: 1.0,
    slightlyBehind: 0.8,
    projectionTolerance: [0.2, 0.4],
    limitMargin: DEFAULT_LIMIT_MARGIN,
  },
  /** Development banks' traffic lights: on track ≥ 0.8, moderate 0.6–0.8, off track < 0.6. */
  traffic_light: {
    preset: 'traffic_light',
    onTrack: 0.8,
    slightlyBehind: 0.6,
    projectionTolerance: [0.2, 0.4],
    limitMargin: DEFAULT_LIMIT_MARGIN,
  },
};
