/**
 * 规划调整 (动态调整修订): a plan's target adjustments with their states; the
 * bureau proposes one from a cycle's report (the report page links here with
 * the cycle and the item) and revises a returned one; the lead department's
 * supervisor, then the approver, approves or returns it. Each row opens to its
 * decisions: who, when, comment. Only what the API allows is offered.
 */
import { useEffect, useState } from 'react';
import {
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { all, api, ApiError, enc, type Schemas } from '../api';
import { LoadError, refusal, useAction, useLoad } from '../common';
import { useI18n } from '../i18n';
import { cycleTitle, type Cycle } from '../labels';
import { useRouter } from '../router';
import { may, type Session } from '../session';

type Adjustment = Schemas['AdjustmentView'];
type State = Adjustment['state'];

const STATE_LABELS: Record<State, { zh: string; en: string; color: string }> = {
  proposed: { zh: '待牵头部门审核', en: 'With the lead department', color: 'processing' },
  department_approved: { zh: '待审批', en: 'With the approver', color: 'gold' },
  approved: { zh: '已批准', en: 'Approved', color: 'success' },
  returned: { zh: '已退回', en: 'Returned', color: 'error' },
};
const STEP_LABELS: Record<NonNullable<Adjustment['steps']>[number]['kind'], { zh: string; en: string }> = {
  approve: { zh: '同意', en: 'approved' },
  return: { zh: '退回', en: 'returned' },
  revise: { zh: '修改后重新提交', en: 'revised and resubmitted' },
};

interface ProposalValues {
  cycleId: string;
  itemKind: 'indicator' | 'project';
  itemNo: number;
  adjustedTarget: string;
  effectiveYear: number;
  reason: string;
}

const itemLabel = (a: Pick<Adjustment, 'itemKind' | 'itemNo' | 'itemName'>, t: (zh: string, en: string) => string) =>
  `${a.itemKind === 'indicator' ? t('指标', 'Indicator ') : t('重大项目', 'Project ')}${a.itemNo} ${a.itemName}`;

export function AdjustmentsPage({ session }: { session: Session }) {
  const i18n = useI18n();
  const { t, lx } = i18n;
  const act = useAction();
  const { search } = useRouter();
  const { user } = session;
  const plans = useLoad(() => all<Schemas['PlanView']>('/api/plans'), []);
  const planCode = search.get('plan') ?? plans.data?.[0]?.code ?? null;
  const base = planCode ? `/api/plans/${enc(planCode)}/adjustments` : null;
  const list = useLoad(
    async () => (base ? api.get<Schemas['AdjustmentListView']>(base) : { total: 0, items: [] }),
    [base],
  );
  const [open, setOpen] = useState<Record<number, Adjustment>>({});
  const [returning, setReturning] = useState<Adjustment | null>(null);
  const [comment, setComment] = useState('');
  const [proposing, setProposing] = useState<Partial<ProposalValues> | null>(null);
  const [revising, setRevising] = useState<Adjustment | null>(null);
  const bureau = may(user, 'cycle:manage');

  // Arrived from a report's 规划调整建议: the form opens with its cycle and item.
  useEffect(() => {
    const cycleId = search.get('cycle');
    if (bureau && cycleId)
      setProposing({
        cycleId,
        itemKind: search.get('kind') === 'project' ? 'project' : 'indicator',
        ...(search.get('no') ? { itemNo: Number(search.get('no')) } : {}),
      });
  }, [bureau, search]);

  const mayDecide = (a: Adjustment) =>
    (a.state === 'proposed' &&
      user.role === 'supervisor' &&
      may(user, 'item:review', { department: a.leadDepartment })) ||
    (a.state === 'department_approved' && may(user, 'adjustment:approve'));
  const refresh = async (a: Adjustment) => {
    list.reload();
    if (open[a.id]) setOpen({ ...open, [a.id]: await api.get<Adjustment>(`${base}/${a.id}`) });
  };
  const decide = async (a: Adjustment, decision: 'approve' | 'return', text?: string) => {
    const done = await act(
      () => api.post<Adjustment>(`${base}/${a.id}/decision`, { decision, ...(text ? { comment: text } : {}) }),
      decision === 'approve' ? t('已同意', 'Approved') : t('已退回', 'Returned'),
    );
    if (done) await refresh(a);
    return done;
  };

  return (
    <Card
      title={t('规划调整', 'Plan adjustments')}
      extra={
        bureau ? (
          <Button type="primary" onClick={() => setProposing({ itemKind: 'indicator' })}>
            {t('提出调整', 'Propose an adjustment')}
          </Button>
        ) : null
      }
    >
      <Typography.Paragraph type="secondary">
        {t(
          '根据年度监测或中期评估结果调整规划目标：统计局提出，牵头部门审核人审核，审批人审批。批准后，自生效年份起的评估按调整后目标评判，报告同时列出原目标。',
          'Targets adjusted from an annual monitoring or a mid-term evaluation: the bureau proposes, the lead department’s supervisor reviews, the approver approves. From its effective year an evaluation judges against the adjusted target and the report shows the original beside it.',
        )}
      </Typography.Paragraph>
      <LoadError error={plans.error ?? list.error} />
      <Table<Adjustment>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        expandable={{
          onExpand: (expanded, a) =>
            expanded &&
            void api.get<Adjustment>(`${base}/${a.id}`).then((one) => setOpen((o) => ({ ...o, [a.id]: one }))),
          expandedRowRender: (a) => (
            <Space direction="vertical">
              <Typography.Text>
                {t('调整理由：', 'Reason: ')}
                {a.reason}
              </Typography.Text>
              <Timeline
                items={[
                  {
                    children: `${a.proposedByName} ${t('提出', 'proposed')} · ${new Date(a.createdAt).toLocaleString()}`,
                  },
                  ...(open[a.id]?.steps ?? []).map((s) => ({
                    color: s.kind === 'return' ? 'red' : 'green',
                    children: `${s.actorName} ${lx(STEP_LABELS[s.kind])}${s.comment ? `：${s.comment}` : ''} · ${new Date(s.at).toLocaleString()}`,
                  })),
                ]}
              />
            </Space>
          ),
        }}
        columns={[
          { title: t('编号', 'No.'), dataIndex: 'id', width: 70 },
          { title: t('事项', 'Item'), render: (_, a) => itemLabel(a, t) },
          { title: t('原目标', 'Original target'), dataIndex: 'originalTarget' },
          { title: t('调整后目标', 'Adjusted target'), dataIndex: 'adjustedTarget' },
          { title: t('生效年份', 'Effective from'), dataIndex: 'effectiveYear', width: 100 },
          {
            title: t('状态', 'State'),
            render: (_, a) => <Tag color={STATE_LABELS[a.state].color}>{lx(STATE_LABELS[a.state])}</Tag>,
          },
          {
            title: t('操作', 'Actions'),
            render: (_, a) => (
              <Space>
                {mayDecide(a) ? (
                  <>
                    <Button size="small" type="primary" onClick={() => void decide(a, 'approve')}>
                      {a.state === 'proposed' ? t('同意', 'Approve') : t('批准', 'Approve')}
                    </Button>
                    <Button size="small" danger onClick={() => (setComment(''), setReturning(a))}>
                      {t('退回', 'Return')}
                    </Button>
                  </>
                ) : null}
                {bureau && a.state === 'returned' ? (
                  <Button size="small" onClick={() => setRevising(a)}>
                    {t('修改后重新提交', 'Revise and resubmit')}
                  </Button>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
      <Modal
        title={t('退回调整建议', 'Return the proposal')}
        open={returning !== null}
        okText={t('退回', 'Return')}
        okButtonProps={{ danger: true, disabled: !comment.trim() }}
        onCancel={() => setReturning(null)}
        onOk={async () => returning && (await decide(returning, 'return', comment.trim())) && setReturning(null)}
      >
        <Input.TextArea
          aria-label={t('退回原因', 'Why it is returned')}
          placeholder={t('请说明退回原因', 'Say why it is returned')}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          rows={4}
        />
      </Modal>
      {proposing && planCode ? (
        <ProposalForm
          title={t('提出规划调整', 'Propose an adjustment')}
          initial={proposing}
          planCode={planCode}
          onCancel={() => setProposing(null)}
          onSubmit={(values) => api.post<Adjustment>(base!, values)}
          onDone={() => (setProposing(null), list.reload())}
          i18n={i18n}
        />
      ) : null}
      {revising && planCode ? (
        <ProposalForm
          title={t('修改后重新提交', 'Revise and resubmit')}
          initial={revising}
          planCode={planCode}
          revision
          onCancel={() => setRevising(null)}
          onSubmit={({ adjustedTarget, effectiveYear, reason }) =>
            api.post<Adjustment>(`${base}/${revising.id}/revise`, { adjustedTarget, effectiveYear, reason })
          }
          onDone={() => (setRevising(null), list.reload())}
          i18n={i18n}
        />
      ) : null}
    </Card>
  );
}

/** A proposal (or a revision: target, year and reason only); a refusal is shown at the field it names. */
function ProposalForm(p: {
  title: string;
  initial: Partial<ProposalValues>;
  planCode: string;
  revision?: boolean;
  onCancel(): void;
  onSubmit(values: ProposalValues): Promise<unknown>;
  onDone(): void;
  i18n: ReturnType<typeof useI18n>;
}) {
  const { t, lx } = p.i18n;
  const { message } = App.useApp();
  const [form] = Form.useForm<ProposalValues>();
  const cycles = useLoad(() => all<Cycle>(`/api/cycles?planCode=${enc(p.planCode)}&status=closed`), [p.planCode]);
  const submit = async () => {
    const values = await form.validateFields();
    try {
      await p.onSubmit(values);
    } catch (e) {
      // A refusal naming a field is shown at it; any other as a message.
      const fields = e instanceof ApiError ? e.details.filter((d) => d.field) : [];
      if (fields.length)
        form.setFields(fields.map((d) => ({ name: d.field as keyof ProposalValues, errors: [lx(d)] })));
      else void message.error(refusal(e, p.i18n), 6);
      return;
    }
    void message.success(t('已提交，等待牵头部门审核', 'Sent to the lead department’s supervisor'));
    p.onDone();
  };
  return (
    <Modal title={p.title} open onCancel={p.onCancel} onOk={() => void submit()} okText={t('提交', 'Submit')}>
      <Form<ProposalValues> form={form} layout="vertical" initialValues={p.initial}>
        {p.revision ? null : (
          <>
            <Form.Item name="cycleId" label={t('依据的评估', 'From the evaluation')} rules={[{ required: true }]}>
              <Select
                aria-label={t('依据的评估', 'From the evaluation')}
                options={(cycles.data ?? [])
                  .filter((c) => c.kind !== 'final')
                  .map((c) => ({ value: c.id, label: lx(cycleTitle(c)) }))}
              />
            </Form.Item>
            <Space>
              <Form.Item name="itemKind" label={t('事项类型', 'Kind')} rules={[{ required: true }]}>
                <Select
                  aria-label={t('事项类型', 'Kind')}
                  style={{ width: 140 }}
                  options={[
                    { value: 'indicator', label: t('指标', 'Indicator') },
                    { value: 'project', label: t('重大项目投资', 'Project investment') },
                  ]}
                />
              </Form.Item>
              <Form.Item name="itemNo" label={t('序号', 'No.')} rules={[{ required: true }]}>
                <InputNumber aria-label={t('序号', 'No.')} min={1} />
              </Form.Item>
            </Space>
          </>
        )}
        <Form.Item
          name="adjustedTarget"
          label={t('调整后目标', 'Adjusted target')}
          extra={t(
            '按规划的写法，如 11.5、≥95、4.0以内、〔12.5〕；项目填万元',
            'As the plan prints targets; a project in 10k yuan',
          )}
          rules={[{ required: true }]}
        >
          <Input aria-label={t('调整后目标', 'Adjusted target')} />
        </Form.Item>
        <Form.Item name="effectiveYear" label={t('生效年份', 'Effective from')} rules={[{ required: true }]}>
          <InputNumber aria-label={t('生效年份', 'Effective from')} min={2000} max={2100} />
        </Form.Item>
        <Form.Item name="reason" label={t('调整理由', 'Reason')} rules={[{ required: true }]}>
          <Input.TextArea aria-label={t('调整理由', 'Reason')} rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
