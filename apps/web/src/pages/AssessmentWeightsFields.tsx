/**
 * The launch form's 部门考核权重: points out of 100 for each component of the
 * departments' assessment, the default of common 目标责任考核 practice filled
 * in, checked here as the API checks them (libs/rules/department-assessment.ts).
 */
import { Form, InputNumber, Space, Typography } from 'antd';
import {
  ASSESSMENT_COMPONENTS,
  ASSESSMENT_COMPONENT_LABELS,
  checkAssessmentWeights,
} from '@libs/rules/department-assessment';
import { useI18n } from '../i18n';

const LAST = ASSESSMENT_COMPONENTS[ASSESSMENT_COMPONENTS.length - 1];

export function AssessmentWeightsFields() {
  const { t, lx } = useI18n();
  return (
    <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
      <Typography.Text strong>
        {t('部门考核权重（合计100分）', 'Assessment weights (100 points in all)')}
      </Typography.Text>
      <Space wrap align="start" style={{ marginTop: 8 }}>
        {ASSESSMENT_COMPONENTS.map((c) => (
          <Form.Item
            key={c}
            name={['assessmentWeights', c]}
            label={lx(ASSESSMENT_COMPONENT_LABELS[c])}
            // The sum is told once, under the last weight, whichever weight changed.
            {...(c === LAST
              ? {
                  dependencies: ASSESSMENT_COMPONENTS.filter((o) => o !== c).map((o) => ['assessmentWeights', o]),
                  rules: [
                    ({ getFieldValue }) => ({
                      validator: async () => {
                        const [problem] = checkAssessmentWeights(getFieldValue('assessmentWeights'));
                        if (problem) throw new Error(lx(problem));
                      },
                    }),
                  ],
                }
              : {})}
          >
            <InputNumber min={0} max={100} />
          </Form.Item>
        ))}
      </Space>
    </fieldset>
  );
}
