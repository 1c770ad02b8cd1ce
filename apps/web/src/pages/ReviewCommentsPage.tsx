/**
 * 征求意见: the report's review after close, as each side lives it. The bureau
 * sends the draft out with a deadline, sees which departments have answered,
 * answers each comment (采纳 / 不采纳 with a reason), grants or refuses a
 * dispute, and finalises (定稿); the approver approves or returns it. A
 * department (signed in, or through the email link of its part) comments per
 * item or section, says it has no comment, or disputes one of its items.
 */
import { useEffect, useState } from 'react';
import { Alert, Button, Card, Descriptions, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { api, enc, type Schemas } from '../api';
import { LoadError, useAction, useLoad } from '../common';
import { useI18n } from '../i18n';
import { cyclePath } from '../labels';
import { Link } from '../router';
import { may, type Session } from '../session';

type Review = Schemas['ReviewView'];
type Comment = Schemas['ReviewCommentView'];
type Label = { zh: string; en: string };

const STAGE_LABELS: Record<Review['stage'], Label & { color: string }> = {
  commenting: { zh: '征求意见中', en: 'Out for comments', color: 'blue' },
  recompiling: { zh: '重新汇编中', en: 'Recompiling', color: 'orange' },
  finalising: { zh: '定稿中', en: 'Finalising', color: 'purple' },
  awaiting_approval: { zh: '已定稿，待审批', en: 'Finalised, awaiting approval', color: 'purple' },
  approved: { zh: '已审批', en: 'Approved', color: 'green' },
  completed: { zh: '已完成', en: 'Completed', color: 'green' },
};

const SECTION_LABELS: Record<NonNullable<Comment['section']>, Label> = {
  summary: { zh: '总体评价', en: 'Overall assessment' },
  indicators: { zh: '主要指标', en: 'Main indicators' },
  targets: { zh: '主要目标', en: 'Main targets' },
  tasks: { zh: '主要任务', en: 'Main tasks' },
  projects: { zh: '重大项目', en: 'Major projects' },
  reserve_projects: { zh: '储备项目', en: 'Reserve projects' },
  service_items: { zh: '基本公共服务', en: 'Basic public services' },
  timeliness: { zh: '报送及时性', en: 'Timeliness' },
  problems: { zh: '存在的主要问题', en: 'Main problems' },
  recommendations: { zh: '对策建议', en: 'Recommendations' },
  adjustments: { zh: '规划调整建议', en: 'Proposed adjustments' },
};

const KIND_LABELS: Record<Comment['kind'], Label> = {
  comment: { zh: '意见', en: 'Comment' },
  no_comment: { zh: '无意见', en: 'No comment' },
  assessment: { zh: '第三方评估', en: 'Assessment' },
  dispute: { zh: '数据异议', en: 'Dispute' },
};

const ANSWER_LABELS: Record<NonNullable<Comment['answer']>['answer'], Label & { color: string }> = {
  accepted: { zh: '采纳', en: 'Accepted', color: 'green' },
  not_accepted: { zh: '不采纳', en: 'Not accepted', color: 'red' },
  granted: { zh: '同意重新打开', en: 'Reopened', color: 'green' },
  refused: { zh: '不同意', en: 'Refused', color: 'red' },
};

/** A decision that takes a reason when it says no: what is sent, and its title. */
interface Decision {
  title: string;
  path: string;
  body: (reason: string) => object;
  reasonRequired: boolean;
}

export function ReviewCommentsPage({ cycleId, session }: { cycleId: string; session: Session }) {
  const { t, lx, when } = useI18n();
  const act = useAction();
  const base = `/api/cycles/${enc(cycleId)}/review`;
  const review = useLoad(() => api.get<Review>(base), [base]);
  const { user } = session;
  const bureau = may(user, 'cycle:manage');
  const approver = may(user, 'report:approve');
  // A department comments on its own part (a comment link's session, on its link's department only).
  const own = user.scope?.department ?? user.department;
  const commenter = !bureau && may(user, 'review:comment', own ? { department: own, cycleId } : undefined);
  const ownItems = useLoad(
    () =>
      commenter && !user.scope
        ? api.get<Schemas['InboxPage']>(`/api/cycles/${enc(cycleId)}/items?pageSize=200`).then((p) => p.items)
        : Promise.resolve([]),
    [cycleId, commenter],
  );
  const [deciding, setDeciding] = useState<Decision | null>(null);
  // Started: the review's workflow writes its record as it opens, a moment later; until then the page asks again.
  const [started, setStarted] = useState(false);
  const opening = started && !review.data && !review.loading;
  useEffect(() => {
    if (!opening) return;
    const again = setTimeout(review.reload, 1000);
    return () => clearTimeout(again);
  }, [opening]);
  const r = review.data;
  const commenting = r?.stage === 'commenting';
  const send = async (path: string, body: object | undefined, done: string) => {
    if (await act(() => api.post(path, body), done)) review.reload();
  };
  const about = (c: Comment) =>
    c.itemKey ?? (c.section ? lx(SECTION_LABELS[c.section]) : t('整份报告', 'The whole report'));
  const departmentName = (code: string | null) =>
    code === null
      ? t('第三方评估机构', 'Third-party evaluator')
      : (r?.departments.find((d) => d.code === code)?.name ?? code);

  const answerButtons = (c: Comment) => {
    if (!bureau || !commenting || c.answer || c.kind === 'no_comment') return null;
    const dispute = c.kind === 'dispute';
    const path = dispute ? `${base}/disputes/${enc(c.id)}/decision` : `${base}/comments/${enc(c.id)}/answer`;
    const yes = dispute ? { granted: true } : { accepted: true };
    return (
      <Space>
        <Button size="small" onClick={() => void send(path, yes, t('已答复', 'Answered'))}>
          {dispute ? t('同意重新打开', 'Reopen') : t('采纳', 'Accept')}
        </Button>
        <Button
          size="small"
          onClick={() =>
            setDeciding({
              title: dispute ? t('不同意重新打开', 'Refuse the dispute') : t('不采纳', 'Do not accept'),
              path,
              body: (reason) => (dispute ? { granted: false, reason } : { accepted: false, reason }),
              reasonRequired: true,
            })
          }
        >
          {dispute ? t('不同意', 'Refuse') : t('不采纳', 'Do not accept')}
        </Button>
      </Space>
    );
  };

  return (
    <Card
      title={t('评估报告征求意见', 'The report out for comments')}
      extra={bureau ? <Link to={cyclePath(cycleId)}>{t('返回本轮评估', 'Back to the cycle')}</Link> : null}
    >
      {started && !r ? (
        <Alert type="info" showIcon title={t('正在发出征求意见…', 'Sending out for comments…')} />
      ) : review.error && bureau ? (
        <StartReview base={base} onStarted={() => setStarted(true)} />
      ) : (
        <LoadError error={review.error} />
      )}
      {r && (
        <>
          <Descriptions size="small" column={2} style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('阶段', 'Stage')}>
              <Tag color={STAGE_LABELS[r.stage].color}>{lx(STAGE_LABELS[r.stage])}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('意见截止', 'Comments due')}>{when(r.deadline)}</Descriptions.Item>
            <Descriptions.Item label={t('征求意见稿', 'Draft')}>
              <Link to={`${cyclePath(cycleId)}/reports/${r.draftVersion}`}>
                {t(`第${r.draftVersion}版`, `Version ${r.draftVersion}`)}
              </Link>
            </Descriptions.Item>
            {r.final && (
              <Descriptions.Item label={t('定稿', 'Final')}>
                {t(
                  `第${r.final.version}版，${r.final.by.name}，${when(r.final.at)}`,
                  `Version ${r.final.version}, ${r.final.by.name}, ${when(r.final.at)}`,
                )}
              </Descriptions.Item>
            )}
            {r.decision && (
              <Descriptions.Item label={t('审批', 'Approval')}>
                {r.decision.approved
                  ? t(`${r.decision.by.name}已批准`, `Approved by ${r.decision.by.name}`)
                  : t(
                      `${r.decision.by.name}退回：${r.decision.reason ?? ''}`,
                      `Returned by ${r.decision.by.name}: ${r.decision.reason ?? ''}`,
                    )}
              </Descriptions.Item>
            )}
          </Descriptions>

          {bureau && commenting && (
            <Space style={{ marginBottom: 16 }}>
              <Button type="primary" onClick={() => void send(`${base}/finalise`, undefined, t('已定稿', 'Finalised'))}>
                {t('定稿', 'Finalise')}
              </Button>
            </Space>
          )}
          {approver && r.stage === 'awaiting_approval' && (
            <Space style={{ marginBottom: 16 }}>
              <Button
                type="primary"
                onClick={() => void send(`${base}/approval`, { approved: true }, t('已批准', 'Approved'))}
              >
                {t('批准', 'Approve')}
              </Button>
              <Button
                onClick={() =>
                  setDeciding({
                    title: t('退回', 'Return'),
                    path: `${base}/approval`,
                    body: (reason) => ({ approved: false, reason }),
                    reasonRequired: true,
                  })
                }
              >
                {t('退回', 'Return')}
              </Button>
            </Space>
          )}

          {commenter && commenting && (
            <CommentForm
              base={base}
              items={(ownItems.data ?? []).map((i) => ({ key: i.itemKey, title: i.title }))}
              mayDispute={!!own}
              onSent={review.reload}
            />
          )}

          {(bureau || approver || user.role === 'viewer') && (
            <Table
              size="small"
              rowKey="code"
              pagination={false}
              style={{ marginBottom: 16 }}
              dataSource={r.departments}
              columns={[
                { title: t('部门', 'Department'), dataIndex: 'name' },
                {
                  title: t('是否反馈', 'Answered'),
                  dataIndex: 'answered',
                  render: (answered: boolean, d) =>
                    answered ? (
                      <Tag color="green">{t(`已反馈 ${when(d.answeredAt)}`, `Answered ${when(d.answeredAt)}`)}</Tag>
                    ) : (
                      <Tag>{t('未反馈', 'Not yet')}</Tag>
                    ),
                },
              ]}
            />
          )}
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            data-testid="review-comments"
            dataSource={r.comments}
            columns={[
              { title: t('来自', 'From'), render: (_: unknown, c: Comment) => departmentName(c.department) },
              { title: t('类型', 'Kind'), render: (_: unknown, c: Comment) => lx(KIND_LABELS[c.kind]) },
              { title: t('关于', 'About'), render: (_: unknown, c: Comment) => about(c) },
              { title: t('内容', 'Text'), dataIndex: 'text' },
              {
                title: t('答复', 'Answer'),
                render: (_: unknown, c: Comment) =>
                  c.answer ? (
                    <span>
                      <Tag color={ANSWER_LABELS[c.answer.answer].color}>{lx(ANSWER_LABELS[c.answer.answer])}</Tag>
                      {c.answer.reason}
                    </span>
                  ) : (
                    answerButtons(c)
                  ),
              },
            ]}
          />
        </>
      )}
      {deciding && (
        <ReasonModal
          decision={deciding}
          onClose={() => setDeciding(null)}
          onSend={async (reason) => {
            if (await act(() => api.post(deciding.path, deciding.body(reason)), t('已提交', 'Sent'))) {
              setDeciding(null);
              review.reload();
            }
          }}
        />
      )}
    </Card>
  );
}

function StartReview({ base, onStarted }: { base: string; onStarted(): void }) {
  const { t } = useI18n();
  const act = useAction();
  const start = async ({ deadline }: { deadline: string }) => {
    // The date as the bureau reads it, in Beijing time, at the end of the working day.
    const body = { deadline: `${deadline}T18:00:00+08:00` };
    if (await act(() => api.post(base, body), t('已发出征求意见', 'Sent out for comments'))) onStarted();
  };
  return (
    <>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={t(
          '报告尚未征求意见。发出后，各牵头部门将收到本部门相关内容的邮件，并可在截止前提出意见。',
          'The report has not been sent out for comments. Each lead department then receives its part by email and may comment until the deadline.',
        )}
      />
      <Form layout="inline" onFinish={(v: { deadline: string }) => void start(v)} style={{ marginBottom: 16 }}>
        <Form.Item
          name="deadline"
          label={t('意见截止日期', 'Comments due')}
          rules={[{ required: true, message: t('请选择截止日期', 'Choose the deadline') }]}
        >
          <Input type="date" />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('发出征求意见', 'Send out for comments')}
        </Button>
      </Form>
    </>
  );
}

/** `mayDispute`: a lead department disputes its own items' figures; the evaluator, who sees every item, only comments. */
function CommentForm(props: {
  base: string;
  items: Array<{ key: string; title: string }>;
  mayDispute: boolean;
  onSent(): void;
}) {
  const { t, lx } = useI18n();
  const act = useAction();
  const [form] = Form.useForm<{ about: string; text: string }>();
  const options = [
    ...Object.entries(SECTION_LABELS).map(([value, label]) => ({ value: `section:${value}`, label: lx(label) })),
    ...props.items.map((i) => ({ value: `item:${i.key}`, label: `${i.key} ${i.title}` })),
  ];
  const comment = async ({ about, text }: { about: string; text: string }) => {
    const [kind, key] = about.split(':');
    const body = kind === 'item' ? { itemKey: key, text } : { section: key, text };
    if (await act(() => api.post(`${props.base}/comments`, body), t('意见已提交', 'Comment sent'))) {
      form.resetFields();
      props.onSent();
    }
  };
  const dispute = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const { about, text } = values;
    const [kind, itemKey] = about.split(':');
    if (kind !== 'item') {
      form.setFields([
        { name: 'about', errors: [t('异议须针对本部门的一个事项', 'A dispute is about one of your items')] },
      ]);
      return;
    }
    if (
      await act(() => api.post(`${props.base}/disputes`, { itemKey, reason: text }), t('异议已提交', 'Dispute sent'))
    ) {
      form.resetFields();
      props.onSent();
    }
  };
  const noComment = async () => {
    if (await act(() => api.post(`${props.base}/no-comment`), t('已反馈无意见', 'Sent: no comment'))) props.onSent();
  };
  return (
    <Card size="small" title={t('提出意见', 'Comment')} style={{ marginBottom: 16 }} data-testid="comment-form">
      <Form form={form} layout="vertical" onFinish={(v: { about: string; text: string }) => void comment(v)}>
        <Form.Item
          name="about"
          label={t('关于', 'About')}
          rules={[{ required: true, message: t('请选择意见针对的章节或事项', 'Choose the section or item') }]}
        >
          <Select showSearch optionFilterProp="label" options={options} aria-label={t('关于', 'About')} />
        </Form.Item>
        <Form.Item
          name="text"
          label={t('意见内容', 'Comment')}
          rules={[{ required: true, whitespace: true, message: t('请填写意见内容', 'Write the comment') }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            {t('提交意见', 'Send the comment')}
          </Button>
          {props.mayDispute && props.items.length > 0 && (
            <Button onClick={() => void dispute()}>{t('对数据提出异议', 'Dispute the figure')}</Button>
          )}
          <Button onClick={() => void noComment()}>{t('无意见', 'No comment')}</Button>
        </Space>
      </Form>
    </Card>
  );
}

function ReasonModal(props: { decision: Decision; onClose(): void; onSend(reason: string): Promise<void> }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open
      title={props.decision.title}
      onCancel={props.onClose}
      okText={t('提交', 'Send')}
      // A reason left out is shown at its field; there is nothing else to do with the refusal.
      onOk={() =>
        void form.validateFields().then(
          ({ reason }) => props.onSend(reason),
          () => undefined,
        )
      }
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label={t('理由', 'Reason')}
          rules={[
            { required: props.decision.reasonRequired, whitespace: true, message: t('请写明理由', 'Give the reason') },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 2 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
