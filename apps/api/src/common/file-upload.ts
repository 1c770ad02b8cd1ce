/**
 * One uploaded file in the multipart field `file`, read into memory up to a
 * limit: multer stops reading there, and the refusal (413) says what was too
 * big and what the limit is, in both languages, rather than "request too large".
 */
import { mixin, PayloadTooLargeException, type CallHandler, type ExecutionContext, type NestInterceptor, type Type } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Observable } from 'rxjs';
import type { Localized } from '@libs/plan/localized';
import { ApiProblem } from './problem.filter';

const MB = 1024 * 1024;

/** `what`: the kind of file, as the message names it (规划文件 / the plan file). */
export function FileUpload(maxBytes: number, what: Localized): Type<NestInterceptor> {
  const Multer = FileInterceptor('file', { limits: { fileSize: maxBytes, files: 1 } });
  const [size, unit] = maxBytes >= MB ? [Number((maxBytes / MB).toFixed(1)), 'MB'] : [Math.ceil(maxBytes / 1024), 'KB'];
  const tooLarge = () => new ApiProblem(413, 'too_large', [{ zh: `${what.zh}超过${size}${unit}的上限`, en: `${what.en} is larger than the ${size} ${unit} limit` }]);
  class FileUploadInterceptor implements NestInterceptor {
    private readonly multer: NestInterceptor = new Multer();
    async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
      try {
        return await this.multer.intercept(context, next);
      } catch (e) {
        throw e instanceof PayloadTooLargeException ? tooLarge() : e;
      }
    }
  }
  return mixin(FileUploadInterceptor);
}
