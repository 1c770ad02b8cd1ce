/** The report's drafted text and the bureau's edits of it, as GET/PUT /api/cycles/:id/report/text answer. */
import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Max, Min } from 'class-validator';
import { DRAFTED_CHAPTERS, type DraftedChapter } from '@libs/report/report-drafts';

export class SectionTextView {
  @ApiProperty({ description: 'zh-CN, the Word document and HTML page in Chinese' })
  text: string;

  @ApiProperty({ description: 'English, the English rendition' })
  textEn: string;
}

export class TextVersionView extends SectionTextView {
  @ApiProperty({ description: '0: the drafted text; each save adds one' })
  version: number;

  @ApiProperty({ type: String, nullable: true, description: 'who saved it; null: drafted by the system' })
  editedBy: string | null;

  @ApiProperty({ type: String, format: 'date-time', description: 'when it was saved (drafted: when compiled)' })
  editedAt: Date;

  @ApiProperty({ description: 'the compiled report version whose drafted text it was made over' })
  reportVersion: number;
}

export class TextVersionSummaryView {
  @ApiProperty()
  version: number;

  @ApiProperty({ type: String, nullable: true })
  editedBy: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  editedAt: Date;
}

export class ReportSectionView {
  @ApiProperty({ example: 'problems.behind', description: 'the finding it is drafted from, stable across recompiles' })
  key: string;

  @ApiProperty({ enum: DRAFTED_CHAPTERS })
  chapter: DraftedChapter;

  @ApiProperty({ type: SectionTextView, description: 'as the latest compiled version drafts it' })
  drafted: SectionTextView;

  @ApiProperty({ type: TextVersionView, nullable: true, description: 'the bureau’s latest edit; null: not edited' })
  latest: TextVersionView | null;

  @ApiProperty({
    description: 'the latest edit was made over drafted text that a recompile has since drafted differently',
  })
  draftedChanged: boolean;

  @ApiProperty({ type: [TextVersionSummaryView], description: 'version 0 (drafted) and every save, oldest first' })
  versions: TextVersionSummaryView[];
}

export class ReportTextView {
  @ApiProperty({
    description: 'whether the bureau may still edit: until 定稿, and again after the approver returns it',
  })
  editable: boolean;

  @ApiProperty({ description: 'the compiled version whose drafted text is shown' })
  reportVersion: number;

  @ApiProperty({ description: 'SHA-256 of that version’s figures (the edits never change it)' })
  contentHash: string;

  @ApiProperty({ description: 'SHA-256 of the drafted text as it now reads, the edits in place' })
  textHash: string;

  @ApiProperty({ type: [ReportSectionView] })
  sections: ReportSectionView[];
}

export class TextVersionsView {
  @ApiProperty()
  section: string;

  @ApiProperty({ type: [TextVersionView], description: 'version 0 (drafted) first' })
  items: TextVersionView[];
}

export class SaveTextBody {
  @ApiProperty({ example: '部分指标进度滞后，需加快推进。' })
  @IsString()
  text: string;

  @ApiProperty({ example: 'Some indicators are behind their path and need to speed up.' })
  @IsString()
  textEn: string;

  @ApiProperty({
    description: 'the version the editor started from (0: the drafted text); a later one refuses the save',
  })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  baseVersion: number;
}
