/**
 * Writes a synthetic plan file of N items across D departments, checked by the
 * same validation as `plan-eval validate`:
 *   node bin/ts-run.js bench/make-plan.ts --items 1000 [--departments 200] [--out plan.json]
 */
import { writeFileSync } from 'node:fs';
import { Command } from 'commander';
import { validatePlan } from '@libs/plan/plan-validation';
import { splitItems, syntheticPlan } from '../tools/synthetic-plan';

const opts = new Command()
  .requiredOption('--items <n>', 'work items (indicators, tasks, planned projects)', Number)
  .option('--departments <n>', 'lead departments', Number, 200)
  .option('--code <code>', 'plan code (default synthetic-<items>)')
  .option('--out <file>', 'write the plan file here instead of standard output')
  .parse()
  .opts<{ items: number; departments: number; code?: string; out?: string }>();
const plan = syntheticPlan({
  code: opts.code ?? `synthetic-${opts.items}`,
  departments: opts.departments,
  ...splitItems(opts.items),
});
validatePlan(plan); // never writes a file the importer would refuse
const json = JSON.stringify(plan, null, 2);
if (opts.out) writeFileSync(opts.out, json);
else process.stdout.write(json + '\n');
