/**
 * Data-quality rules run on a submitted value before the supervisor approves
 * it: warnings shown beside the value, blocking where the cycle says so.
 * The seed's own indicator 33 (394 for a percentage) is what they catch.
 */
import type { Localized } from '../plan/localized';

export type QualityRule = 'percentage_over_100' | 'negative_value' | 'outside_plausible_range' | 'sharp_change';

export interface QualityConfig {
  /** A change from last year larger than this share of last year's value is questioned. */
  maxYearOnYearChange: number;
  /** Rules that refuse the submission instead of warning. */
  blocking: QualityRule[];
}

export const DEFAULT_QUALITY_CONFIG: QualityConfig = {
  maxYearOnYearChange: 0.5,
  blocking: ['percentage_over_100', 'negative_value'],
};

export interface QualityFinding {
  rule: QualityRule;
  blocking: boolean;
  message: Localized;
}

/** Plausible ranges by unit, where the unit alone tells (a rate per 1,000 cannot exceed 1,000). */
const PLAUSIBLE: Record<string, [number, number]> = {
  '%': [0, 100],
  '‰': [0, 1000],
  岁: [0, 120],
  '1/10万人': [0, 100000],
};

export function checkValueQuality(
  indicator: { no: number; unit: string },
  value: number,
  previous: number | null,
  config: QualityConfig = DEFAULT_QUALITY_CONFIG,
): QualityFinding[] {
  const findings: Array<Omit<QualityFinding, 'blocking'>> = [];
  if (indicator.unit === '%' && value > 100) {
    findings.push({
      rule: 'percentage_over_100',
      message: {
        zh: `指标${indicator.no}为百分比，数值${value}超过100`,
        en: `indicator ${indicator.no} is a percentage; ${value} is above 100`,
      },
    });
  }
  if (value < 0) {
    findings.push({ rule: 'negative_value', message: { zh: `数值${value}为负数`, en: `${value} is negative` } });
  }
  const range = PLAUSIBLE[indicator.unit];
  if (range && (value < range[0] || value > range[1]) && !(indicator.unit === '%' && value > 100)) {
    findings.push({
      rule: 'outside_plausible_range',
      message: {
        zh: `数值${value}不在合理范围${range[0]}–${range[1]}（${indicator.unit}）内`,
        en: `${value} is outside the plausible range ${range[0]}–${range[1]} ${indicator.unit}`,
      },
    });
  }
  if (previous !== null && previous !== 0) {
    const change = Math.abs(value - previous) / Math.abs(previous);
    if (change > config.maxYearOnYearChange) {
      const pct = Math.round(change * 1000) / 10;
      findings.push({
        rule: 'sharp_change',
        message: {
          zh: `较上年（${previous}）变化${pct}%，请核实并说明原因`,
          en: `changed ${pct}% from last year's ${previous}; please verify and explain`,
        },
      });
    }
  }
  return findings.map((f) => ({ ...f, blocking: config.blocking.includes(f.rule) }));
}
