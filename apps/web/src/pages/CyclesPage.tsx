/** The bureau's cycles, newest first, and the launch form (LaunchForm: filled in, then confirmed). */
import { useState } from 'react';
import { Button, Card, Drawer, Table, Typography } from 'antd';
import { all, type Schemas } from '../api';
import { CycleStatusTag, LoadError, useLoad } from '../common';
import { useI18n } from '../i18n';
import { cyclePath, cycleTitle, type Cycle } from '../labels';
import { Link } from '../router';
import type { Session } from '../session';
import { EvaluationCalendarCard } from './EvaluationCalendarCard';
import { LaunchForm } from './LaunchForm';

export function CyclesPage({ session }: { session: Session }) {
  const { t, lx, when } = useI18n();
  const [launching, setLaunching] = useState(false);
  const cycles = useLoad(() => all<Cycle>('/api/cycles'), []);
  // A plan by its name: its code is for the address bar and the command line.
  const plans = useLoad(() => all<Schemas['PlanView']>('/api/plans'), []);
  const planName = (code: string) => {
    const plan = plans.data?.find((p) => p.code === code);
    return plan ? lx({ zh: plan.name, en: plan.nameEn }) : '';
  };
  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('评估轮次', 'Evaluation cycles')}
        </Typography.Title>
      }
      extra={
        session.user.role === 'admin' ? (
          <Button type="primary" onClick={() => setLaunching(true)}>
            {t('发起评估', 'Launch a cycle')}
          </Button>
        ) : null
      }
    >
      <LoadError error={cycles.error} />
      <Table<Cycle>
        rowKey="id"
        loading={cycles.loading}
        dataSource={cycles.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('尚未发起评估', 'No cycle launched yet') }}
        columns={[
          {
            title: t('评估', 'Cycle'),
            key: 'title',
            render: (_, c) => <Link to={cyclePath(c.id)}>{lx(cycleTitle(c))}</Link>,
          },
          { title: t('规划', 'Plan'), dataIndex: 'planCode', render: planName },
          {
            title: t('状态', 'State'),
            dataIndex: 'status',
            render: (s: Cycle['status']) => <CycleStatusTag status={s} />,
          },
          { title: t('填报截止', 'Deadline'), dataIndex: 'deadline', render: (v: string) => when(v) },
          { title: t('关闭时间', 'Hard close'), dataIndex: 'hardClose', render: (v: string) => when(v) },
          { title: t('发起时间', 'Launched'), dataIndex: 'launchedAt', render: (v: string) => when(v) },
        ]}
      />
      {session.user.role === 'admin'
        ? plans.data?.map((plan) => <EvaluationCalendarCard key={plan.code} session={session} plan={plan} />)
        : null}
      <Drawer
        open={launching}
        onClose={() => setLaunching(false)}
        title={t('发起评估', 'Launch a cycle')}
        size={520}
        destroyOnHidden
      >
        <LaunchForm
          onLaunched={() => {
            setLaunching(false);
            cycles.reload();
          }}
        />
      </Drawer>
    </Card>
  );
}
