/**
 * One item: the form for its kind with the reference figures beside the input
 * (unit, base year, target, last year's value, the value expected this year),
 * refusals shown at the field they concern; save draft, submit, evidence; the
 * supervisor's review; a co-operating department's contribution; the history.
 * Its context (GET …/context): a task's text and whether each co-operating
 * department has contributed; a project's 建设内容, investment and previous
 * approved report, which the form checks a report against before it is sent
 * (the API's own rule). An indicator's reasons and measures are asked for, and
 * sent, only while the value is behind the path. Each action is offered only
 * to whoever may take it (libs/access's `authorize`).
 */
import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
  Upload,
} from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { behindPath, type EvidenceRef, type PlanYears, type WorkItemSpec } from '@libs/cycle/submission';
import { checkProjectReport, type ProjectReport } from '@libs/rules/project-status';
import type { Thresholds } from '@libs/rules/thresholds';
import { api, ApiError, enc, type Problem, type Schemas } from '../api';
import { ItemStatusTag, LoadError, refusal, useAction, useLoad } from '../common';
import { useI18n, type Localized } from '../i18n';
import {
  CONSTRUCTION_LABELS,
  EVENT_LABELS,
  ITEM_STATUS_LABELS,
  RESERVE_STAGE_LABELS,
  ROLE_LABELS,
  SERVICE_IMPLEMENTATION_LABELS,
  TASK_PROGRESS_LABELS,
  cycleTitle,
  itemLabel,
} from '../labels';
import { may, type Session } from '../session';

/**
 * The answers as the API documents them (`Schemas`), with the free-form parts (a submission by item
 * kind, an indicator's specification, an event's actor and detail) given the domain's own types.
 */
type Payload = Record<string, unknown> & { kind?: string; evidence?: EvidenceRef[] };
type Version = Omit<Schemas['VersionView'], 'payload'> & { payload: Payload };
export type ItemDetail = Omit<Schemas['ItemDetailView'], 'spec' | 'versions' | 'draft'> & {
  spec: WorkItemSpec;
  versions: Version[];
  draft: Payload | null;
};
export type Guide = Omit<Schemas['GuideView'], 'latest'> & { latest: Payload | null };
/** An item's context, as GET …/items/:key/context answers it. */
type ItemContext = Omit<Schemas['ItemContextResponse'], 'indicator' | 'project'> & {
  indicator: null | { years: PlanYears; thresholds: Thresholds };
  project:
    null | (Omit<Schemas['ProjectContextView'], 'previous'> & { previous: (ProjectReport & { year: number }) | null });
};
type HistoryEvent = Omit<Schemas['ItemEventView'], 'actor' | 'detail'> & {
  actor: { name?: string; id?: string; department?: string; role?: string };
  detail: { reason?: string; text?: string; decision?: string };
};
type History = Omit<Schemas['ItemHistoryView'], 'events' | 'versions'> & {
  events: HistoryEvent[];
  versions: Version[];
};

export function ItemPage({ cycleId, itemKey, session }: { cycleId: string; itemKey: string; session: Session }) {
  const { t, lx, when } = useI18n();
  const base = `/api/cycles/${enc(cycleId)}/items/${enc(itemKey)}`;
  const loaded = useLoad(async () => {
    const [item, guide, history, context] = await Promise.all([
      api.get<ItemDetail>(base),
      api.get<Guide>(`${base}/guide`),
      api.get<History>(`${base}/history`),
      api.get<ItemContext>(`${base}/context`),
    ]);
    return { item, guide, history, context };
  }, [base]);
  if (!loaded.data)
    return (
      <Card loading={loaded.loading}>
        <LoadError error={loaded.error} />
      </Card>
    );
  const { item, guide, history, context } = loaded.data;
  const { user } = session;
  const running = guide.cycle.status === 'running';
  const target = { department: item.department, cycleId, itemKey, coDepartments: item.coDepartments };
  const canSubmit =
    running && ['assigned', 'draft', 'returned'].includes(item.status) && may(user, 'item:submit', target);
  const canReview = running && item.status === 'submitted' && may(user, 'item:review', target);
  // The lead department submits; contributing is for the co-operating ones.
  const canContribute = running && user.department !== item.department && may(user, 'item:contribute', target);
  const returned = [...history.events].reverse().find((e) => e.statusAfter === 'returned');
  const overdue =
    running && Date.parse(guide.cycle.deadline) < Date.now() && ['assigned', 'draft', 'returned'].includes(item.status);

  return (
    <Flex vertical gap={16}>
      <Card>
        <Typography.Text type="secondary">
          {lx(cycleTitle(guide.cycle))} · {lx(itemLabel(item.kind, item.no))}
        </Typography.Text>
        <Typography.Title level={3} style={{ marginTop: 4 }}>
          {item.title}
        </Typography.Title>
        <Descriptions size="small" column={{ xs: 1, md: 4 }}>
          <Descriptions.Item label={t('牵头单位', 'Lead department')}>{lx(guide.department)}</Descriptions.Item>
          <Descriptions.Item label={t('状态', 'State')}>
            <ItemStatusTag status={item.status} />
          </Descriptions.Item>
          <Descriptions.Item label={t('截止时间', 'Deadline')}>
            {when(guide.cycle.deadline)} {overdue ? <Tag color="error">{t('已逾期', 'overdue')}</Tag> : null}
          </Descriptions.Item>
          <Descriptions.Item label={t('已提交版本', 'Versions submitted')}>{item.version}</Descriptions.Item>
        </Descriptions>
        {item.status === 'returned' && returned?.detail.reason ? (
          <Alert
            type="warning"
            showIcon
            title={t('审核人已退回，请修改后重新提交', 'Your supervisor returned it: correct and submit again')}
            description={returned.detail.reason}
          />
        ) : null}
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={15}>
          {canSubmit ? (
            <SubmissionForm base={base} item={item} guide={guide} context={context} onDone={loaded.reload} />
          ) : (
            <Card title={t('最新提交', 'Latest submission')}>
              {guide.latest ? (
                <SubmissionView payload={guide.latest} guide={guide} />
              ) : (
                <Empty description={t('尚未提交', 'Nothing submitted yet')} />
              )}
            </Card>
          )}
          {canReview ? <ReviewPanel base={base} onDone={loaded.reload} /> : null}
          {canContribute ? <ContributionForm base={base} onDone={loaded.reload} /> : null}
        </Col>
        <Col xs={24} lg={9}>
          <Flex vertical gap={16}>
            <ContextCard context={context} />
            <Reference guide={guide} />
            <Evidence base={base} item={item} canUpload={canSubmit} onDone={loaded.reload} />
          </Flex>
        </Col>
      </Row>
      <HistoryCard history={history} department={guide.department} />
    </Flex>
  );
}

/** What an item without reference figures asks for, by its kind. */
const WHAT_TO_REPORT: Record<string, Localized> = {
  task: { zh: '请选择任务进展状态，并说明推进情况。', en: 'Choose the task’s progress and describe it.' },
  project: {
    zh: '请填报本期和累计完成投资（万元）、建设状态和用地落实情况。',
    en: 'Report investment in the period and cumulative (10k yuan), construction status and whether the land is secured.',
  },
  reserve: {
    zh: '请选择储备项目进展（未启动/未调入、已开展前期工作、已调入规划），已开展前期工作或已调入规划的请说明情况。',
    en: 'Choose where the reserve project stands (not started, preparatory work under way, moved into the plan) and, unless not started, describe it.',
  },
  service: {
    zh: '请选择本服务项目对照国家和省基本公共服务标准的落实情况（按标准落实、部分落实、未落实）；部分落实或未落实的，请说明差距和原因。',
    en: 'Say how the item is delivered against the national and provincial standard (to standard, in part, not at all) and, unless to standard, describe the shortfall and its reasons.',
  },
};

/** The figures beside the input: what the value is measured against. */
export function Reference({ guide, compact }: { guide: Guide; compact?: boolean }) {
  const { t, lx } = useI18n();
  const ind = guide.indicator;
  if (!ind)
    return compact ? null : (
      <Card title={t('填报说明', 'What to report')}>{lx(WHAT_TO_REPORT[guide.kind] ?? WHAT_TO_REPORT.project)}</Card>
    );
  const figure = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${v} ${ind.unit}`);
  const body = (
    <Descriptions size="small" column={1} bordered={!compact}>
      <Descriptions.Item label={t('单位', 'Unit')}>{ind.unit}</Descriptions.Item>
      <Descriptions.Item label={t(`基期值（${ind.baseline.year}年）`, `Base year (${ind.baseline.year})`)}>
        {ind.baseline.printed ?? figure(ind.baseline.value)}
      </Descriptions.Item>
      <Descriptions.Item label={t(`目标值（${ind.target.year}年）`, `Target (${ind.target.year})`)}>
        {lx(ind.target.text)}{' '}
        {ind.binding ? <Tag color="red">{t('约束性', 'binding')}</Tag> : <Tag>{t('预期性', 'expected')}</Tag>}
      </Descriptions.Item>
      <Descriptions.Item
        label={
          ind.previous
            ? t(`上年值（${ind.previous.year}年）`, `Last year (${ind.previous.year})`)
            : t('上年值', 'Last year')
        }
      >
        {figure(ind.previous?.value)}
      </Descriptions.Item>
      <Descriptions.Item label={t(`本年预期值（${guide.year}年）`, `Expected for ${guide.year}`)}>
        <strong>{figure(ind.expected)}</strong>
      </Descriptions.Item>
    </Descriptions>
  );
  return compact ? (
    body
  ) : (
    <Card title={t('参考数据', 'Reference figures')} extra={ind.category ? <Tag>{lx(ind.category)}</Tag> : null}>
      {body}
    </Card>
  );
}

/** A task's text and its co-operating departments' contributions; a project's content, money and last approved report. */
function ContextCard({ context }: { context: ItemContext }) {
  const { t, lx, when } = useI18n();
  const money = (v: number | null) => (v === null ? '—' : `${v} ${t('万元', '10k yuan')}`);
  if (context.task)
    return (
      <Card title={t('任务内容', 'The task')}>
        <Typography.Paragraph>{lx(context.task.text)}</Typography.Paragraph>
        <Typography.Text strong>{t('配合单位', 'Co-operating departments')}</Typography.Text>
        {context.task.coDepartments.length ? (
          <ul style={{ paddingInlineStart: 20, marginBottom: 0 }}>
            {context.task.coDepartments.map((d) => (
              <li key={d.code}>
                {lx(d)}{' '}
                {d.contributed ? (
                  <>
                    <Tag color="success">{t('已提供配合意见', 'contributed')}</Tag>
                    <Typography.Text type="secondary">{when(d.contributedAt)}</Typography.Text>
                  </>
                ) : (
                  <Tag color="warning">{t('未提供配合意见', 'not yet contributed')}</Tag>
                )}
              </li>
            ))}
          </ul>
        ) : (
          <Typography.Paragraph type="secondary">{t('无配合单位', 'None')}</Typography.Paragraph>
        )}
      </Card>
    );
  if (context.project) {
    const { content, totalInvestment, planPeriodInvestment, previous } = context.project;
    return (
      <Card title={t('项目情况', 'The project')}>
        <Descriptions size="small" column={1} bordered>
          <Descriptions.Item label={t('建设内容及规模', 'What is built')}>{content || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('计划总投资', 'Total investment planned')}>
            {money(totalInvestment)}
          </Descriptions.Item>
          <Descriptions.Item label={t('规划期计划投资', 'Planned in the plan period')}>
            {money(planPeriodInvestment)}
          </Descriptions.Item>
          <Descriptions.Item
            label={
              previous
                ? t(`上次审核（${previous.year}年）`, `Last approved (${previous.year})`)
                : t('上次审核', 'Last approved')
            }
          >
            {previous
              ? `${t('累计完成投资', 'cumulative')} ${money(previous.investmentCumulative)} · ${lx(CONSTRUCTION_LABELS[previous.constructionStatus])}`
              : t('尚无', 'none yet')}
          </Descriptions.Item>
        </Descriptions>
      </Card>
    );
  }
  return null;
}

const FIELD_ORDER = [
  'value',
  'dataSource',
  'reasons',
  'measures',
  'progress',
  'stage',
  'implementation',
  'narrative',
  'investmentInPeriod',
  'investmentCumulative',
  'constructionStatus',
  'landSecured',
];

function SubmissionForm({
  base,
  item,
  guide,
  context,
  onDone,
}: {
  base: string;
  item: ItemDetail;
  guide: Guide;
  context: ItemContext;
  onDone(): void;
}) {
  const i18n = useI18n();
  const { t, lx } = i18n;
  const { message } = App.useApp();
  const [form] = Form.useForm<Payload>();
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState<'draft' | 'submit' | null>(null);
  const qualitative = guide.indicator?.target.kind === 'qualitative';
  const initial = { ...(item.draft ?? (item.status === 'returned' ? guide.latest : null) ?? {}) };
  // Reasons and measures belong to a value behind the path: asked for, and sent, only then, by the API's own rule.
  const behind = (value: unknown): boolean =>
    !!item.spec.indicator &&
    !!context.indicator &&
    (typeof value === 'number' || typeof value === 'boolean') &&
    behindPath(item.spec.indicator, value, context.indicator.years, context.indicator.thresholds);
  const valueBehind = behind(Form.useWatch('value', form));

  const payload = (): Payload => {
    const v = form.getFieldsValue(true) as Payload;
    const evidence = item.evidence.map((e) => ({ fileId: e.id, name: e.name, sha256: e.sha256 }));
    const text = (k: string) =>
      typeof v[k] === 'string' && (v[k] as string).trim() !== '' ? (v[k] as string).trim() : undefined;
    if (item.kind === 'indicator')
      return {
        kind: 'indicator',
        value: v.value,
        dataSource: text('dataSource') ?? '',
        ...(behind(v.value) ? { reasons: text('reasons'), measures: text('measures') } : {}),
        evidence,
      };
    if (item.kind === 'task')
      return { kind: 'task', progress: v.progress, narrative: text('narrative') ?? '', evidence };
    if (item.kind === 'reserve') return { kind: 'reserve', stage: v.stage, narrative: text('narrative'), evidence };
    if (item.kind === 'service')
      return { kind: 'service', implementation: v.implementation, narrative: text('narrative'), evidence };
    return {
      kind: 'project',
      investmentInPeriod: v.investmentInPeriod,
      investmentCumulative: v.investmentCumulative,
      constructionStatus: v.constructionStatus,
      landSecured: v.landSecured,
      narrative: text('narrative'),
      evidence,
    };
  };

  /** Each refusal beside the input it concerns; the rest above the buttons. */
  const show = (found: Problem[]) => {
    setProblems(found);
    const byField = new Map<string, string[]>();
    for (const d of found.filter((x) => x.field)) byField.set(d.field!, [...(byField.get(d.field!) ?? []), lx(d)]);
    form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  };

  const send = async (what: 'draft' | 'submit') => {
    setProblems([]);
    form.setFields(FIELD_ORDER.map((name) => ({ name, errors: [] })));
    // A project's report against the previous approved one, as the API will check it, before anything is sent.
    if (what === 'submit' && context.project) {
      const found = checkProjectReport(payload() as unknown as ProjectReport, context.project.previous);
      if (found.length) return show(found);
    }
    setBusy(what);
    try {
      if (what === 'draft') await api.put(`${base}/draft`, { submission: payload() });
      else await api.post(`${base}/submit`, { submission: payload() });
      void message.success(
        what === 'draft' ? t('草稿已保存', 'Draft saved') : t('已提交，等待审核', 'Submitted for review'),
      );
      onDone();
    } catch (e) {
      if (e instanceof ApiError && e.details.length) show(e.details);
      else void message.error(refusal(e, i18n));
    } finally {
      setBusy(null);
    }
  };

  const unit = guide.indicator?.unit;
  return (
    <Card title={t('填报', 'Your submission')} style={{ marginBottom: 16 }}>
      <Form form={form} layout="vertical" initialValues={initial} onFinish={() => void send('submit')}>
        {item.kind === 'indicator' ? (
          <>
            <Form.Item
              name="value"
              label={
                qualitative
                  ? t(`${guide.year}年是否实现`, `Achieved in ${guide.year}?`)
                  : t(`${guide.year}年数值`, `Value for ${guide.year}`)
              }
              extra={
                guide.indicator?.expected !== null && guide.indicator?.expected !== undefined
                  ? t(
                      `本年预期值 ${guide.indicator.expected} ${unit}`,
                      `expected this year: ${guide.indicator.expected} ${unit}`,
                    )
                  : undefined
              }
            >
              {qualitative ? (
                <Radio.Group
                  options={[
                    { value: true, label: t('已实现', 'achieved') },
                    { value: false, label: t('未实现', 'not achieved') },
                  ]}
                />
              ) : (
                <InputNumber style={{ width: 260 }} suffix={unit} aria-label={t('数值', 'Value')} />
              )}
            </Form.Item>
            <Form.Item name="dataSource" label={t('数据来源', 'Data source')}>
              <Input
                placeholder={t('如：河源市统计年鉴、统计公报', 'e.g. Heyuan statistical yearbook')}
                maxLength={500}
              />
            </Form.Item>
            {valueBehind ? (
              <>
                <Alert
                  type="warning"
                  showIcon
                  style={{ marginBottom: 16 }}
                  title={t(
                    '该数值落后于本年预期进度，请填写原因分析和下一步措施',
                    'This value is behind the path for the year: give the reasons and the next measures',
                  )}
                />
                <Form.Item name="reasons" label={t('原因分析', 'Reasons')} required>
                  <Input.TextArea rows={2} maxLength={4000} />
                </Form.Item>
                <Form.Item name="measures" label={t('下一步措施', 'Next measures')} required>
                  <Input.TextArea rows={2} maxLength={4000} />
                </Form.Item>
              </>
            ) : null}
          </>
        ) : item.kind === 'service' ? (
          <>
            <Form.Item name="implementation" label={t('落实情况', 'Delivery against the standard')}>
              <Radio.Group
                optionType="button"
                options={Object.entries(SERVICE_IMPLEMENTATION_LABELS).map(([value, l]) => ({ value, label: lx(l) }))}
              />
            </Form.Item>
            <Form.Item
              name="narrative"
              label={t(
                '差距和原因说明（部分落实或未落实时必填）',
                'Shortfall and its reasons (required unless delivered to standard)',
              )}
            >
              <Input.TextArea rows={3} maxLength={4000} />
            </Form.Item>
          </>
        ) : item.kind === 'reserve' ? (
          <>
            <Form.Item name="stage" label={t('储备项目进展', 'Where the reserve project stands')}>
              <Radio.Group
                optionType="button"
                options={Object.entries(RESERVE_STAGE_LABELS).map(([value, l]) => ({ value, label: lx(l) }))}
              />
            </Form.Item>
            <Form.Item
              name="narrative"
              label={t(
                '进展情况说明（已开展前期工作或已调入规划时必填）',
                'What has been done (required unless not started)',
              )}
            >
              <Input.TextArea rows={3} maxLength={4000} />
            </Form.Item>
          </>
        ) : item.kind === 'task' ? (
          <>
            <Form.Item name="progress" label={t('进展状态', 'Progress')}>
              <Radio.Group
                optionType="button"
                options={Object.entries(TASK_PROGRESS_LABELS).map(([value, l]) => ({ value, label: lx(l) }))}
              />
            </Form.Item>
            <Form.Item name="narrative" label={t('进展情况说明', 'What has been done')}>
              <Input.TextArea rows={4} maxLength={4000} />
            </Form.Item>
          </>
        ) : (
          <>
            <Space wrap size="large">
              <Form.Item name="investmentInPeriod" label={t('本期完成投资', 'Investment in the period')}>
                <InputNumber min={0} style={{ width: 220 }} suffix={t('万元', '10k yuan')} />
              </Form.Item>
              <Form.Item name="investmentCumulative" label={t('累计完成投资', 'Cumulative investment')}>
                <InputNumber min={0} style={{ width: 220 }} suffix={t('万元', '10k yuan')} />
              </Form.Item>
            </Space>
            <Form.Item name="constructionStatus" label={t('建设状态', 'Construction status')}>
              <Select
                style={{ width: 260 }}
                options={Object.entries(CONSTRUCTION_LABELS).map(([value, l]) => ({ value, label: lx(l) }))}
              />
            </Form.Item>
            <Form.Item name="landSecured" label={t('用地是否落实', 'Land secured?')}>
              <Radio.Group
                options={[
                  { value: true, label: t('已落实', 'yes') },
                  { value: false, label: t('未落实', 'no') },
                ]}
              />
            </Form.Item>
            <Form.Item name="narrative" label={t('情况说明', 'Notes')}>
              <Input.TextArea rows={3} maxLength={4000} />
            </Form.Item>
          </>
        )}
        {problems.length ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            style={{ marginBottom: 16 }}
            title={t('提交未通过校验，请修改：', 'The submission was not accepted; please correct:')}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {problems.map((p, i) => (
                  <li key={i}>{lx(p)}</li>
                ))}
              </ul>
            }
          />
        ) : null}
        <Space>
          <Button onClick={() => void send('draft')} loading={busy === 'draft'}>
            {t('保存草稿', 'Save draft')}
          </Button>
          <Button type="primary" htmlType="submit" loading={busy === 'submit'}>
            {t('提交审核', 'Submit for review')}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}

/** A submitted package, read-only, with its unit. */
export function SubmissionView({ payload, guide }: { payload: Payload; guide: Guide }) {
  const { t, lx } = useI18n();
  const unit = guide.indicator?.unit ?? '';
  const value = (v: unknown) =>
    typeof v === 'boolean'
      ? v
        ? t('已实现', 'achieved')
        : t('未实现', 'not achieved')
      : v === undefined || v === null || v === ''
        ? '—'
        : String(v);
  const rows: Array<[string, string]> =
    payload.kind === 'indicator'
      ? [
          [t('数值', 'Value'), `${value(payload.value)}${typeof payload.value === 'number' ? ` ${unit}` : ''}`],
          [t('数据来源', 'Data source'), value(payload.dataSource)],
          [t('原因分析', 'Reasons'), value(payload.reasons)],
          [t('下一步措施', 'Next measures'), value(payload.measures)],
        ]
      : payload.kind === 'task'
        ? [
            [t('进展状态', 'Progress'), lx(TASK_PROGRESS_LABELS[String(payload.progress)])],
            [t('进展情况说明', 'What has been done'), value(payload.narrative)],
          ]
        : payload.kind === 'service'
          ? [
              [
                t('落实情况', 'Delivery against the standard'),
                lx(SERVICE_IMPLEMENTATION_LABELS[String(payload.implementation)]),
              ],
              [t('差距和原因说明', 'Shortfall and its reasons'), value(payload.narrative)],
            ]
          : payload.kind === 'reserve'
            ? [
                [
                  t('储备项目进展', 'Where the reserve project stands'),
                  lx(RESERVE_STAGE_LABELS[String(payload.stage)]),
                ],
                [t('进展情况说明', 'What has been done'), value(payload.narrative)],
              ]
            : [
                [
                  t('本期完成投资', 'Investment in the period'),
                  `${value(payload.investmentInPeriod)} ${t('万元', '10k yuan')}`,
                ],
                [
                  t('累计完成投资', 'Cumulative investment'),
                  `${value(payload.investmentCumulative)} ${t('万元', '10k yuan')}`,
                ],
                [t('建设状态', 'Construction status'), lx(CONSTRUCTION_LABELS[String(payload.constructionStatus)])],
                [
                  t('用地是否落实', 'Land secured?'),
                  payload.landSecured === undefined
                    ? '—'
                    : payload.landSecured
                      ? t('已落实', 'yes')
                      : t('未落实', 'no'),
                ],
                [t('情况说明', 'Notes'), value(payload.narrative)],
              ];
  return (
    <Descriptions size="small" column={1} bordered>
      {rows.map(([label, v]) => (
        <Descriptions.Item key={label} label={label}>
          {v}
        </Descriptions.Item>
      ))}
      {payload.evidence?.length ? (
        <Descriptions.Item label={t('佐证材料', 'Evidence')}>
          {payload.evidence.map((e) => e.name).join('、')}
        </Descriptions.Item>
      ) : null}
    </Descriptions>
  );
}

export function Warnings({ warnings }: { warnings: Guide['warnings'] }) {
  const { t, lx } = useI18n();
  if (!warnings.length) return null;
  return (
    <Alert
      type="warning"
      showIcon
      title={t('数据质量提示', 'Data-quality warnings')}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {warnings.map((w) => (
            <li key={w.rule}>{lx(w)}</li>
          ))}
        </ul>
      }
    />
  );
}

function ReviewPanel({ base, onDone }: { base: string; onDone(): void }) {
  const { t } = useI18n();
  const act = useAction();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const review = async (decision: 'approve' | 'reject') => {
    if (decision === 'reject' && !reason.trim()) return setMissing(true);
    if (
      await act(
        () => api.post(`${base}/review`, decision === 'reject' ? { decision, reason: reason.trim() } : { decision }),
        decision === 'approve' ? t('已审核通过', 'Approved') : t('已退回填报人', 'Returned to the submitter'),
      )
    )
      onDone();
  };
  return (
    <Card title={t('审核', 'Review')} style={{ marginTop: 16 }}>
      <Form layout="vertical">
        <Form.Item
          label={t('退回原因（退回时必填）', 'Reason (required to return it)')}
          validateStatus={missing ? 'error' : undefined}
          help={missing ? t('退回时请写明原因', 'Give the reason for returning it') : undefined}
        >
          <Input.TextArea
            rows={2}
            value={reason}
            onChange={(e) => {
              setReason(e.target.value);
              setMissing(false);
            }}
            maxLength={2000}
          />
        </Form.Item>
        <Space>
          <Button type="primary" onClick={() => void review('approve')}>
            {t('审核通过', 'Approve')}
          </Button>
          <Button danger onClick={() => void review('reject')}>
            {t('退回修改', 'Return for correction')}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}

function ContributionForm({ base, onDone }: { base: string; onDone(): void }) {
  const { t } = useI18n();
  const act = useAction();
  const [form] = Form.useForm<{ text: string }>();
  return (
    <Card title={t('配合单位意见', 'Contribution of a co-operating department')} style={{ marginTop: 16 }}>
      <Form
        form={form}
        layout="vertical"
        onFinish={async (v) =>
          (await act(
            () => api.post(`${base}/contributions`, { text: v.text.trim() }),
            t('已提交配合意见', 'Contribution sent'),
          )) && (form.resetFields(), onDone())
        }
      >
        <Form.Item
          name="text"
          label={t('本单位配合推进情况', 'What your department has done')}
          rules={[{ required: true, whitespace: true, message: t('请填写配合情况', 'Describe your contribution') }]}
        >
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('提交配合意见', 'Send contribution')}
        </Button>
      </Form>
    </Card>
  );
}

function Evidence({
  base,
  item,
  canUpload,
  onDone,
}: {
  base: string;
  item: ItemDetail;
  canUpload: boolean;
  onDone(): void;
}) {
  const i18n = useI18n();
  const { t, when } = i18n;
  const { message } = App.useApp();
  return (
    <Card title={t('佐证材料', 'Evidence')}>
      {item.evidence.length ? (
        <ul style={{ paddingInlineStart: 20 }}>
          {item.evidence.map((e) => (
            <li key={e.id}>
              <Button
                type="link"
                style={{ padding: 0 }}
                onClick={() =>
                  void api
                    .download(`${base}/evidence/${e.id}`, e.name)
                    .catch((err: unknown) => message.error(refusal(err, i18n)))
                }
              >
                {e.name}
              </Button>{' '}
              <Typography.Text type="secondary">
                {Math.ceil(e.size / 1024)} KB · {when(e.uploadedAt)}
              </Typography.Text>
            </li>
          ))}
        </ul>
      ) : (
        <Typography.Paragraph type="secondary">{t('暂无佐证材料', 'No evidence yet')}</Typography.Paragraph>
      )}
      {canUpload ? (
        <Upload
          showUploadList={false}
          accept=".pdf,.png,.jpg,.jpeg,.docx,.xlsx,.csv,.txt"
          customRequest={({ file, onSuccess, onError }) => {
            const body = new FormData();
            body.append('file', file as Blob);
            api.post(`${base}/evidence`, body).then(
              (r) => {
                onSuccess?.(r);
                void message.success(t('已上传，提交时一并报送', 'Uploaded; it goes with your submission'));
                onDone();
              },
              (err: unknown) => {
                onError?.(err as Error);
                void message.error(refusal(err, i18n), 6);
              },
            );
          }}
        >
          <Button icon={<UploadOutlined />}>{t('上传佐证材料', 'Attach evidence')}</Button>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8, marginBottom: 0 }}>
            {t('支持 PDF、图片、Word、Excel、CSV、文本', 'PDF, images, Word, Excel, CSV or text')}
          </Typography.Paragraph>
        </Upload>
      ) : null}
    </Card>
  );
}

/**
 * Who did what, by name and unit (张三（市教育局）), never an email or a code:
 * a version's submitter and approver are named from the events that made them.
 */
function HistoryCard({ history, department }: { history: History; department: Guide['department'] }) {
  const { t, lx, when } = useI18n();
  const names = new Map(history.events.map((e) => [e.actor?.id, e.actor?.name]));
  const unitOf = (actor: History['events'][number]['actor']) =>
    actor?.role === 'bureau' ? lx(ROLE_LABELS.admin) : actor?.department === department.code ? lx(department) : null;
  const person = (actor: History['events'][number]['actor']) => {
    const unit = unitOf(actor);
    const name = actor?.name ?? '';
    return unit && unit !== name ? `${name}（${unit}）` : name || unit || '—';
  };
  // Every version has the submit event that made it; the department stands in should one be missing.
  const personOf = (email: string | null) => (email ? (names.get(email) ?? lx(department)) : '—');
  return (
    <Card title={t('办理记录', 'History')}>
      <Row gutter={24}>
        <Col xs={24} lg={10}>
          {history.events.length ? (
            <Timeline
              items={history.events.map((e) => ({
                color: e.statusAfter === 'returned' ? 'red' : e.statusAfter === 'approved' ? 'green' : 'blue',
                content: (
                  <>
                    <strong>{lx(EVENT_LABELS[e.type]) || e.type}</strong> · {person(e.actor)} · {when(e.at)}
                    <br />
                    <Typography.Text type="secondary">
                      → {lx(ITEM_STATUS_LABELS[e.statusAfter as keyof typeof ITEM_STATUS_LABELS])}
                    </Typography.Text>
                    {e.detail?.reason ? (
                      <div>
                        {t('原因：', 'Reason: ')}
                        {e.detail.reason}
                      </div>
                    ) : null}
                    {e.detail?.text ? <div>{e.detail.text}</div> : null}
                  </>
                ),
              }))}
            />
          ) : (
            <Empty description={t('暂无记录', 'Nothing yet')} />
          )}
        </Col>
        <Col xs={24} lg={14}>
          <Table<Version>
            size="small"
            rowKey="version"
            pagination={false}
            dataSource={history.versions}
            locale={{ emptyText: t('尚无提交版本', 'No versions yet') }}
            columns={[
              { title: t('版本', 'Version'), dataIndex: 'version', width: 70 },
              {
                title: t('数值 / 进展', 'Value / progress'),
                key: 'v',
                render: (_, v) =>
                  String(
                    v.payload.value ??
                      (lx(
                        TASK_PROGRESS_LABELS[String(v.payload.progress)] ??
                          RESERVE_STAGE_LABELS[String(v.payload.stage)] ??
                          SERVICE_IMPLEMENTATION_LABELS[String(v.payload.implementation)],
                      ) ||
                        (v.payload.investmentCumulative ?? '—')),
                  ),
              },
              { title: t('提交人', 'Submitted by'), dataIndex: 'submittedBy', render: personOf },
              { title: t('提交时间', 'Submitted'), dataIndex: 'submittedAt', render: (v: string) => when(v) },
              {
                title: t('审核通过', 'Approved'),
                dataIndex: 'approvedAt',
                render: (v: string | null) => (v ? when(v) : '—'),
              },
            ]}
          />
        </Col>
      </Row>
    </Card>
  );
}
