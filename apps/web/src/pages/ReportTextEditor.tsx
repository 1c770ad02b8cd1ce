/**
 * 报告文字: the bureau edits the report's drafted chapters (存在的主要问题,
 * 对策建议, 规划调整建议), each drafted paragraph beside its latest edit, in
 * Chinese and English; a save is a new version made over the one shown (the
 * API refuses it when someone saved since), with the version history's who and
 * when. The figures are not here: they are the report's, read-only.
 */
import { useState } from 'react';
import { Alert, Button, Card, Col, Form, Input, Modal, Row, Space, Table, Tag, Typography } from 'antd';
import { SECTION_TEXT_MAX } from '@libs/report/section-text';
import { api, enc, type Schemas } from '../api';
import { LoadError, useAction, useLoad } from '../common';
import { useI18n } from '../i18n';

type Section = Schemas['ReportSectionView'];

/** The drafted chapters in the report's order. */
const CHAPTER_LABELS: Record<Section['chapter'], { zh: string; en: string }> = {
  problems: { zh: '存在的主要问题', en: 'Main problems' },
  recommendations: { zh: '对策建议', en: 'Recommendations' },
  adjustments: { zh: '规划调整建议', en: 'Proposed adjustments to the plan' },
};

/** What each drafted paragraph is about, by the finding its key names (libs/report/report-drafts.ts). */
const FINDING_LABELS: Record<string, { zh: string; en: string }> = {
  binding_behind: { zh: '约束性指标滞后', en: 'Binding indicators behind' },
  behind: { zh: '指标进度滞后', en: 'Indicators behind' },
  warned: { zh: '指标预警', en: 'Indicators with a warning' },
  projects: { zh: '重大项目', en: 'Major projects' },
  projects_flagged: { zh: '项目数据矛盾', en: 'Contradicting project reports' },
  tasks: { zh: '主要任务滞后', en: 'Tasks behind' },
  services: { zh: '基本公共服务', en: 'Basic public services' },
  reporting: { zh: '报送及时性', en: 'Timeliness of reporting' },
  boilerplate: { zh: '套话雷同', en: 'Boilerplate' },
  data_quality: { zh: '基期数据', en: 'Baselines' },
  binding: { zh: '约束性指标', en: 'Binding indicators' },
  data: { zh: '统计基础', en: 'Statistics' },
  monitoring: { zh: '监测评估', en: 'Monitoring' },
  none: { zh: '无', en: 'None' },
};

function sectionLabel(key: string, lx: (l: { zh: string; en: string }) => string): string {
  const finding = key.slice(key.indexOf('.') + 1);
  const indicator = /^indicator-(\d+)$/.exec(finding);
  if (indicator) return lx({ zh: `第${indicator[1]}项指标`, en: `Indicator no. ${indicator[1]}` });
  return FINDING_LABELS[finding] ? lx(FINDING_LABELS[finding]) : key;
}

export function ReportTextEditor({ cycleId }: { cycleId: string }) {
  const { t, lx } = useI18n();
  const base = `/api/cycles/${enc(cycleId)}/report/text`;
  const text = useLoad(() => api.get<Schemas['ReportTextView']>(base), [base]);
  const [history, setHistory] = useState<string | null>(null);
  const editable = text.data?.editable ?? false;
  return (
    <div data-testid="report-text">
      <LoadError error={text.error} />
      {text.data && (
        <>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={t(
              `以下为第${text.data.reportVersion}版报告中系统草拟的文字。数字均取自评估数据，不能在此修改；修改的文字在报告重新编制和定稿时替换草拟文字。`,
              `The text the system drafted in report version ${text.data.reportVersion}. The figures come from the evaluation data and cannot be edited here; edited text replaces the drafted text when the report is recompiled and finalised.`,
            )}
          />
          {!text.data.editable && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title={t('报告已定稿，文字不能再修改', 'The report is finalised; its text can no longer be edited')}
            />
          )}
          {(Object.keys(CHAPTER_LABELS) as Array<Section['chapter']>).map((chapter) => (
            <div key={chapter}>
              <Typography.Title level={5}>{lx(CHAPTER_LABELS[chapter])}</Typography.Title>
              {text
                .data!.sections.filter((s) => s.chapter === chapter)
                .map((s) => (
                  <SectionEditor
                    key={s.key}
                    base={base}
                    section={s}
                    label={sectionLabel(s.key, lx)}
                    editable={editable}
                    onSaved={text.reload}
                    onHistory={() => setHistory(s.key)}
                  />
                ))}
            </div>
          ))}
        </>
      )}
      {history && <VersionHistory base={base} section={history} onClose={() => setHistory(null)} />}
    </div>
  );
}

function SectionEditor(props: {
  base: string;
  section: Section;
  label: string;
  editable: boolean;
  onSaved(): void;
  onHistory(): void;
}) {
  const { section: s, editable } = props;
  const { t, when } = useI18n();
  const act = useAction();
  const current = s.latest ?? { ...s.drafted, version: 0 };
  const save = async (values: { text: string; textEn: string }) => {
    await act(
      () => api.put(`${props.base}/${enc(s.key)}`, { ...values, baseVersion: current.version }),
      t(`已保存为第${current.version + 1}版`, `Saved as version ${current.version + 1}`),
    );
    // Saved or refused (a stale save's message says who saved since), the latest version is loaded: the
    // form keeps what was typed, and the next save is made over the version now shown.
    props.onSaved();
  };
  const rules = [
    { required: true, whitespace: true, message: t('请填写段落文字', 'Write the section’s text') },
    { max: SECTION_TEXT_MAX, message: t(`最多${SECTION_TEXT_MAX}字`, `At most ${SECTION_TEXT_MAX} characters`) },
  ];
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      data-testid={`section-${s.key}`}
      title={
        <Space>
          {props.label}
          {s.latest ? (
            <Tag color="blue">{t(`修改稿 第${s.latest.version}版`, `Edited, version ${s.latest.version}`)}</Tag>
          ) : (
            <Tag>{t('草拟', 'Drafted')}</Tag>
          )}
        </Space>
      }
      extra={
        <Button size="small" onClick={props.onHistory}>
          {t(`修改记录（${s.versions.length}）`, `History (${s.versions.length})`)}
        </Button>
      }
    >
      {s.draftedChanged && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t(
            '报告重新编制后，这一段的草拟文字已变化，请对照新的草拟文字核对修改稿',
            'The report was recompiled and drafts this section differently now: check the edit against the new draft',
          )}
        />
      )}
      <Row gutter={16}>
        <Col xs={24} md={10}>
          <Typography.Text type="secondary">{t('系统草拟', 'Drafted by the system')}</Typography.Text>
          <Typography.Paragraph data-testid="drafted">{s.drafted.text}</Typography.Paragraph>
          <Typography.Paragraph type="secondary">{s.drafted.textEn}</Typography.Paragraph>
        </Col>
        <Col xs={24} md={14}>
          {s.latest && (
            <Typography.Text type="secondary">
              {t(
                `第${s.latest.version}版：${s.latest.editedBy ?? ''}，${when(s.latest.editedAt)}`,
                `Version ${s.latest.version}: ${s.latest.editedBy ?? ''}, ${when(s.latest.editedAt)}`,
              )}
            </Typography.Text>
          )}
          <Form
            layout="vertical"
            initialValues={{ text: current.text, textEn: current.textEn }}
            onFinish={(v: { text: string; textEn: string }) => void save(v)}
            disabled={!editable}
          >
            <Form.Item name="text" label={t('中文', 'Chinese')} rules={rules}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} aria-label={`${props.label} 中文`} />
            </Form.Item>
            <Form.Item name="textEn" label={t('英文', 'English')} rules={rules}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} aria-label={`${props.label} English`} />
            </Form.Item>
            {editable && (
              <Button type="primary" htmlType="submit">
                {t('保存', 'Save')}
              </Button>
            )}
          </Form>
        </Col>
      </Row>
    </Card>
  );
}

function VersionHistory({ base, section, onClose }: { base: string; section: string; onClose(): void }) {
  const { t, when } = useI18n();
  const versions = useLoad(
    () => api.get<Schemas['TextVersionsView']>(`${base}/${enc(section)}/versions`),
    [base, section],
  );
  return (
    <Modal open title={t('修改记录', 'Version history')} onCancel={onClose} footer={null} width={860}>
      <LoadError error={versions.error} />
      <Table
        size="small"
        rowKey="version"
        pagination={false}
        loading={versions.loading}
        dataSource={versions.data?.items ?? []}
        columns={[
          { title: t('版本', 'Version'), dataIndex: 'version', width: 70 },
          {
            title: t('修改人', 'By'),
            dataIndex: 'editedBy',
            width: 110,
            render: (by: string | null) => by ?? t('系统草拟', 'Drafted'),
          },
          { title: t('时间', 'When'), dataIndex: 'editedAt', width: 170, render: (v: string) => when(v) },
          { title: t('文字', 'Text'), dataIndex: 'text' },
        ]}
      />
    </Modal>
  );
}
