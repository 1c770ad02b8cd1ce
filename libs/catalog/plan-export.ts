/**
 * The catalog as other tools read it: the plan file's own sections, with each
 * item's lead and co-operating departments resolved to canonical names. The
 * result is itself a valid plan file, so an export can be imported again.
 */
import type { ResponsibleUnit } from '../plan/departments';
import type { ValidatedPlan } from '../plan/plan-validation';
import type { PlanFile } from '../plan/plan-file';

export interface ResponsibleNames {
  leadDepartment: string;
  coDepartments: string[];
}

export type PlanExport = Omit<PlanFile, 'indicators' | 'targets' | 'tasks' | 'projects'> & {
  indicators: Array<PlanFile['indicators'][number] & ResponsibleNames>;
  targets: Array<PlanFile['targets'][number] & ResponsibleNames>;
  tasks: Array<PlanFile['tasks'][number] & ResponsibleNames>;
  projects: Array<PlanFile['projects'][number] & ResponsibleNames>;
};

const names = ({
  responsibility,
}: {
  responsibility: { lead: ResponsibleUnit; co: ResponsibleUnit[] };
}): ResponsibleNames => ({
  leadDepartment: responsibility.lead.name,
  coDepartments: responsibility.co.map((u) => u.name),
});

export function exportPlan(plan: ValidatedPlan): PlanExport {
  const strip = <T extends { responsibility: unknown }>({ responsibility: _r, ...rest }: T) => rest;
  return {
    ...plan.file,
    indicators: plan.indicators.map((i) => ({
      ...plan.file.indicators.find((f) => f.no === i.no)!,
      ...names(i),
    })),
    targets: plan.targets.map((t) => ({ ...strip(t), ...names(t) })),
    tasks: plan.tasks.map((t) => ({ ...strip(t), ...names(t) })),
    projects: plan.projects.map((p) => ({ ...strip(p), ...names(p) })),
  };
}
