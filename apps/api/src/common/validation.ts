/**
 * Request bodies and queries are validated by class-validator; a refusal names
 * each bad field in Chinese and English, in the one error body. Before that,
 * any text PostgreSQL could not store is refused (libs/common/storable-text).
 */
import { BadRequestException, ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { describeTextProblem, unstorableText } from '@libs/common/storable-text';
import type { Localized } from '@libs/plan/localized';

/** Chinese for each class-validator constraint the DTOs use; the English is class-validator's own. */
const ZH: Record<string, (field: string, args: string[]) => string> = {
  isString: (f) => `${f} 应为文本`,
  isNotEmpty: (f) => `${f} 不能为空`,
  isInt: (f) => `${f} 应为整数`,
  isNumber: (f) => `${f} 应为数字`,
  isBoolean: (f) => `${f} 应为 true 或 false`,
  isIn: (f, a) => `${f} 应为以下之一：${a.join('、')}`,
  isEnum: (f, a) => `${f} 应为以下之一：${a.join('、')}`,
  isEmail: (f) => `${f} 不是有效的邮箱地址`,
  isISO8601: (f) => `${f} 应为日期时间（例如 2026-03-31T00:00:00+08:00）`,
  isArray: (f) => `${f} 应为数组`,
  arrayNotEmpty: (f) => `${f} 至少需要一项`,
  arrayMaxSize: (f, a) => `${f} 最多 ${a[0]} 项`,
  isObject: (f) => `${f} 应为对象`,
  min: (f, a) => `${f} 不能小于 ${a[0]}`,
  max: (f, a) => `${f} 不能大于 ${a[0]}`,
  minLength: (f, a) => `${f} 至少 ${a[0]} 个字符`,
  maxLength: (f, a) => `${f} 最多 ${a[0]} 个字符`,
  matches: (f) => `${f} 格式不对`,
  whitelistValidation: (f) => `不接受字段 ${f}`,
};

export interface FieldProblem extends Localized {
  field: string;
}

export class RequestValidationError extends BadRequestException {
  constructor(readonly problems: FieldProblem[]) {
    super(problems.map((p) => p.en).join('; '));
  }
}

function flatten(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.entries(e.constraints ?? {}).map(([name, en]) => {
      const args = (e.contexts?.[name]?.args as string[] | undefined) ?? constraintArgs(name, en);
      return { field, zh: ZH[name]?.(field, args) ?? `${field} 无效：${en}`, en };
    });
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** class-validator does not expose a constraint's arguments on the error; recover the few we print. */
function constraintArgs(name: string, en: string): string[] {
  if (name === 'isIn' || name === 'isEnum') return [en.replace(/^.*following values: /, '')];
  const n = en.match(/(\d+)/);
  return n ? [n[1]] : [];
}

/**
 * What PostgreSQL or JSON would refuse (a NUL, a lone surrogate, a text past
 * any field's length, nesting no request of ours has) is refused here, for
 * every body, query and path parameter, naming where it was: in a workflow's
 * history it would fail the department's record on every retry. Before
 * class-validator too, which walks a body recursively.
 */
class RequestPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') {
      const problems = unstorableText(value, metadata.data ?? '');
      if (problems.length)
        throw new RequestValidationError(
          problems.map((p) => describeTextProblem(p.field ? p : { ...p, field: metadata.type })),
        );
    }
    return super.transform(value, metadata);
  }
}

export function validationPipe(): ValidationPipe {
  return new RequestPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => new RequestValidationError(flatten(errors)),
  });
}
