/**
 * The bureau's view of one cycle, refreshed while it runs: progress by
 * department and by category, the overdue list (催办 per department, Excel
 * export), each department's timeliness, all from the records and the clock;
 * the actions (extend, remind now, reopen, cancel; a closed cycle's reopen for
 * a new report version); the report's versions with the HTML view and
 * downloads; the notices sent and the undeliverable ones. Right after a launch,
 * while the departments' workflows start, it shows 正在启动… with what is
 * recorded so far, and looks again every few seconds.
 */
import { useEffect, useState } from 'react';
import {
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Form,
  Input,
  Modal,
  Progress,
  Row,
  Segmented,
  Select,
  Space,
  Statistic,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { NoticeStatus } from '@libs/cycle/notice-standing';
import { all, api, enc, type Schemas } from '../api';
import { CycleStatusTag, ItemStatusTag, LoadError, TimelinessTag, useAction, useLoad } from '../common';
import { useI18n } from '../i18n';
import { ITEM_STATUS_LABELS, NOTICE_STATUS_LABELS, cycleTitle, itemPath } from '../labels';
import { Link } from '../router';
import type { Session } from '../session';
import { CycleProblemsAlert } from './CycleProblemsAlert';
import { AssessmentRanking } from './AssessmentRanking';
import type { ItemSummary } from './InboxPage';

type Overview = Schemas['CycleOverviewView'];
/** What the workflows answer; only to tell whether the departments have started. */
type Live = Schemas['LiveView'];
type Report = Schemas['ReportVersionView'];
type Notice = Schemas['NoticeView'];

const DONE = ['approved', 'accepted'];
/** Approved (or accepted) items among counts by state. */
const doneOf = (counts: Record<string, number>) => DONE.reduce((n, s) => n + (counts[s] ?? 0), 0);

function DoneBar({ counts, total }: { counts: Record<string, number>; total: number }) {
  return <Progress percent={total ? Math.round((100 * doneOf(counts)) / total) : 0} size="small" />;
}

export function DashboardPage({ cycleId, session }: { cycleId: string; session: Session }) {
  const { t, lx, when, locale } = useI18n();
  const base = `/api/cycles/${enc(cycleId)}`;
  const act = useAction();
  // The figures come from the records alone; the workflows are asked only whether they have started.
  const state = useLoad(async () => {
    const [{ cycle }, overview, items] = await Promise.all([
      api.get<Schemas['CycleStatusView']>(base),
      api.get<Overview>(`${base}/overview`),
      all<ItemSummary>(`${base}/items`),
    ]);
    return { cycle, overview, items };
  }, [base]);
  const live = useLoad(() => api.get<Live>(`${base}/live`), [base]);
  const [reopening, setReopening] = useState(false);
  const status = state.data?.cycle.status;
  const running = status === 'running';
  const starting =
    running &&
    (!live.data || live.data.phase === 'preparing' || !!live.data.departments?.some((d) => d.phase === 'starting'));
  if (reopening && running) setReopening(false);
  // Refreshed until the cycle is known to be over: often while it starts (or a first load failed), else every 15 s.
  const settled = (status === 'closed' || status === 'cancelled') && !reopening;
  const every = !state.data || starting || reopening ? 3_000 : 15_000;
  const { reload } = state;
  const { reload: reloadLive } = live;
  useEffect(() => {
    if (settled) return;
    const timer = setInterval(() => {
      reload();
      reloadLive();
    }, every);
    return () => clearInterval(timer);
  }, [settled, every, reload, reloadLive]);
  if (!state.data)
    return (
      <Card loading={state.loading}>
        <LoadError error={state.error} />
      </Card>
    );
  const { cycle, overview, items } = state.data;
  const nameOf = (code: string) => lx(overview.departments.find((d) => d.department === code)?.name) || code;
  const remind = (department: string) =>
    void act(
      () => api.post<Schemas['RemindedView']>(`${base}/remind`, { department }),
      // The answer says who is reminded and by when the mail leaves.
      (answer) =>
        t(
          answer.message ?? `已向${nameOf(department)}发送催办`,
          answer.messageEn ?? `${nameOf(department)} is reminded`,
        ),
    );
  const exportOverdue = () =>
    void act(
      () =>
        api.download(
          `${base}/overdue/xlsx${locale === 'en' ? '?lang=en' : ''}`,
          locale === 'en' ? 'overdue.en.xlsx' : '逾期事项.xlsx',
        ),
      t('已开始下载', 'Download started'),
    );
  const total = overview.departments.reduce((n, d) => n + d.total, 0);
  const done = overview.departments.reduce((n, d) => n + doneOf(d.counts), 0);

  return (
    <Flex vertical gap={16}>
      {running ? <CycleProblemsAlert base={base} session={session} nameOf={nameOf} /> : null}
      <Card>
        <Flex justify="space-between" align="start" wrap gap={12}>
          <div>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {lx(cycleTitle(cycle))} <CycleStatusTag status={cycle.status} />
              {starting || reopening ? <Tag color="processing">{t('正在启动…', 'Starting…')}</Tag> : null}
            </Typography.Title>
            <Typography.Text type="secondary">
              {t('填报截止', 'Deadline')} {when(cycle.deadline)} · {t('关闭', 'Hard close')} {when(cycle.hardClose)}
              {running ? ` · ${t('每15秒自动刷新', 'refreshes every 15 s')}` : ''}
            </Typography.Text>
            {starting ? (
              <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                {t(
                  '各部门流程正在启动，以下为已记录的情况，页面将自动更新',
                  'The departments are starting; shown is what is recorded so far, and the page updates itself',
                )}
              </Typography.Paragraph>
            ) : null}
          </div>
          {session.user.role === 'admin' && (running || cycle.status === 'closed') ? (
            <Actions
              base={base}
              closed={cycle.status === 'closed'}
              items={items}
              departments={overview.departments.map((d) => ({ value: d.department, label: lx(d.name) }))}
              onDone={(kind) => {
                if (kind === 'reopen' && cycle.status === 'closed') setReopening(true);
                reload();
              }}
            />
          ) : null}
        </Flex>
        <Row gutter={16} style={{ marginTop: 16 }}>
          <Col xs={12} md={6}>
            <Statistic title={t('事项总数', 'Items')} value={total} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic
              title={t('已提交', 'Submitted at least once')}
              value={overview.departments.reduce((n, d) => n + d.submitted, 0)}
            />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('已审核通过', 'Approved')} value={done} suffix={`/ ${total}`} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic
              title={t('逾期事项', 'Overdue items')}
              value={overview.overdue.length}
              styles={{ content: { color: overview.overdue.length ? '#cf1322' : undefined } }}
            />
          </Col>
        </Row>
      </Card>
      <Tabs
        type="card"
        items={[
          {
            key: 'progress',
            label: t('进度', 'Progress'),
            children: (
              <Flex vertical gap={16}>
                <Card title={t('各部门进度', 'Progress by department')} size="small">
                  <Table
                    size="small"
                    rowKey="department"
                    pagination={false}
                    dataSource={overview.departments}
                    columns={[
                      { title: t('部门', 'Department'), key: 'name', render: (_, d) => lx(d.name) },
                      { title: t('事项', 'Items'), dataIndex: 'total', width: 70 },
                      ...(['assigned', 'draft', 'submitted', 'returned', 'approved'] as const).map((s) => ({
                        title: lx(ITEM_STATUS_LABELS[s]),
                        key: s,
                        width: 80,
                        render: (_: unknown, d: Overview['departments'][number]) => d.counts[s] ?? 0,
                      })),
                      {
                        title: t('完成度', 'Done'),
                        key: 'done',
                        width: 160,
                        render: (_, d) => <DoneBar counts={d.counts} total={d.total} />,
                      },
                      {
                        title: t('逾期', 'Overdue'),
                        dataIndex: 'overdue',
                        width: 70,
                        render: (n: number) => (n ? <Typography.Text type="danger">{n}</Typography.Text> : 0),
                      },
                      {
                        title: t('截止时间', 'Deadline'),
                        dataIndex: 'deadline',
                        width: 170,
                        render: (v: string) => when(v),
                      },
                      {
                        title: t('及时性', 'Timeliness'),
                        dataIndex: 'timeliness',
                        width: 90,
                        render: (v: string, d) => <TimelinessTag timeliness={v} submitted={d.submitted} />,
                      },
                    ]}
                  />
                </Card>
                <Row gutter={16}>
                  <Col xs={24} lg={12}>
                    <Card title={t('按类别', 'By category')} size="small">
                      <Table
                        size="small"
                        rowKey="key"
                        pagination={false}
                        dataSource={overview.categories}
                        columns={[
                          { title: t('类别', 'Category'), key: 'name', render: (_, c) => lx(c.name) },
                          { title: t('事项', 'Items'), dataIndex: 'total', width: 70 },
                          {
                            title: t('已通过', 'Approved'),
                            key: 'approved',
                            width: 80,
                            render: (_, c) => doneOf(c.counts),
                          },
                          {
                            title: t('完成度', 'Done'),
                            key: 'p',
                            width: 150,
                            render: (_, c) => <DoneBar counts={c.counts} total={c.total} />,
                          },
                        ]}
                      />
                    </Card>
                  </Col>
                  <Col xs={24} lg={12}>
                    <Card
                      title={running ? t('逾期未报', 'Overdue') : t('未报事项', 'Never reported')}
                      size="small"
                      extra={
                        <Button size="small" onClick={exportOverdue} disabled={!overview.overdue.length}>
                          {t('导出Excel', 'Export to Excel')}
                        </Button>
                      }
                    >
                      <Table
                        size="small"
                        rowKey={(o) => `${o.department}/${o.itemKey}`}
                        pagination={{ pageSize: 10, hideOnSinglePage: true }}
                        dataSource={overview.overdue}
                        locale={{ emptyText: t('没有逾期事项', 'Nothing overdue') }}
                        columns={[
                          { title: t('部门', 'Department'), key: 'd', render: (_, o) => lx(o.departmentName) },
                          {
                            title: t('事项', 'Item'),
                            key: 'i',
                            render: (_, o) => <Link to={itemPath(cycle.id, o.itemKey)}>{o.title}</Link>,
                          },
                          {
                            title: t('状态', 'State'),
                            dataIndex: 'status',
                            width: 90,
                            render: (s: string) => <ItemStatusTag status={s} />,
                          },
                          ...(session.user.role === 'admin' && running
                            ? [
                                {
                                  title: t('操作', 'Action'),
                                  key: 'remind',
                                  width: 80,
                                  render: (_: unknown, o: Overview['overdue'][number]) => (
                                    <Button
                                      size="small"
                                      aria-label={t(`催办${lx(o.departmentName)}`, `Remind ${lx(o.departmentName)}`)}
                                      onClick={() => remind(o.department)}
                                    >
                                      {t('催办', 'Remind')}
                                    </Button>
                                  ),
                                },
                              ]
                            : []),
                        ]}
                      />
                    </Card>
                  </Col>
                </Row>
              </Flex>
            ),
          },
          { key: 'reports', label: t('评估报告', 'Reports'), children: <Reports base={base} cycleId={cycle.id} /> },
          ...(cycle.status === 'closed'
            ? [{ key: 'assessment', label: t('部门考核', 'Assessment'), children: <AssessmentRanking base={base} /> }]
            : []),
          { key: 'notices', label: t('通知记录', 'Notices'), children: <Notices base={base} nameOf={nameOf} /> },
        ]}
      />
    </Flex>
  );
}

type ActionKind = 'extend' | 'remind' | 'reopen' | 'cancel';

/**
 * What an action did, in the page's language, never a bare 已完成: 立即催办 from
 * the API's answer (who is reminded, by when the mail leaves), the others from
 * the request and the answer's counts.
 */
function doneMessage(
  kind: ActionKind,
  answer: unknown,
  asked: { closed: boolean; deadline?: Dayjs; department?: string },
  t: (zh: string, en: string) => string,
  departments: Array<{ value: string; label: string }>,
): string {
  if (kind === 'remind') {
    const { message, messageEn } = answer as { message?: string; messageEn?: string };
    return message ? t(message, messageEn ?? message) : t('已催办', 'Reminded');
  }
  if (kind === 'extend') {
    const when = asked.deadline!.format('YYYY-MM-DD HH:mm');
    const who = departments.find((d) => d.value === asked.department)?.label;
    return who
      ? t(`${who}的截止时间已延至${when}`, `${who}: deadline moved to ${when}`)
      : t(`截止时间已延至${when}`, `Deadline moved to ${when}`);
  }
  if (kind === 'reopen' && asked.closed) {
    const { items, departments: told } = answer as { items: string[]; departments: string[] };
    return t(
      `已重新打开${items.length}项，已通知${told.length}个部门；更正审核通过后生成新版报告`,
      `${items.length} item(s) reopened and ${told.length} department(s) told; a new report version follows their approval`,
    );
  }
  if (kind === 'reopen') {
    const { results } = answer as { results: unknown[] };
    return t(
      `已退回${results.length}项，填报部门将收到通知`,
      `${results.length} item(s) sent back; their departments are told`,
    );
  }
  return t('本轮评估正在取消，各部门将收到通知', 'The cycle is being cancelled; every department is told');
}

/** A running cycle's actions; a closed cycle's one action, reopening approved items for a new report version. */
function Actions({
  base,
  closed,
  items,
  departments,
  onDone,
}: {
  base: string;
  closed: boolean;
  items: ItemSummary[];
  departments: Array<{ value: string; label: string }>;
  onDone(kind: ActionKind): void;
}) {
  const { t } = useI18n();
  const act = useAction();
  const [open, setOpen] = useState<ActionKind | null>(null);
  const [form] = Form.useForm<{ deadline?: Dayjs; department?: string; itemKeys?: string[]; reason?: string }>();
  const titles: Record<ActionKind, string> = {
    extend: t('延期', 'Extend the deadline'),
    remind: t('立即催办', 'Remind now'),
    reopen: closed ? t('重新打开（修订报告）', 'Reopen (revise the report)') : t('重新打开事项', 'Reopen items'),
    cancel: t('取消本轮评估', 'Cancel the cycle'),
  };
  const run = async () => {
    const v = await form.validateFields();
    const department = v.department || undefined;
    const calls: Record<ActionKind, () => Promise<unknown>> = {
      extend: () => api.post(`${base}/extend`, { deadline: v.deadline!.toISOString(), department }),
      remind: () => api.post(`${base}/remind`, { department }),
      reopen: () => api.post(`${base}/reopen`, { itemKeys: v.itemKeys, reason: v.reason }),
      cancel: () => api.post(`${base}/cancel`, { reason: v.reason }),
    };
    const done = (answer: unknown) =>
      doneMessage(open!, answer, { closed, deadline: v.deadline, department }, t, departments);
    if (await act(calls[open!], done)) {
      setOpen(null);
      form.resetFields();
      onDone(open!);
    }
  };
  const approved = items.filter((i) => i.status === 'approved' || i.status === 'accepted');
  return (
    <Space wrap>
      {closed ? null : (
        <>
          <Button onClick={() => setOpen('extend')}>{titles.extend}</Button>
          <Button onClick={() => setOpen('remind')}>{titles.remind}</Button>
        </>
      )}
      <Button onClick={() => setOpen('reopen')} disabled={!approved.length}>
        {titles.reopen}
      </Button>
      {closed ? null : (
        <Button danger onClick={() => setOpen('cancel')}>
          {titles.cancel}
        </Button>
      )}
      <Modal
        open={open !== null}
        title={open ? titles[open] : ''}
        okText={t('确定', 'OK')}
        cancelText={t('取消', 'Cancel')}
        okButtonProps={{ danger: open === 'cancel' }}
        onOk={() => void run()}
        onCancel={() => setOpen(null)}
        destroyOnHidden
        forceRender
      >
        <Form form={form} layout="vertical" preserve={false}>
          {open === 'extend' ? (
            <Form.Item
              name="deadline"
              label={t('新的截止时间', 'New deadline')}
              rules={[{ required: true, message: t('请选择时间', 'Choose a time') }]}
              initialValue={dayjs().add(7, 'day').hour(18).minute(0)}
            >
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
            </Form.Item>
          ) : null}
          {open === 'extend' || open === 'remind' ? (
            <Form.Item name="department" label={t('部门（不选则为全部部门）', 'Department (all when left empty)')}>
              <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={departments} />
            </Form.Item>
          ) : null}
          {open === 'reopen' ? (
            <Form.Item
              name="itemKeys"
              label={t('已审核通过的事项', 'Approved items')}
              rules={[{ required: true, message: t('请选择事项', 'Choose the items') }]}
            >
              <Select
                mode="multiple"
                showSearch={{ optionFilterProp: 'label' }}
                options={approved.map((i) => ({ value: i.itemKey, label: i.title }))}
              />
            </Form.Item>
          ) : null}
          {open === 'reopen' || open === 'cancel' ? (
            <Form.Item
              name="reason"
              label={t('原因（将告知相关部门）', 'Reason (the departments are told)')}
              rules={[{ required: true, whitespace: true, message: t('请填写原因', 'Give the reason') }]}
            >
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
          ) : null}
          {open === 'reopen' && closed ? (
            <Typography.Paragraph>
              {t(
                '所选事项退回填报部门更正（两周内提交，四周后关闭），完成后生成新版报告。',
                'The items go back to their departments for correction (due in two weeks, closed after four); a new report version follows.',
              )}
            </Typography.Paragraph>
          ) : null}
          {open === 'remind' ? (
            <Typography.Paragraph>
              {t('向尚未完成的部门立即发送催办邮件。', 'Departments with items still open get a reminder now.')}
            </Typography.Paragraph>
          ) : null}
        </Form>
      </Modal>
    </Space>
  );
}

function Reports({ base, cycleId }: { base: string; cycleId: string }) {
  const i18n = useI18n();
  const { t, when } = i18n;
  const act = useAction();
  const reports = useLoad(() => api.get<Schemas['ReportListView']>(`${base}/reports`), [base]);
  const download = (r: Report, format: string, lang: 'zh-CN' | 'en') =>
    void act(
      () =>
        api.download(
          `${base}/reports/${r.version}/${format}${lang === 'en' ? '?lang=en' : ''}`,
          `report-v${r.version}${lang === 'en' ? '.en' : ''}.${format}`,
        ),
      t('已开始下载', 'Download started'),
    );
  return (
    <Card size="small">
      <LoadError error={reports.error} />
      <Table<Report>
        size="small"
        rowKey="version"
        pagination={false}
        loading={reports.loading}
        dataSource={reports.data?.items ?? []}
        locale={{ emptyText: t('本轮评估结束后生成报告', 'The report is compiled when the cycle closes') }}
        columns={[
          { title: t('版本', 'Version'), dataIndex: 'version', width: 70 },
          {
            title: t('阶段', 'Stage'),
            dataIndex: 'stage',
            width: 110,
            render: (v: Report['stage']) =>
              v === 'final' ? <Tag color="green">{t('定稿', 'Final')}</Tag> : <Tag>{t('征求意见稿', 'Draft')}</Tag>,
          },
          { title: t('生成时间', 'Compiled'), dataIndex: 'createdAt', render: (v: string) => when(v) },
          {
            title: t('内容校验值', 'Content hash'),
            dataIndex: 'contentHash',
            render: (v: string) => <Typography.Text code>{v.slice(0, 12)}</Typography.Text>,
          },
          {
            title: t('查看与下载', 'View and download'),
            key: 'files',
            render: (_, r) => (
              <Space wrap>
                <Link to={`/cycles/${enc(cycleId)}/reports/${r.version}`}>{t('在线查看', 'View')}</Link>
                {(['docx', 'xlsx', 'json'] as const).map((f) => (
                  <Button key={f} size="small" onClick={() => download(r, f, 'zh-CN')}>
                    {f === 'docx' ? 'Word' : f === 'xlsx' ? 'Excel' : 'JSON'}
                  </Button>
                ))}
                <Button size="small" onClick={() => download(r, 'docx', 'en')}>
                  Word (English)
                </Button>
                <Button size="small" onClick={() => download(r, 'xlsx', 'en')}>
                  Excel (English)
                </Button>
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}

function Notices({ base, nameOf }: { base: string; nameOf(code: string): string }) {
  const { t, lx, when } = useI18n();
  const [status, setStatus] = useState<'all' | 'undeliverable'>('all');
  const notices = useLoad(
    () => all<Notice>(`${base}/notices${status === 'undeliverable' ? '?status=undeliverable' : ''}`),
    [base, status],
  );
  return (
    <Card size="small">
      <Segmented
        style={{ marginBottom: 12 }}
        aria-label={t('显示', 'Show')}
        value={status}
        onChange={(v) => setStatus(v as 'all' | 'undeliverable')}
        options={[
          { value: 'all', label: t('全部通知', 'All notices') },
          { value: 'undeliverable', label: t('无法投递', 'Undeliverable') },
        ]}
      />
      <LoadError error={notices.error} />
      <Table<Notice>
        size="small"
        rowKey="id"
        loading={notices.loading}
        dataSource={notices.data ?? []}
        pagination={{ pageSize: 15, hideOnSinglePage: true }}
        locale={{
          emptyText:
            status === 'undeliverable'
              ? t('没有无法投递的通知', 'No undeliverable notices')
              : t('尚无通知', 'No notices yet'),
        }}
        columns={[
          { title: t('时间', 'Time'), key: 'at', width: 170, render: (_, n) => when(n.sentAt ?? n.createdAt) },
          {
            title: t('部门', 'Department'),
            dataIndex: 'department',
            render: (d: string) => (d === 'bureau' ? t('市统计局', 'Statistics bureau') : nameOf(d)),
          },
          { title: t('收件人', 'Recipient'), dataIndex: 'recipient' },
          { title: t('主题', 'Subject'), dataIndex: 'subject' },
          {
            title: t('状态', 'State'),
            dataIndex: 'status',
            width: 100,
            render: (s: NoticeStatus) => (
              <Tag color={NOTICE_STATUS_LABELS[s]?.color}>{lx(NOTICE_STATUS_LABELS[s])}</Tag>
            ),
          },
        ]}
      />
    </Card>
  );
}
