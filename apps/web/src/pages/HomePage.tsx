/** 首页: a person's 待办 and 已办 in each running cycle (libs/cycle/work-counts), and where to act on them. */
import { Card, Col, Empty, Row, Statistic, Table, Typography } from 'antd';
import { workCounts, type StateCount } from '@libs/cycle/work-counts';
import { all, api, enc, type Schemas } from '../api';
import { CycleStatusTag, LoadError, useLoad } from '../common';
import { useI18n } from '../i18n';
import { cyclePath, cycleTitle, type Cycle } from '../labels';
import { Link } from '../router';
import type { Session } from '../session';

/** A running cycle as the API answers it, with the person's 待办 and 已办 counted here (workCounts). */
type CycleWork = Pick<Schemas['CycleStatusView'], 'cycle'> & { toDo: number; done: number };

/** Where a role acts on its 待办 in a cycle. */
function workPath(role: Session['user']['role'], cycle: Cycle): string {
  if (role === 'submitter') return `/inbox?cycle=${enc(cycle.id)}`;
  if (role === 'supervisor') return `/reviews?cycle=${enc(cycle.id)}`;
  return cyclePath(cycle.id);
}

export function HomePage({ session }: { session: Session }) {
  const { t, lx } = useI18n();
  const { role, department } = session.user;
  const loaded = useLoad(async (): Promise<CycleWork[]> => {
    const running = (await all<Cycle>('/api/cycles')).filter((c) => c.status === 'running');
    return Promise.all(
      running.map(async (cycle) => {
        const status = await api.get<Schemas['CycleStatusView']>(`/api/cycles/${enc(cycle.id)}`);
        return { cycle, ...workCounts(role, department, status.byDepartment as StateCount[]) };
      }),
    );
  }, [role, department]);
  const rows = loaded.data ?? [];
  const total = (k: 'toDo' | 'done') => rows.reduce((n, r) => n + r[k], 0);
  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('首页', 'Home')}
        </Typography.Title>
      }
    >
      <LoadError error={loaded.error} />
      <Row gutter={24} style={{ marginBottom: 16 }}>
        <Col>
          <Statistic title={t('待办事项', 'To do')} value={total('toDo')} loading={loaded.loading} />
        </Col>
        <Col>
          <Statistic title={t('已办事项', 'Done')} value={total('done')} loading={loaded.loading} />
        </Col>
      </Row>
      <Table<CycleWork>
        rowKey={(r) => r.cycle.id}
        loading={loaded.loading}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: <Empty description={t('当前没有进行中的评估', 'No cycle is running')} /> }}
        columns={[
          {
            title: t('进行中的评估', 'Running cycles'),
            key: 'cycle',
            render: (_, r) => <Link to={workPath(role, r.cycle)}>{lx(cycleTitle(r.cycle))}</Link>,
          },
          { title: t('状态', 'State'), key: 'status', render: (_, r) => <CycleStatusTag status={r.cycle.status} /> },
          { title: t('待办', 'To do'), dataIndex: 'toDo' },
          { title: t('已办', 'Done'), dataIndex: 'done' },
        ]}
      />
    </Card>
  );
}
