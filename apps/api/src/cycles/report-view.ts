/** A cycle's report versions as GET /api/cycles/:id/reports lists them, described for the OpenAPI document. */
import { ApiProperty } from '@nestjs/swagger';

/** The files each version is written as, and the media type each is served with. */
export const REPORT_FORMATS = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  html: 'text/html; charset=utf-8',
  json: 'application/json',
} as const;
export type ReportFormat = keyof typeof REPORT_FORMATS;
export const REPORT_FORMAT_NAMES = Object.keys(REPORT_FORMATS) as ReportFormat[];

export class ReportVersionView {
  @ApiProperty({ example: 1, description: 'a reopen adds a version and keeps the old' })
  version: number;

  @ApiProperty({ description: 'SHA-256 of the report’s figures, the same in every format and language' })
  contentHash: string;

  @ApiProperty({
    enum: ['draft', 'final'],
    description: '征求意见稿 draft (every version a close compiles) or 定稿 final (the review’s final version)',
  })
  stage: 'draft' | 'final';

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ enum: REPORT_FORMAT_NAMES, isArray: true })
  formats: ReportFormat[];
}

export class ReportListView {
  @ApiProperty()
  total: number;

  @ApiProperty({ type: [ReportVersionView] })
  items: ReportVersionView[];
}
