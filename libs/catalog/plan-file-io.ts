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
      {
        where: path,
        message: {
          zh: `无法读取 JSON 文件：${(e as Error).message}`,
          en: `cannot read the JSON file: ${(e as Error).message}`,
        },
      },
    ]);
  }
  return validatePlan(json);
}

/** An uploaded plan file (the API's import): JSON or an Excel workbook, told apart by name. */
export async function parsePlanUpload(name: string, content: Buffer): Promise<ValidatedPlan> {
  if (extname(name).toLowerCase() === '.xlsx') return validatePlan(await readPlanWorkbook(content));
  if (extname(name).toLowerCase() !== '.json') {
    throw new PlanValidationError([
      {
        where: name,
        message: { zh: '只接受 .json 或 .xlsx 格式的规划文件', en: 'a plan file must be .json or .xlsx' },
      },
    ]);
  }
  try {
    return validatePlan(JSON.parse(content.toString('utf8')));
  } catch (e) {
    if (e instanceof PlanValidationError) throw e;
    throw new PlanValidationError([
      {
        where: name,
        message: {
          zh: `无法读取 JSON 文件：${(e as Error).message}`,
          en: `cannot read the JSON file: ${(e as Error).message}`,
        },
      },
    ]);
  }
}
