/**
 * Evidence files for an item: attached only while the item is with its
 * submitter in a running cycle (evidence-attach.ts), checked for size and type
 * (the content must match the extension), stored outside the database under
 * their SHA-256, and downloadable only by those who may see the item.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  Post,
  Req,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { Principal } from '@libs/access/principal';
import { loadConfig } from '@libs/config/config';
import { evidenceAttachRefusal } from '@libs/evidence/evidence-attach';
import { checkEvidenceFile } from '@libs/evidence/evidence-type';
import { SubmissionRepository } from '@libs/persistence/repositories/submission.repository';
import { CycleRequestError } from '@libs/temporal/cycle-client';
import { FileUpload } from '../common/file-upload';
import { ApiProblem, badRequest, notFound } from '../common/problem.filter';
import { AuditService } from '../audit/audit.service';
import { Caller, Requires, type AuthenticatedRequest } from '../auth/auth.decorators';
import { ItemAccess } from './item-access.service';

const storage = () => loadConfig('storage');

@ApiTags('items 事项')
@ApiBearerAuth()
@Controller('cycles/:cycleId/items/:itemKey/evidence')
export class EvidenceController {
  constructor(
    @Inject(SubmissionRepository) private readonly submissions: SubmissionRepository,
    @Inject(ItemAccess) private readonly access: ItemAccess,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  @Post()
  @HttpCode(201)
  @Requires('item:submit')
  @UseInterceptors(FileUpload(storage().EVIDENCE_MAX_BYTES, { zh: '佐证材料', en: 'the evidence file' }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      properties: { file: { type: 'string', format: 'binary', description: 'pdf, png, jpg, docx, xlsx, csv or txt' } },
      required: ['file'],
    },
  })
  @ApiOperation({
    summary:
      '上传佐证材料 Attach an evidence file while the item is with its submitter (409 submitted, approved or the cycle closed; 413 too large, 415 wrong or mislabelled type)',
  })
  async upload(
    @Param('cycleId') cycleId: string,
    @Param('itemKey') itemKey: string,
    @UploadedFile() file: Express.Multer.File | undefined,
    @Req() req: AuthenticatedRequest,
  ) {
    const item = await this.access.item(req.principal, 'item:submit', cycleId, itemKey);
    const refusal = evidenceAttachRefusal((await this.access.cycle(cycleId)).status, item.status);
    if (refusal) throw new CycleRequestError('command_refused', [refusal]);
    if (!file) throw badRequest('请上传文件（字段名 file）', 'upload the file in the field "file"');
    // Multer reads names as latin1; browsers send UTF-8 (Chinese file names).
    const name = Buffer.from(file.originalname, 'latin1').toString('utf8');
    const check = checkEvidenceFile(name, file.buffer, storage().EVIDENCE_MAX_BYTES);
    // Too large never gets here: the upload itself was refused with 413.
    if (!check.ok) throw new ApiProblem(415, 'invalid_file', [check.problem]);
    const sha256 = createHash('sha256').update(file.buffer).digest('hex');
    const dir = resolve(storage().EVIDENCE_DIR);
    await mkdir(dir, { recursive: true });
    // Written under a temporary name and renamed: a crash never leaves half a file under its hash.
    const temp = join(dir, `.${sha256}.${req.requestId}`);
    await writeFile(temp, file.buffer);
    await rename(temp, join(dir, sha256));
    const saved = await this.submissions.addEvidence({
      cycleId,
      itemKey,
      department: item.department,
      name,
      mediaType: check.mediaType,
      size: file.size,
      sha256,
      uploadedBy: req.principal.email,
    });
    const ref = { fileId: saved.id, name, sha256, size: saved.size, mediaType: saved.mediaType };
    await this.audit.record(req, {
      action: 'upload_evidence',
      entityType: 'item',
      entityId: `${cycleId}#${itemKey}`,
      after: ref,
    });
    return ref;
  }

  @Get(':fileId')
  @Requires('item:read')
  @ApiOperation({ summary: '下载佐证材料 Download an evidence file' })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({
    description: 'the file as uploaded, with its own media type, as an attachment',
    schema: { type: 'string', format: 'binary' },
  })
  async download(
    @Param('cycleId') cycleId: string,
    @Param('itemKey') itemKey: string,
    @Param('fileId') fileId: string,
    @Caller() p: Principal,
    @Res() res: Response,
  ): Promise<void> {
    await this.access.item(p, 'item:read', cycleId, itemKey);
    const file = /^[0-9a-f-]{36}$/.test(fileId) ? await this.submissions.evidenceFile(cycleId, itemKey, fileId) : null;
    if (!file) throw notFound(`此事项没有编号为“${fileId}”的材料`, `this item has no file "${fileId}"`);
    const bytes = await readFile(join(resolve(storage().EVIDENCE_DIR), file.sha256));
    res.attachment(file.name).type(file.mediaType).setHeader('X-Content-Type-Options', 'nosniff');
    res.send(bytes);
  }
}
