/** Reading a plan file from disk: JSON, or an Excel workbook in the template's layout. */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { PlanValidationError } from '../plan/localized';
import { validatePlan, type ValidatedPlan } from '../plan/plan-validation';
import { readPlanWorkbook } from './plan-workbook';

export async function readPlanFile(path: string): Promise<ValidatedPlan> {
  if (extname(path).toLowerCase() === '.xlsx') return validatePlan(await readPlanWorkbook(path));
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (e) {
    throw new PlanValidationError([
      { where: path, message: { zh: `无法读取 JSON 文件：${(e as Error).message}`, en: `cannot read the JSON file: ${(e as Error).message}` } },
    ]);
  }
  return validatePlan(json);
}
