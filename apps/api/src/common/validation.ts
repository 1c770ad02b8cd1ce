/**
 * Request bodies and queries are validated by class-validator; a refusal names
 * each bad field in Chinese and English, in the one error body. Before that,
 * any text of a body, a query or a path holding a NUL byte is refused.
 */
import { BadRequestException, ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
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
 * Where a value holds U+0000, as field paths (`submission.dataSource`, `itemKeys.2`), in the order they come: in
 * strings and in the keys and values of plain objects and arrays, walked without recursion (a JSON body may nest
 * deeper than the stack goes).
 */
export function nulFields(value: unknown, at = ''): string[] {
  const found: string[] = [];
  // Depth first, each one's children pushed last to first so they are taken first to last.
  const pending: Array<{ value: unknown; field: string; badKey?: boolean }> = [{ value, field: at }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { value: v, field } = next;
    const under = (key: string | number) => (field ? `${field}.${key}` : String(key));
    if (next.badKey || (typeof v === 'string' && v.includes('\0'))) {
      found.push(field);
    } else if (Array.isArray(v)) {
      for (let n = v.length - 1; n >= 0; n--) pending.push({ value: v[n], field: under(n) });
    } else if (v !== null && typeof v === 'object' && [Object.prototype, null].includes(Object.getPrototypeOf(v))) {
      const entries = Object.entries(v);
      for (let n = entries.length - 1; n >= 0; n--) pending.push({ value: entries[n][1], field: under(entries[n][0]), badKey: entries[n][0].includes('\0') });
    }
  }
  return found;
}

/**
 * A NUL byte is in no name, code or narrative anyone means to send, and PostgreSQL can store none: in a text column
 * it fails the query (22021), in JSON (a submission) the write of a department's workflow, retried for ever. So it is
 * refused here, for every body, query and path parameter, naming where it was.
 */
class RequestPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') {
      const fields = nulFields(value, metadata.data ?? '');
      if (fields.length) {
        throw new RequestValidationError(
          fields.map((f) => {
            const field = (f || metadata.type).replaceAll('\0', '\\u0000');
            return { field, zh: `${field} 含有空字符（\\u0000），请删除后重试`, en: `${field} contains a NUL character (\\u0000), which is not accepted` };
          }),
        );
      }
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
