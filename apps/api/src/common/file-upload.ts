/**
 * One uploaded file in the multipart field `file`, read into memory up to a
 * limit: multer stops reading there, and the refusal (413) says what was too
 * big and what the limit is, in both languages, rather than "request too large".
 * multer's other refusals (another field, a second file, a broken form) come
 * in English from @nestjs/platform-express: they are answered in both
 * languages too, naming the field.
 */
import {
  BadRequestException,
  mixin,
  PayloadTooLargeException,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
  type Type,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Observable } from 'rxjs';
import type { Localized } from '@libs/plan/localized';
import { ApiProblem } from './problem.filter';

const MB = 1024 * 1024;

/** By the start of multer's and busboy's messages (their codes do not reach the interceptor). */
const FORM_PROBLEMS: Array<[RegExp, Localized]> = [
  [/^Unexpected file field/, { zh: '请在表单字段“file”中上传文件', en: 'send the file in the form field "file"' }],
  [/^Too many files/, { zh: '一次只能上传一个文件', en: 'send one file at a time' }],
  [
    /^(Multipart: |Unexpected end of)/,
    {
      zh: '上传内容不完整，或不是有效的 multipart/form-data 表单',
      en: 'the upload is incomplete or not a valid multipart/form-data form',
    },
  ],
];
const MALFORMED_FORM: Localized = {
  zh: '上传表单的字段过多或格式不对：只需一个文件字段“file”',
  en: 'the upload form has too many or malformed fields: only the file field "file" is needed',
};

/** `what`: the kind of file, as the message names it (规划文件 / the plan file). */
export function FileUpload(maxBytes: number, what: Localized): Type<NestInterceptor> {
  const Multer = FileInterceptor('file', { limits: { fileSize: maxBytes, files: 1 } });
  const [size, unit] = maxBytes >= MB ? [Number((maxBytes / MB).toFixed(1)), 'MB'] : [Math.ceil(maxBytes / 1024), 'KB'];
  const tooLarge = () =>
    new ApiProblem(413, 'too_large', [
      {
        zh: `${what.zh}超过${size}${unit}的上限`,
        en: `${what.en} is larger than the ${size} ${unit} limit`,
        field: 'file',
      },
    ]);
  const badForm = (message: string) =>
    new ApiProblem(400, 'invalid_upload', [
      { ...(FORM_PROBLEMS.find(([start]) => start.test(message))?.[1] ?? MALFORMED_FORM), field: 'file' },
    ]);
  class FileUploadInterceptor implements NestInterceptor {
    private readonly multer: NestInterceptor = new Multer();
    async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
      try {
        return await this.multer.intercept(context, next);
      } catch (e) {
        if (e instanceof PayloadTooLargeException) throw tooLarge();
        if (e instanceof BadRequestException) throw badForm(e.message);
        throw e;
      }
    }
  }
  return mixin(FileUploadInterceptor);
}
