/**
 * One error body everywhere: `code`, `message` (zh-CN), `messageEn`, `details`.
 * Domain refusals map to the HTTP status that says what happened.
 */
import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { PlanNotFoundError, PlanValidationError } from '@libs/plan/localized';
import { CycleRequestError } from '@libs/temporal/cycle-client';

const STATUS: Record<CycleRequestError['code'], number> = {
  invalid_request: HttpStatus.BAD_REQUEST,
  launch_refused: HttpStatus.UNPROCESSABLE_ENTITY,
  already_launched: HttpStatus.CONFLICT,
  command_refused: HttpStatus.CONFLICT,
};

@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('api');

  catch(error: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    if (error instanceof CycleRequestError) {
      res.status(STATUS[error.code]).json({ code: error.code, message: error.problems.map((p) => p.zh).join('；'), messageEn: error.problems.map((p) => p.en).join('; '), details: error.problems });
    } else if (error instanceof PlanValidationError) {
      const notFound = error instanceof PlanNotFoundError;
      res.status(notFound ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST).json({ code: notFound ? 'not_found' : 'invalid_data', message: error.issues.map((i) => `${i.where}: ${i.message.zh}`).join('；'), messageEn: error.issues.map((i) => `${i.where}: ${i.message.en}`).join('; '), details: error.issues });
    } else if (error instanceof HttpException) {
      const status = error.getStatus();
      res.status(status).json({ code: status === 404 ? 'not_found' : 'http_error', message: status === 404 ? '没有找到' : error.message, messageEn: error.message, details: [] });
    } else {
      this.logger.error(error);
      res.status(HttpStatus.INTERNAL_SERVER_ERROR).json({ code: 'internal_error', message: '服务器内部错误，请稍后重试', messageEn: 'internal error; please try again later', details: [] });
    }
  }
}
