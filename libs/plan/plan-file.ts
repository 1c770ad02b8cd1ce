/**
 * The plan data file (`data/plans/*.json`): the plan as printed, one section per
 * table, with the department directory. This module only describes and checks
 * its shape; `plan-validation.ts` checks what the shape cannot (totals, names).
 */
import { z } from 'zod';
import { POLARITIES } from '../rules/progress';

const text = z.string().trim().min(1);
const positiveInt = z.number().int().positive();
const amount = z.number().finite().nonnegative();
/** An English twin (`nameEn` beside `name`); plan-validation (libs/plan/translations) says which are required. */
const english = z.string().trim().optional();

/** A major project is planned (附件3) or a reserve project (附件4): the one list the file, the API and the portal take. */
export const PROJECT_STATUSES = ['planned', 'reserve'] as const;

/** 约束性 (binding) or 预期性 (expected), as the plan prints each indicator. */
export const INDICATOR_ATTRIBUTES = ['binding', 'expected'] as const;

export const departmentKinds = ['city_bureau', 'county_government', 'county_bureau', 'institution'] as const;
export type DepartmentKind = (typeof departmentKinds)[number];

// The address is checked by plan-validation (validateContactEmail), with a message naming the department.
const contact = z.object({ name: text, email: z.string().trim(), locale: z.enum(['zh-CN', 'en']).default('zh-CN') });

export const planFileSchema = z.object({
  plan: z.object({
    code: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and hyphens'),
    name: text,
    nameEn: text,
    /** The period's short name, as the report prints it: 十四五 (“十四五”计划投资), 14th FYP. */
    periodName: text,
    periodNameEn: text,
    baselineYear: z.number().int(),
    startYear: z.number().int(),
    endYear: z.number().int(),
    source: z.string().optional(),
  }),
  printedTotals: z.object({
    indicators: positiveInt,
    targets: positiveInt,
    tasks: positiveInt,
    basicServiceItems: positiveInt,
    plannedProjects: z.object({
      count: positiveInt,
      totalInvestment: amount,
      planPeriodInvestment: amount,
      landMu: amount,
    }),
    reserveProjects: z.object({
      count: positiveInt,
      totalInvestment: amount,
      planPeriodInvestment: z.null(),
      landMu: amount,
    }),
    projectGroups: z.array(
      z.object({
        status: z.enum(PROJECT_STATUSES),
        no: text,
        name: text,
        nameEn: english,
        count: positiveInt,
        totalInvestment: amount,
        planPeriodInvestment: amount.nullable(),
        landMu: amount,
      }),
    ),
  }),
  categories: z.array(z.object({ no: positiveInt, name: text, nameEn: text })).min(1),
  departments: z.array(
    z.object({
      code: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and hyphens'),
      name: text,
      nameEn: text,
      kind: z.enum(departmentKinds),
      aliases: z.array(text).default([]),
      submitter: contact,
      supervisor: contact,
    }),
  ),
  departmentGroups: z.array(
    z.object({
      code: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
      name: text,
      nameEn: text,
      /** Concrete members, or null where the bureau resolves the group per cycle. */
      members: z.array(text).nullable(),
    }),
  ),
  indicators: z.array(
    z.object({
      no: positiveInt,
      category: text,
      name: text,
      nameEn: english,
      unit: text,
      unitEn: english,
      baseline: text,
      baselineEn: english,
      target: text,
      targetEn: english,
      attribute: z.enum(INDICATOR_ATTRIBUTES),
      polarity: z.enum(POLARITIES),
      departments: text,
    }),
  ),
  targets: z.array(
    z.object({
      no: positiveInt,
      text: text,
      textEn: english,
      departments: text,
      /** The indicators (专栏1 numbers) that measure the target: its status follows from theirs. Not printed in the plan; kept beside it. */
      indicators: z.array(positiveInt).default([]),
    }),
  ),
  tasks: z.array(
    z.object({
      no: positiveInt,
      title: text,
      titleEn: english,
      details: z.string(),
      detailsEn: english,
      departments: text,
    }),
  ),
  projects: z.array(
    z.object({
      no: positiveInt,
      status: z.enum(PROJECT_STATUSES),
      group: text,
      name: z.string(),
      nameEn: english,
      content: z.string(),
      totalInvestment: amount,
      planPeriodInvestment: amount.nullable(),
      landMu: amount.nullable(),
      owner: z.string(),
      responsibleUnit: text,
    }),
  ),
  basicServiceItems: z.array(
    z.object({
      no: positiveInt,
      area: text,
      areaEn: english,
      goal: text,
      goalEn: english,
      name: text,
      nameEn: english,
      /** The department responsible for the item. The plan names none: the bureau assigns it in the catalog; a default may be given here. */
      department: text.optional(),
    }),
  ),
});

export type PlanFile = z.infer<typeof planFileSchema>;
export type PlanIndicator = PlanFile['indicators'][number];
export type PlanProject = PlanFile['projects'][number];
export type PlanServiceItem = PlanFile['basicServiceItems'][number];
export type PlanDepartment = PlanFile['departments'][number];
