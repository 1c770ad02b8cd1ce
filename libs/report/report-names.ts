/**
 * The plan's own texts (indicator names, units and worded figures, targets,
 * tasks, projects, groups, service items) in the report's language: the
 * English report prints the plan's English twins (libs/plan/translations),
 * the Chinese where a plan imported before them has none; the zh-CN report
 * prints the plan as printed.
 */
import type { Locale } from '../plan/localized';
import type { CycleReportFigures } from './cycle-report';
import type { AdjustedFrom } from './targets-in-force';

type Indicator = CycleReportFigures['indicators'][number];

export interface PlanNames {
  indicator(i: Indicator): string;
  unit(i: Indicator): string;
  baseline(i: Indicator): string;
  target(i: Indicator): string;
  task(x: { title: string; titleEn: string | null }): string;
  mainTarget(x: { text: string; textEn: string | null }): string;
  /** A project, reserve project or service item. */
  item(x: { name: string; nameEn: string | null }): string;
  reserveGroup(x: { group: string; groupEn: string | null }): string;
}

/**
 * An adjusted target shows both: the one in force (调整后目标), then the plan's
 * own (原目标) and the year the adjustment applies from.
 */
const ADJUSTED: Record<Locale, (target: string, original: string, year: number) => string> = {
  'zh-CN': (target, original, year) => `${target}（调整后目标，${year}年起；原目标${original}）`,
  en: (target, original, year) => `${target} (adjusted from ${year}; originally ${original})`,
};

/** A figure the plan sets (a project's plan-period investment) with its original beside it where it is adjusted. */
export const withOriginal = (locale: Locale, shown: string, adjusted: AdjustedFrom | undefined): string =>
  adjusted ? ADJUSTED[locale](shown, adjusted.original, adjusted.effectiveYear) : shown;

const AS_PRINTED: PlanNames = {
  indicator: (i) => i.name,
  unit: (i) => i.unit,
  baseline: (i) => i.baseline,
  target: (i) => withOriginal('zh-CN', i.target, i.adjusted),
  task: (x) => x.title,
  mainTarget: (x) => x.text,
  item: (x) => x.name,
  reserveGroup: (x) => x.group,
};

const IN_ENGLISH: PlanNames = {
  indicator: (i) => i.nameEn ?? i.name,
  unit: (i) => i.unitEn ?? i.unit,
  baseline: (i) => i.baselineEn ?? i.baseline,
  target: (i) =>
    i.adjusted
      ? ADJUSTED.en(i.target, i.adjusted.originalEn ?? i.adjusted.original, i.adjusted.effectiveYear)
      : (i.targetEn ?? i.target),
  task: (x) => x.titleEn ?? x.title,
  mainTarget: (x) => x.textEn ?? x.text,
  item: (x) => x.nameEn ?? x.name,
  reserveGroup: (x) => x.groupEn ?? x.group,
};

export const PLAN_NAMES: Record<Locale, PlanNames> = { 'zh-CN': AS_PRINTED, en: IN_ENGLISH };
