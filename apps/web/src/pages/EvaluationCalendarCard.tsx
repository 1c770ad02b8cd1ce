/**
 * 评估日历: a plan's Temporal Schedules (annual monitoring, mid-term, final),
 * each one's state and next launches in Shanghai time, the cycles it has
 * launched; the bureau creates the calendar when absent and pauses or resumes
 * a schedule, saying why.
 */
import { useState } from 'react';
import { Button, Card, Form, Input, Modal, Space, Table, Tag } from 'antd';
import { api, enc, type Schemas } from '../api';
import { LoadError, useAction, useLoad } from '../common';
import { useI18n } from '../i18n';
import { CYCLE_KIND_LABELS, cyclePath } from '../labels';
import { Link } from '../router';
import { may, type Session } from '../session';

type Schedule = Schemas['CalendarScheduleView'];

const STATE_LABELS: Record<Schedule['state'], { zh: string; en: string; color: string }> = {
  absent: { zh: '未创建', en: 'Not created', color: 'default' },
  active: { zh: '运行中', en: 'Active', color: 'green' },
  paused: { zh: '已暂停', en: 'Paused', color: 'orange' },
};

export function EvaluationCalendarCard({ session, plan }: { session: Session; plan: Schemas['PlanView'] }) {
  const { t, lx, when } = useI18n();
  const act = useAction();
  const base = `/api/plans/${enc(plan.code)}/calendar`;
  const calendar = useLoad(() => api.get<Schemas['CalendarView']>(base), [base]);
  const manages = may(session.user, 'cycle:manage');
  const [pausing, setPausing] = useState<{ kind: Schedule['kind']; pause: boolean } | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const absent = calendar.data?.schedules.some((s) => s.state === 'absent') ?? false;

  const ensure = async () => {
    if (await act(() => api.post(base), t('评估日历已创建', 'The evaluation calendar is set up'))) calendar.reload();
  };
  const setPaused = async ({ reason }: { reason: string }) => {
    if (!pausing) return;
    const done = pausing.pause ? t('已暂停', 'Paused') : t('已恢复', 'Resumed');
    const path = `${base}/${pausing.pause ? 'pause' : 'resume'}`;
    if (await act(() => api.post(path, { kind: pausing.kind, reason }), done)) {
      setPausing(null);
      form.resetFields();
      calendar.reload();
    }
  };

  return (
    <Card
      size="small"
      title={`${t('评估日历', 'Evaluation calendar')} · ${lx({ zh: plan.name, en: plan.nameEn })}`}
      extra={
        manages && absent ? (
          <Button type="primary" onClick={() => void ensure()}>
            {t('创建评估日历', 'Set up the calendar')}
          </Button>
        ) : null
      }
      style={{ marginBottom: 16 }}
      data-testid="evaluation-calendar"
    >
      <LoadError error={calendar.error} />
      <Table<Schedule>
        rowKey="kind"
        size="small"
        pagination={false}
        loading={calendar.loading}
        dataSource={calendar.data?.schedules ?? []}
        columns={[
          {
            title: t('评估', 'Evaluation'),
            dataIndex: 'kind',
            render: (k: Schedule['kind']) => lx(CYCLE_KIND_LABELS[k]),
          },
          {
            title: t('状态', 'State'),
            key: 'state',
            render: (_, s) => (
              <Space orientation="vertical" size={0}>
                <Tag color={STATE_LABELS[s.state].color}>{lx(STATE_LABELS[s.state])}</Tag>
                {s.note ? <span>{s.note}</span> : null}
              </Space>
            ),
          },
          {
            title: t('下次发起（北京时间）', 'Next launches (Beijing time)'),
            key: 'next',
            render: (_, s) =>
              s.nextLaunches.length > 0
                ? s.nextLaunches.map((at) => <div key={at}>{when(at)}</div>)
                : s.state === 'absent'
                  ? '—'
                  : t('规划期内已无', 'None left in the plan period'),
          },
          {
            title: t('已发起', 'Launched'),
            key: 'recent',
            render: (_, s) =>
              s.recentLaunches.map((l) => (
                <div key={l.launchWorkflowId}>
                  {when(l.takenAt)} <Link to={cyclePath(l.cycleId)}>{l.cycleId}</Link>
                </div>
              )),
          },
          ...(manages
            ? [
                {
                  title: t('操作', 'Actions'),
                  key: 'actions',
                  render: (_: unknown, s: Schedule) =>
                    s.state === 'absent' ? null : (
                      <Button size="small" onClick={() => setPausing({ kind: s.kind, pause: s.state === 'active' })}>
                        {s.state === 'active' ? t('暂停', 'Pause') : t('恢复', 'Resume')}
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={pausing !== null}
        title={
          pausing
            ? `${pausing.pause ? t('暂停', 'Pause') : t('恢复', 'Resume')} · ${lx(CYCLE_KIND_LABELS[pausing.kind])}`
            : ''
        }
        okText={t('确定', 'OK')}
        cancelText={t('取消', 'Cancel')}
        onOk={() => form.submit()}
        onCancel={() => setPausing(null)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => void setPaused(v)}>
          <Form.Item
            label={t('原因', 'Reason')}
            name="reason"
            rules={[{ required: true, whitespace: true, message: t('请填写原因', 'Give the reason') }]}
          >
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
