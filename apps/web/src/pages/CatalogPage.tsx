/**
 * The plan catalog: plans, their indicators (baseline, target, departments),
 * main targets, main tasks, major projects (planned and reserve), the basic
 * public service items with the departments the bureau assigns them to,
 * export, and the bureau's import.
 */
import { useState } from 'react';
import { Alert, App, Button, Card, Select, Space, Table, Tabs, Tag, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { all, api, ApiError, enc, type Problem, type Schemas } from '../api';
import { LoadError, useAction, useLoad } from '../common';
import { useI18n } from '../i18n';
import type { Session } from '../session';
import { ServiceAssignments } from './ServiceAssignments';
import { PlanProjects, PlanTargets, PlanTasks } from './PlanContents';
import { PlanTranslations } from './PlanTranslations';

export function CatalogPage({ session }: { session: Session }) {
  const i18n = useI18n();
  const { t, lx } = i18n;
  const { message } = App.useApp();
  const act = useAction();
  const plans = useLoad(() => all<Schemas['PlanView']>('/api/plans'), []);
  const [chosen, setChosen] = useState<string | null>(null);
  const plan = chosen ?? plans.data?.[0]?.code ?? null;
  const indicators = useLoad(
    async () => (plan ? all<Schemas['IndicatorView']>(`/api/plans/${enc(plan)}/indicators`) : []),
    [plan],
  );
  const [problems, setProblems] = useState<Problem[]>([]);
  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('规划目录', 'Plan catalog')}
        </Typography.Title>
      }
      extra={
        <Space wrap>
          <Select
            aria-label={t('规划', 'Plan')}
            style={{ minWidth: 320 }}
            value={plan}
            onChange={setChosen}
            options={(plans.data ?? []).map((p) => ({ value: p.code, label: lx({ zh: p.name, en: p.nameEn }) }))}
          />
          <Button
            disabled={!plan}
            onClick={() =>
              void act(
                () => api.download(`/api/plans/${enc(plan!)}/export?format=xlsx`, `${plan}.xlsx`),
                t('已开始下载', 'Download started'),
              )
            }
          >
            {t('导出 Excel', 'Export Excel')}
          </Button>
          <Button
            disabled={!plan}
            onClick={() =>
              void act(
                () => api.download(`/api/plans/${enc(plan!)}/export?format=json`, `${plan}.json`),
                t('已开始下载', 'Download started'),
              )
            }
          >
            {t('导出 JSON', 'Export JSON')}
          </Button>
          {session.user.role === 'admin' ? (
            <Upload
              showUploadList={false}
              accept=".json,.xlsx"
              customRequest={({ file }) => {
                const body = new FormData();
                body.append('file', file as Blob);
                setProblems([]);
                api.post('/api/plans/import', body).then(
                  () => {
                    void message.success(t('导入完成', 'Imported'));
                    plans.reload();
                    indicators.reload();
                  },
                  (e: unknown) =>
                    setProblems(e instanceof ApiError ? e.details : [{ zh: '导入失败', en: 'import failed' }]),
                );
              }}
            >
              <Button icon={<UploadOutlined />}>{t('导入规划（JSON / Excel）', 'Import a plan (JSON / Excel)')}</Button>
            </Upload>
          ) : null}
        </Space>
      }
    >
      <LoadError error={plans.error ?? indicators.error} />
      {problems.length ? (
        <Alert
          type="error"
          showIcon
          closable
          style={{ marginBottom: 16 }}
          title={t('导入未完成：', 'Not imported:')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {problems.slice(0, 50).map((p, i) => (
                <li key={i}>{lx(p)}</li>
              ))}
            </ul>
          }
        />
      ) : null}
      <Tabs
        items={[
          {
            key: 'indicators',
            label: t('主要指标', 'Indicators'),
            children: (
              <Table<Schemas['IndicatorView']>
                size="small"
                rowKey="no"
                loading={indicators.loading}
                dataSource={indicators.data ?? []}
                pagination={{ pageSize: 50, hideOnSinglePage: true }}
                columns={[
                  { title: t('序号', 'No.'), dataIndex: 'no', width: 60 },
                  { title: t('类别', 'Category'), dataIndex: 'category', width: 110 },
                  { title: t('指标', 'Indicator'), dataIndex: 'name' },
                  { title: t('单位', 'Unit'), dataIndex: 'unit', width: 90 },
                  { title: t('2020年', '2020'), dataIndex: 'baseline', width: 90 },
                  { title: t('2025年目标', '2025 target'), dataIndex: 'target', width: 110 },
                  {
                    title: t('属性', 'Type'),
                    dataIndex: 'attribute',
                    width: 80,
                    render: (a: string) =>
                      a === 'binding' || a === '约束性' ? (
                        <Tag color="red">{t('约束性', 'binding')}</Tag>
                      ) : (
                        <Tag>{t('预期性', 'expected')}</Tag>
                      ),
                  },
                  { title: t('牵头单位', 'Lead'), dataIndex: 'leadDepartment', width: 170 },
                ]}
              />
            ),
          },
          { key: 'targets', label: t('主要目标', 'Targets'), children: plan ? <PlanTargets plan={plan} /> : null },
          { key: 'tasks', label: t('主要任务', 'Tasks'), children: plan ? <PlanTasks plan={plan} /> : null },
          {
            key: 'projects',
            label: t('重大项目', 'Major projects'),
            children: plan ? <PlanProjects plan={plan} status="planned" /> : null,
          },
          {
            key: 'reserve',
            label: t('储备项目', 'Reserve projects'),
            children: plan ? <PlanProjects plan={plan} status="reserve" /> : null,
          },
          {
            key: 'services',
            label: t('基本公共服务项目', 'Basic public services'),
            children: plan ? <ServiceAssignments plan={plan} canAssign={session.user.role === 'admin'} /> : null,
          },
          {
            key: 'english',
            label: t('英文译文', 'English'),
            children: plan ? <PlanTranslations plan={plan} canEdit={session.user.role === 'admin'} /> : null,
          },
        ]}
      />
    </Card>
  );
}
