/**
 * The plan's English as the English report prints it: every indicator, target,
 * task, project and service-item text beside its translation. The bureau edits
 * one at a time (checked and audited by the API); everyone else reads them.
 */
import { useState } from 'react';
import { Button, Flex, Form, Input, Modal, Select, Switch, Table, Tag, Typography } from 'antd';
import { all, api, enc, type Schemas } from '../api';
import { LoadError, useAction, useLoad } from '../common';
import { useI18n } from '../i18n';

type Translation = Schemas['TranslationRowView'];

const KINDS: Record<string, { zh: string; en: string }> = {
  indicator: { zh: '主要指标', en: 'Indicators' },
  target: { zh: '主要目标', en: 'Main targets' },
  task: { zh: '主要任务', en: 'Main tasks' },
  project: { zh: '重大项目', en: 'Major projects' },
  reserve: { zh: '储备项目', en: 'Reserve projects' },
  projectGroup: { zh: '项目分类', en: 'Project groups' },
  serviceItem: { zh: '基本公共服务项目', en: 'Basic service items' },
};
const FIELDS: Record<string, { zh: string; en: string }> = {
  name: { zh: '名称', en: 'Name' },
  unit: { zh: '单位', en: 'Unit' },
  baseline: { zh: '基期值', en: 'Baseline' },
  target: { zh: '目标值', en: 'Target' },
  text: { zh: '目标表述', en: 'Wording' },
  title: { zh: '任务名称', en: 'Title' },
  details: { zh: '具体内容', en: 'Details' },
  area: { zh: '服务领域', en: 'Area' },
  goal: { zh: '服务内容与目标', en: 'Goal' },
};

export function PlanTranslations({ plan, canEdit }: { plan: string; canEdit: boolean }) {
  const { t, lx } = useI18n();
  const act = useAction();
  const [kind, setKind] = useState('indicator');
  const [missingOnly, setMissingOnly] = useState(false);
  const rows = useLoad(
    () =>
      all<Translation>(`/api/plans/${enc(plan)}/translations?kind=${enc(kind)}${missingOnly ? '&missing=true' : ''}`),
    [plan, kind, missingOnly],
  );
  const [editing, setEditing] = useState<Translation | null>(null);
  const [form] = Form.useForm<{ text: string }>();
  const edit = (row: Translation) => {
    setEditing(row);
    form.setFieldsValue({ text: row.en ?? '' });
  };
  const save = async () => {
    const { text } = await form.validateFields();
    const row = editing!;
    const body = { kind: row.kind, key: row.key, field: row.field, text };
    if (await act(() => api.put(`/api/plans/${enc(plan)}/translations`, body), t('译文已保存', 'Translation saved'))) {
      setEditing(null);
      rows.reload();
    }
  };
  return (
    <>
      <Flex gap="middle" align="center" wrap style={{ marginBottom: 12 }}>
        <Select
          aria-label={t('内容', 'Kind')}
          style={{ minWidth: 200 }}
          value={kind}
          onChange={setKind}
          options={Object.entries(KINDS).map(([value, label]) => ({ value, label: lx(label) }))}
        />
        <Switch
          checked={missingOnly}
          onChange={setMissingOnly}
          checkedChildren={t('仅缺少译文的', 'Missing only')}
          unCheckedChildren={t('全部', 'All')}
        />
      </Flex>
      <LoadError error={rows.error} />
      <Table<Translation>
        size="small"
        rowKey={(r) => `${r.key}.${r.field}`}
        loading={rows.loading}
        dataSource={rows.data ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: t('序号', 'No.'), dataIndex: 'key', width: 90 },
          { title: t('字段', 'Field'), dataIndex: 'field', width: 110, render: (f: string) => lx(FIELDS[f]) },
          { title: t('中文', 'Chinese'), dataIndex: 'zh' },
          {
            title: t('英文', 'English'),
            key: 'en',
            render: (_, r) =>
              r.en ??
              (r.needed ? (
                <Tag color="red">{t('缺少译文', 'missing')}</Tag>
              ) : (
                <Typography.Text type="secondary">{t('无须翻译', 'none needed')}</Typography.Text>
              )),
          },
          ...(canEdit
            ? [
                {
                  title: '',
                  key: 'edit',
                  width: 80,
                  render: (_: unknown, r: Translation) => (
                    <Button
                      size="small"
                      aria-label={t(`修改${r.zh}的译文`, `Edit the English of ${r.zh}`)}
                      onClick={() => edit(r)}
                    >
                      {t('修改', 'Edit')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing ? `${lx(KINDS[editing.kind])} ${editing.key} · ${lx(FIELDS[editing.field])}` : ''}
        okText={t('保存', 'Save')}
        cancelText={t('取消', 'Cancel')}
        onOk={() => void save()}
        onCancel={() => setEditing(null)}
        forceRender
      >
        <Typography.Paragraph>{editing?.zh}</Typography.Paragraph>
        <Form form={form} layout="vertical">
          <Form.Item
            name="text"
            label={t('英文译文', 'English')}
            rules={[{ required: true, whitespace: true, message: t('请填写英文译文', 'Enter the English') }]}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
