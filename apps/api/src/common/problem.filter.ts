/**
 * One error body everywhere: `code`, `message` in the caller's language
 * (zh-CN unless Accept-Language prefers English), `messageEn`, and `details`
 * naming each problem (with `field` for a bad request field). Domain refusals
 * map to the HTTP status that says what happened.
 */
import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { isDataError } from '@libs/persistence/data-errors';
import { PlanNotFoundError, PlanValidationError, type Localized } from '@libs/plan/localized';
import { CycleRequestError } from '@libs/temporal/cycle-client';
import { RequestValidationError } from './validation';

const CYCLE_STATUS: Record<CycleRequestError['code'], number> = {
  invalid_request: HttpStatus.BAD_REQUEST,
  launch_refused: HttpStatus.UNPROCESSABLE_ENTITY,
  already_launched: HttpStatus.CONFLICT,
  command_refused: HttpStatus.CONFLICT,
};

/** One reason for a refusal; `field` names a bad request field, `where` a place in an uploaded file. */
export type Problem = Localized & { field?: string; where?: string };

/** A refusal the API itself raises: status, machine code, and reasons a person can act on. */
export class ApiProblem extends HttpException {
  constructor(
    status: number,
    readonly code: string,
    readonly problems: Problem[],
  ) {
    super(problems.map((p) => p.en).join('; '), status);
  }
}

export const notFound = (zh: string, en: string) => new ApiProblem(HttpStatus.NOT_FOUND, 'not_found', [{ zh, en }]);
export const forbidden = (p: Localized) => new ApiProblem(HttpStatus.FORBIDDEN, 'forbidden', [p]);
export const badRequest = (zh: string, en: string) =>
  new ApiProblem(HttpStatus.BAD_REQUEST, 'invalid_request', [{ zh, en }]);

const GENERIC: Record<number, Localized & { code: string }> = {
  401: { code: 'unauthorized', zh: '请先登录', en: 'please sign in' },
  403: { code: 'forbidden', zh: '无权执行此操作', en: 'not allowed' },
  404: { code: 'not_found', zh: '没有找到', en: 'not found' },
  413: { code: 'too_large', zh: '请求内容过大', en: 'request too large' },
};

/** How large a JSON body may be (body-parser's default, kept on purpose): files go as uploads, not as JSON. */
export const JSON_BODY_LIMIT = '100kb';

/**
 * The JSON body parser's refusals (http-errors with a `type`): a body too
 * large or not JSON is the caller's to fix, never a 500 with a stack trace.
 */
function bodyParserError(error: unknown): (Localized & { status: number; code: string }) | null {
  const e = error as { type?: unknown; status?: unknown } | null;
  if (typeof e?.type !== 'string' || typeof e.status !== 'number' || e.status < 400 || e.status >= 500) return null;
  if (e.type === 'entity.too.large')
    return {
      status: 413,
      code: 'too_large',
      zh: `请求内容过大：JSON 请求最多 ${JSON_BODY_LIMIT}，文件请用上传`,
      en: `request too large: a JSON body may hold at most ${JSON_BODY_LIMIT}; send files as uploads`,
    };
  if (e.type === 'entity.parse.failed')
    return {
      status: 400,
      code: 'invalid_request',
      zh: '请求内容不是有效的 JSON',
      en: 'the request body is not valid JSON',
    };
  return {
    status: e.status,
    code: 'invalid_request',
    zh: '请求无法读取（编码或格式不对）',
    en: `the request body could not be read (${e.type})`,
  };
}

@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('api');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const english = /^en\b/i.test(http.getRequest<Request>().headers['accept-language'] ?? '');
    const send = (status: number, code: string, details: Problem[]): void => {
      http
        .getResponse<Response>()
        .status(status)
        .json({
          code,
          message: details.map((p) => (english ? p.en : p.zh)).join(english ? '; ' : '；'),
          messageEn: details.map((p) => p.en).join('; '),
          details,
        });
    };

    if (error instanceof ApiProblem) return send(error.getStatus(), error.code, error.problems);
    if (error instanceof RequestValidationError) return send(HttpStatus.BAD_REQUEST, 'invalid_request', error.problems);
    if (error instanceof CycleRequestError) return send(CYCLE_STATUS[error.code], error.code, error.problems);
    if (error instanceof PlanValidationError) {
      const missing = error instanceof PlanNotFoundError;
      return send(
        missing ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST,
        missing ? 'not_found' : 'invalid_data',
        error.issues.map((i) => {
          // A sheet or cell is a place the person finds in their workbook; a path in a JSON file is for tools (in
          // `where`), and the message names its row itself (主要指标第4行的“目标值”).
          const place = i.where.includes('!') || /[^\x20-\x7e]/.test(i.where) ? `${i.where}: ` : '';
          return { where: i.where, zh: `${place}${i.message.zh}`, en: `${place}${i.message.en}` };
        }),
      );
    }
    if (error instanceof QueryFailedError && isDataError(error)) {
      // A value PostgreSQL cannot hold (a number out of range, text where a number goes, in an uploaded file) is the caller's to fix.
      return send(HttpStatus.BAD_REQUEST, 'invalid_request', [
        { zh: '请求中的值超出范围或格式不对', en: 'a value in the request is out of range or malformed' },
      ]);
    }
    const parsing = bodyParserError(error);
    if (parsing) return send(parsing.status, parsing.code, [parsing]);
    if (error instanceof HttpException) {
      const status = error.getStatus();
      const generic = GENERIC[status] ?? { code: 'http_error', zh: error.message, en: error.message };
      return send(status, generic.code, [{ zh: generic.zh, en: generic.en }]);
    }
    this.logger.error(error);
    return send(HttpStatus.INTERNAL_SERVER_ERROR, 'internal_error', [
      { zh: '服务器内部错误，请稍后重试', en: 'internal error; please try again later' },
    ]);
  }
}
