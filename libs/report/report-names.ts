/**
 * The plan's own texts (indicator names, units and worded figures, targets,
 * tasks, projects, groups, service items) in the report's language: the
 * English report prints the plan's English twins (libs/plan/translations),
 * the Chinese where a plan imported before them has none; the zh-CN report
 * prints the plan as printed.
 */
import type { Locale } from '../plan/localized';
import type { CycleReportFigures } from './cycle-report';

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

const AS_PRINTED: PlanNames = {
  indicator: (i) => i.name,
  unit: (i) => i.unit,
  baseline: (i) => i.baseline,
  target: (i) => i.target,
  task: (x) => x.title,
  mainTarget: (x) => x.text,
  item: (x) => x.name,
  reserveGroup: (x) => x.group,
};

const IN_ENGLISH: PlanNames = {
  indicator: (i) => i.nameEn ?? i.name,
  unit: (i) => i.unitEn ?? i.unit,
  baseline: (i) => i.baselineEn ?? i.baseline,
  target: (i) => i.targetEn ?? i.target,
  task: (x) => x.titleEn ?? x.title,
  mainTarget: (x) => x.textEn ?? x.text,
  item: (x) => x.nameEn ?? x.name,
  reserveGroup: (x) => x.groupEn ?? x.group,
};

export const PLAN_NAMES: Record<Locale, PlanNames> = { 'zh-CN': AS_PRINTED, en: IN_ENGLISH };
