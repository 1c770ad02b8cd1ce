/**
 * What the plan promised besides its indicators, as the catalog lists it: the
 * main targets (附件2), the main tasks (附件2) and the major projects, planned
 * (附件3) and reserve (附件4), each with its lead and co-operating departments.
 */
import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { all, enc, type Schemas } from '../api';
import { LoadError, useLoad } from '../common';
import { useI18n } from '../i18n';

/** What every section's rows have: the number and the departments. */
type Responsible = Pick<Schemas['TargetView'], 'no' | 'leadDepartment' | 'coDepartments'>;
type TargetRow = Schemas['TargetView'];
type TaskRow = Schemas['TaskView'];
type ProjectRow = Schemas['ProjectView'];

/** One section of the plan, every row, in a table of its own. */
function Section<T extends Responsible>({ path, columns }: { path: string; columns: ColumnsType<T> }) {
  const { t } = useI18n();
  const rows = useLoad(() => all<T>(path), [path]);
  return (
    <>
      <LoadError error={rows.error} />
      <Table<T>
        size="small"
        rowKey="no"
        loading={rows.loading}
        dataSource={rows.data ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: t('序号', 'No.'), dataIndex: 'no', width: 60 },
          ...columns,
          { title: t('牵头单位', 'Lead'), dataIndex: 'leadDepartment', width: 150 },
          {
            title: t('配合单位', 'Co-operating'),
            dataIndex: 'coDepartments',
            width: 200,
            render: (co: string[]) => co.join('、') || '—',
          },
        ]}
      />
    </>
  );
}

export function PlanTargets({ plan }: { plan: string }) {
  const { t, lx } = useI18n();
  return (
    <Section<TargetRow>
      path={`/api/plans/${enc(plan)}/targets`}
      columns={[
        { title: t('目标', 'Target'), key: 'text', render: (_, r) => lx({ zh: r.text, en: r.textEn ?? r.text }) },
        {
          title: t('对应指标', 'Indicators'),
          dataIndex: 'indicators',
          width: 110,
          render: (nos: number[]) => nos.join('、') || '—',
        },
      ]}
    />
  );
}

export function PlanTasks({ plan }: { plan: string }) {
  const { t, lx } = useI18n();
  return (
    <Section<TaskRow>
      path={`/api/plans/${enc(plan)}/tasks`}
      columns={[
        {
          title: t('任务', 'Task'),
          key: 'title',
          render: (_, r) => (
            <>
              <Typography.Text strong>{lx({ zh: r.title, en: r.titleEn ?? r.title })}</Typography.Text>
              {r.details ? (
                <Typography.Paragraph
                  type="secondary"
                  style={{ margin: 0 }}
                  ellipsis={{ rows: 2, expandable: true, symbol: t('展开', 'more') }}
                >
                  {r.details}
                </Typography.Paragraph>
              ) : null}
            </>
          ),
        },
      ]}
    />
  );
}

/** Planned projects (附件3) report investment in the period; reserve projects (附件4) have no such column. */
export function PlanProjects({ plan, status }: { plan: string; status: 'planned' | 'reserve' }) {
  const { t, lx } = useI18n();
  const amount = (v: number | null) => (v === null ? '—' : v.toLocaleString('zh-CN'));
  return (
    <Section<ProjectRow>
      path={`/api/plans/${enc(plan)}/projects?status=${status}`}
      columns={[
        { title: t('项目分类', 'Group'), dataIndex: 'group', width: 130 },
        {
          title: t('项目名称', 'Project'),
          key: 'name',
          render: (_, r) => (
            <>
              <Typography.Text strong>{lx({ zh: r.name, en: r.nameEn ?? r.name })}</Typography.Text>
              <Typography.Paragraph
                type="secondary"
                style={{ margin: 0 }}
                ellipsis={{ rows: 2, expandable: true, symbol: t('展开', 'more') }}
              >
                {r.content}
              </Typography.Paragraph>
            </>
          ),
        },
        {
          title: t('总投资（万元）', 'Total (10k yuan)'),
          dataIndex: 'totalInvestment',
          width: 120,
          align: 'right',
          render: amount,
        },
        ...(status === 'planned'
          ? [
              {
                title: t('规划期内投资（万元）', 'In the plan period (10k yuan)'),
                dataIndex: 'planPeriodInvestment',
                width: 130,
                align: 'right' as const,
                render: amount,
              },
            ]
          : []),
        { title: t('用地（亩）', 'Land (mu)'), dataIndex: 'landMu', width: 90, align: 'right', render: amount },
        { title: t('业主单位', 'Owner'), dataIndex: 'owner', width: 140 },
      ]}
    />
  );
}
