/** The departments' assessment (监督考核) as the API answers it and a launch gives its weights, for the OpenAPI document. */
import { ApiProperty } from '@nestjs/swagger';
import { TIMELINESSES, type Timeliness } from '@libs/cycle/timeliness';
import { GRADES, type Grade } from '@libs/rules/department-assessment';

export class AssessmentWeightsView {
  @ApiProperty({ example: 25 })
  timeliness: number;
  @ApiProperty({ example: 25 })
  completeness: number;
  @ApiProperty({ example: 20 })
  quality: number;
  @ApiProperty({ example: 30 })
  results: number;
}

export class AssessmentComponentsView {
  @ApiProperty({ description: '报送及时性 0–100' })
  timeliness: number;
  @ApiProperty({ description: '报送完整性 0–100' })
  completeness: number;
  @ApiProperty({ description: '数据质量 0–100' })
  quality: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: '目标完成情况 0–100; null: no item judged against a path (its weight counts for the others)',
  })
  results: number | null;
}

export class AssessmentFactsView {
  @ApiProperty({ enum: TIMELINESSES })
  timeliness: Timeliness;
  @ApiProperty({ description: 'items assigned to the department as lead' })
  assigned: number;
  @ApiProperty({ description: 'of them, approved at the close' })
  approved: number;
  @ApiProperty({ description: 'times a review returned one of its submissions' })
  returns: number;
  @ApiProperty({ description: 'blocking data-quality findings on its approved values' })
  blockingFindings: number;
  @ApiProperty({ description: 'data-quality warnings standing on its approved values' })
  warnings: number;
  @ApiProperty({ description: 'its items whose reasons or measures are boilerplate (套话)' })
  boilerplate: number;
}

export class DepartmentAssessmentView {
  @ApiProperty({ example: 'city-education' })
  department: string;
  @ApiProperty({ example: '市教育局' })
  name: string;
  @ApiProperty({ example: 'Municipal Education Bureau' })
  nameEn: string;
  @ApiProperty({ description: '1 is best; equal totals share a rank' })
  rank: number;
  @ApiProperty({ description: 'the weighted total, 0–100' })
  total: number;
  @ApiProperty({ enum: GRADES, description: '优秀 ≥90, 良好 ≥80, 合格 ≥60, 不合格 below' })
  grade: Grade;
  @ApiProperty({ type: AssessmentComponentsView })
  components: AssessmentComponentsView;
  @ApiProperty({ type: AssessmentWeightsView, description: 'the weights this score was made with' })
  weights: AssessmentWeightsView;
  @ApiProperty({ type: AssessmentFactsView })
  facts: AssessmentFactsView;
}

export class CycleAssessmentView {
  @ApiProperty()
  cycleId: string;
  @ApiProperty({ description: 'the report version the scores belong to (a reopen’s recompiled version has its own)' })
  reportVersion: number;
  @ApiProperty({ type: AssessmentWeightsView })
  weights: AssessmentWeightsView;
  @ApiProperty({ type: [DepartmentAssessmentView], description: 'best first' })
  departments: DepartmentAssessmentView[];
}
