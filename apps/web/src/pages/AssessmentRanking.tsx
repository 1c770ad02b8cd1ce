/**
 * 部门考核 on a closed cycle's dashboard: the departments ranked by their
 * weighted total, each component beside it, the weights it was made with,
 * and the Excel export. Scores are made at the close; this only reads them.
 */
import { Button, Card, Table, Tag, Typography } from 'antd';
import { ASSESSMENT_COMPONENTS, ASSESSMENT_COMPONENT_LABELS, GRADE_LABELS } from '@libs/rules/department-assessment';
import { api, type Schemas } from '../api';
import { LoadError, useAction, useLoad } from '../common';
import { useI18n } from '../i18n';

type Row = Schemas['DepartmentAssessmentView'];

const GRADE_COLORS: Record<Row['grade'], string> = {
  excellent: 'green',
  good: 'blue',
  pass: 'gold',
  fail: 'red',
};

const score = (n: number | null) => (n === null ? '—' : n.toFixed(1));

export function AssessmentRanking({ base }: { base: string }) {
  const { t, lx, locale } = useI18n();
  const act = useAction();
  const state = useLoad(() => api.get<Schemas['CycleAssessmentView']>(`${base}/assessment`), [base]);
  const exportWorkbook = () =>
    void act(
      () =>
        api.download(
          `${base}/assessment.xlsx${locale === 'en' ? '?lang=en' : ''}`,
          locale === 'en' ? 'assessment.en.xlsx' : '部门考核.xlsx',
        ),
      t('已开始下载', 'Download started'),
    );
  const weights = state.data?.weights;
  return (
    <Card
      title={t('部门考核排名', 'Departments’ ranking')}
      size="small"
      loading={state.loading && !state.data}
      extra={
        <Button size="small" onClick={exportWorkbook} disabled={!state.data}>
          {t('导出Excel', 'Export to Excel')}
        </Button>
      }
    >
      <LoadError error={state.error} />
      {weights ? (
        <Typography.Paragraph type="secondary">
          {t('考核权重：', 'Weights: ')}
          {ASSESSMENT_COMPONENTS.map((c) => `${lx(ASSESSMENT_COMPONENT_LABELS[c])} ${weights[c]}`).join(t('、', ', '))}
          {t(
            `（第${state.data!.reportVersion}版报告；90分以上优秀，80分以上良好，60分以上合格）`,
            ` (report version ${state.data!.reportVersion}; excellent from 90, good from 80, pass from 60)`,
          )}
        </Typography.Paragraph>
      ) : null}
      <Table<Row>
        size="small"
        rowKey="department"
        pagination={false}
        dataSource={state.data?.departments ?? []}
        columns={[
          { title: t('名次', 'Rank'), dataIndex: 'rank', width: 60 },
          { title: t('部门', 'Department'), key: 'name', render: (_, r) => t(r.name, r.nameEn) },
          ...ASSESSMENT_COMPONENTS.map((c) => ({
            title: lx(ASSESSMENT_COMPONENT_LABELS[c]),
            key: c,
            width: 100,
            render: (_: unknown, r: Row) => score(r.components[c]),
          })),
          { title: t('总分', 'Total'), key: 'total', width: 80, render: (_, r) => <b>{score(r.total)}</b> },
          {
            title: t('等级', 'Grade'),
            key: 'grade',
            width: 80,
            render: (_, r) => <Tag color={GRADE_COLORS[r.grade]}>{lx(GRADE_LABELS[r.grade])}</Tag>,
          },
        ]}
      />
    </Card>
  );
}
