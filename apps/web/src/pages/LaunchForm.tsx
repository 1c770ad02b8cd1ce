/**
 * The launch form, in two steps: the bureau fills in the cycle (the plan
 * preselected, the years proposed and checked by the plan's calendar for the
 * kind, each group of the plan resolved to departments, pre-filled from the
 * directory), then confirms what the API's preview says the launch will do —
 * which departments, how many items, how many mails — before anything is
 * mailed. Enter in a field never launches: the form has no submit button.
 */
import { useEffect, useMemo, useState } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  DatePicker,
  Descriptions,
  Form,
  InputNumber,
  Modal,
  Select,
  Space,
  Switch,
  Table,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { periodProblems, planCalendar, proposedYears } from '@libs/cycle/calendar';
import { CYCLE_KINDS, DEFAULT_THRESHOLD_PRESET, LAUNCH_ITEM_KINDS, type CycleKind } from '@libs/cycle/cycle-definition';
import { DEFAULT_ASSESSMENT_WEIGHTS } from '@libs/rules/department-assessment';
import { THRESHOLD_PRESET_NAMES } from '@libs/rules/thresholds';
import { all, api, ApiError, type Problem, type Schemas } from '../api';
import { LoadError, useLoad } from '../common';
import { useI18n, type Localized } from '../i18n';
import {
  CYCLE_KIND_LABELS,
  ITEM_KIND_LABELS,
  LAUNCH_ITEM_KIND_LABELS,
  cyclePath,
  cycleTitle,
  thresholdPresetLabel,
} from '../labels';
import { useRouter } from '../router';
import { AssessmentWeightsFields } from './AssessmentWeightsFields';

type Plan = Schemas['PlanView'];
/** A unit of the directory; a group (部门组) lists the members the directory keeps for it. */
type Unit = Schemas['DepartmentView'];

type Preview = Schemas['LaunchPreviewView'];

/** The launch request (the API's LaunchBody) as the form holds it: times as pickers hold them, groups by code. */
type LaunchValues = Omit<Schemas['LaunchBody'], 'deadline' | 'hardClose' | 'groupResolution'> & {
  deadline: Dayjs;
  hardClose: Dayjs;
  groups?: Record<string, string[] | undefined>;
};

const currentYear = () => dayjs().year();

/** The plan whose period holds last year's monitoring, else the first: a launch form opens with a plan chosen. */
function defaultPlan(plans: Plan[]): Plan | undefined {
  const year = currentYear() - 1;
  return plans.find((p) => p.startYear <= year && year <= p.endYear) ?? plans[0];
}

export function LaunchForm({ onLaunched }: { onLaunched(): void }) {
  const { t, lx } = useI18n();
  const { navigate } = useRouter();
  const [form] = Form.useForm<LaunchValues>();
  const plans = useLoad(() => all<Plan>('/api/plans'), []);
  const units = useLoad(() => all<Unit>('/api/departments'), []);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState<{ body: Schemas['LaunchBody']; preview: Preview } | null>(null);
  const planCode = Form.useWatch('planCode', form);
  const kind = Form.useWatch('kind', form);
  const plan = plans.data?.find((p) => p.code === planCode);
  const groups = useMemo(() => (units.data ?? []).filter((u) => u.kind === 'group'), [units.data]);
  const departments = useMemo(() => (units.data ?? []).filter((u) => u.kind !== 'group'), [units.data]);
  const unitName = (code: string) => {
    const u = units.data?.find((d) => d.code === code);
    return u ? lx({ zh: u.name, en: u.nameEn }) : code;
  };

  // A plan is chosen as soon as there is one; the groups start from the directory's saved resolution.
  useEffect(() => {
    const first = plans.data && defaultPlan(plans.data);
    if (first && !form.getFieldValue('planCode')) form.setFieldsValue({ planCode: first.code });
  }, [plans.data, form]);
  useEffect(() => {
    if (groups.length && !form.getFieldValue('groups'))
      form.setFieldsValue({ groups: Object.fromEntries(groups.map((g) => [g.code, g.members ?? []])) });
  }, [groups, form]);
  // The years follow the plan and the kind, as the plan's calendar has them.
  useEffect(() => {
    if (!plan || !kind) return;
    form.setFieldsValue(proposedYears(kind, planCalendar(plan), currentYear()));
    void form.validateFields(['fromYear', 'toYear']).catch(() => undefined);
  }, [plan, kind, form]);

  /** A year outside what the kind may cover in this plan, in the page's language (the API says the same). */
  const yearRule = (field: 'fromYear' | 'toYear') => ({
    validator: async () => {
      const v = form.getFieldsValue(['kind', 'fromYear', 'toYear']) as Pick<
        LaunchValues,
        'kind' | 'fromYear' | 'toYear'
      >;
      if (!plan || v.fromYear == null || v.toYear == null) return;
      const problem = periodProblems(v, planCalendar(plan)).find((p) => p.field === field);
      if (problem) throw new Error(lx(problem));
    },
  });

  const refused = (e: unknown) => {
    const details: Problem[] =
      e instanceof ApiError
        ? e.details.length
          ? e.details
          : [{ zh: e.message, en: e.message }]
        : [{ zh: '未能完成，请稍后重试', en: 'That did not go through; try again' }];
    setProblems(details);
    // A problem naming a field is shown at the field too.
    form.setFields(
      details
        .filter((p) => p.field === 'fromYear' || p.field === 'toYear')
        .map((p) => ({ name: p.field as 'fromYear' | 'toYear', errors: [lx(p)] })),
    );
  };

  const preview = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const { groups: chosen, ...rest } = v;
    const body: Schemas['LaunchBody'] = {
      ...rest,
      deadline: v.deadline.toISOString(),
      hardClose: v.hardClose.toISOString(),
      // Every group as chosen here, left empty or not: the launch says which items an empty one leaves unassigned.
      groupResolution: Object.fromEntries(groups.map((g) => [g.code, chosen?.[g.code] ?? []])),
    };
    setBusy(true);
    setProblems([]);
    try {
      setConfirming({ body, preview: await api.post<Preview>('/api/cycles/preview', body) });
    } catch (e) {
      refused(e);
    } finally {
      setBusy(false);
    }
  };

  const launch = async () => {
    if (!confirming) return;
    setBusy(true);
    try {
      const r = await api.post<{ cycleId: string }>('/api/cycles', confirming.body);
      setConfirming(null);
      onLaunched();
      navigate(cyclePath(r.cycleId));
    } catch (e) {
      setConfirming(null);
      refused(e);
    } finally {
      setBusy(false);
    }
  };

  const required = (message: Localized) => [{ required: true, message: lx(message) }];
  return (
    <Form<LaunchValues>
      form={form}
      layout="vertical"
      initialValues={{
        kind: 'annual',
        itemKinds: [...LAUNCH_ITEM_KINDS],
        thresholdPreset: DEFAULT_THRESHOLD_PRESET,
        assessmentWeights: DEFAULT_ASSESSMENT_WEIGHTS,
        requireBureauAcceptance: false,
        deadline: dayjs().add(30, 'day').hour(18).minute(0),
        hardClose: dayjs().add(60, 'day').hour(18).minute(0),
      }}
    >
      <LoadError error={plans.error ?? units.error} />
      <Form.Item name="planCode" label={t('规划', 'Plan')} rules={required({ zh: '请选择规划', en: 'Choose a plan' })}>
        <Select
          loading={plans.loading}
          options={(plans.data ?? []).map((p) => ({ value: p.code, label: lx({ zh: p.name, en: p.nameEn }) }))}
        />
      </Form.Item>
      <Form.Item
        name="kind"
        label={t('评估类型', 'Kind')}
        rules={required({ zh: '请选择类型', en: 'Choose the kind' })}
      >
        <Select<CycleKind> options={CYCLE_KINDS.map((value) => ({ value, label: lx(CYCLE_KIND_LABELS[value]) }))} />
      </Form.Item>
      <Space align="start">
        <Form.Item
          name="fromYear"
          label={t('起始年份', 'From year')}
          dependencies={['kind', 'toYear']}
          rules={[...required({ zh: '请填写起始年份', en: 'Enter the first year' }), yearRule('fromYear')]}
        >
          <InputNumber min={2000} max={2100} />
        </Form.Item>
        <Form.Item
          name="toYear"
          label={t('结束年份', 'To year')}
          dependencies={['kind', 'fromYear']}
          rules={[...required({ zh: '请填写结束年份', en: 'Enter the last year' }), yearRule('toYear')]}
        >
          <InputNumber min={2000} max={2100} />
        </Form.Item>
      </Space>
      {plan ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: -12 }}>
          {t(
            `规划期${plan.startYear}–${plan.endYear}年；年度监测为其中一年，中期评估自${plan.startYear}年起，总结评估覆盖整个规划期`,
            `The plan covers ${plan.startYear}–${plan.endYear}: annual monitoring one of its years, the mid-term evaluation from ${plan.startYear}, the final evaluation all of it`,
          )}
        </Typography.Paragraph>
      ) : null}
      <Form.Item
        name="deadline"
        label={t('填报截止时间', 'Deadline')}
        rules={required({ zh: '请选择填报截止时间', en: 'Choose the deadline' })}
      >
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
      </Form.Item>
      <Form.Item
        name="hardClose"
        label={t('关闭时间（逾期未报的按未报处理）', 'Hard close (what is missing then stays missing)')}
        rules={required({ zh: '请选择关闭时间', en: 'Choose the hard close' })}
      >
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
      </Form.Item>
      <Form.Item
        name="itemKinds"
        label={t('评估内容', 'Items')}
        rules={[{ required: true, type: 'array', min: 1, message: t('至少选择一类', 'Choose at least one') }]}
      >
        <Checkbox.Group
          options={LAUNCH_ITEM_KINDS.map((value) => ({ value, label: lx(LAUNCH_ITEM_KIND_LABELS[value]) }))}
        />
      </Form.Item>
      {groups.length ? (
        <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
          <legend style={{ fontSize: 14, marginBottom: 8 }}>
            {t('部门组对应的具体部门', 'The departments each group stands for')}
          </legend>
          <Typography.Paragraph type="secondary">
            {t(
              '规划中由部门组负责的事项，由所选部门承担（第一个牵头，其余配合）；已在部门名录中指定的自动填入。未指定的部门组，其事项无法发起。',
              'Items the plan gives to a group go to the departments chosen (the first leads, the others co-operate); what the directory keeps is filled in. Items of a group left empty cannot be launched.',
            )}
          </Typography.Paragraph>
          {groups.map((g) => (
            <Form.Item key={g.code} name={['groups', g.code]} label={lx({ zh: g.name, en: g.nameEn })}>
              <Select
                mode="multiple"
                allowClear
                aria-label={lx({ zh: g.name, en: g.nameEn })}
                placeholder={t('选择部门', 'Choose departments')}
                showSearch={{ optionFilterProp: 'label' }}
                options={departments.map((d) => ({ value: d.code, label: lx({ zh: d.name, en: d.nameEn }) }))}
              />
            </Form.Item>
          ))}
        </fieldset>
      ) : null}
      <Form.Item name="thresholdPreset" label={t('进度判定标准', 'Thresholds')}>
        <Select options={THRESHOLD_PRESET_NAMES.map((value) => ({ value, label: lx(thresholdPresetLabel(value)) }))} />
      </Form.Item>
      <AssessmentWeightsFields />
      <Form.Item
        name="requireBureauAcceptance"
        label={t('需市统计局验收', 'Bureau acceptance required')}
        valuePropName="checked"
      >
        <Switch />
      </Form.Item>
      {problems.length ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          title={t('无法发起：', 'Cannot launch:')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {problems.map((p, i) => (
                <li key={i}>{lx(p)}</li>
              ))}
            </ul>
          }
        />
      ) : null}
      <Button type="primary" loading={busy && !confirming} onClick={() => void preview()}>
        {t('下一步：核对发起内容', 'Next: check what the launch does')}
      </Button>
      <Modal
        open={confirming !== null}
        title={t('确认发起', 'Confirm the launch')}
        okText={t('确认发起并发送邮件', 'Launch and send the mails')}
        cancelText={t('返回修改', 'Back to the form')}
        confirmLoading={busy}
        onOk={() => void launch()}
        onCancel={() => setConfirming(null)}
        width={720}
        destroyOnHidden
      >
        {confirming ? <LaunchSummary body={confirming.body} preview={confirming.preview} unitName={unitName} /> : null}
      </Modal>
    </Form>
  );
}

/** What the launch will do, from the API's preview: the figures first, then each department's share and mail. */
function LaunchSummary({
  body,
  preview,
  unitName,
}: {
  body: Schemas['LaunchBody'];
  preview: Preview;
  unitName(code: string): string;
}) {
  const { t, lx, when } = useI18n();
  const byKind = (counts: Record<string, number>) =>
    Object.entries(counts)
      .map(([kind, n]) => `${lx(ITEM_KIND_LABELS[kind as keyof typeof ITEM_KIND_LABELS])} ${n}`)
      .join(t('、', ', '));
  const leads = preview.departments.filter((d) => Object.keys(d.leads).length > 0).length;
  return (
    <>
      <Descriptions
        size="small"
        column={1}
        bordered
        items={[
          { key: 'cycle', label: t('评估', 'Cycle'), children: lx(cycleTitle(body)) },
          { key: 'deadline', label: t('填报截止', 'Deadline'), children: when(body.deadline) },
          {
            key: 'items',
            label: t('事项', 'Items'),
            children: `${preview.itemCount}${t('项', '')}（${byKind(preview.items)}）`,
          },
          {
            key: 'departments',
            label: t('部门', 'Departments'),
            children: t(
              `${preview.departments.length}个（牵头${leads}个）`,
              `${preview.departments.length} (${leads} leading)`,
            ),
          },
          {
            key: 'mails',
            label: t('将发送邮件', 'Mails to send'),
            children: t(
              `${preview.mails.total}封：填报任务${preview.mails.assignments}封，配合请求${preview.mails.contributionRequests}封`,
              `${preview.mails.total}: ${preview.mails.assignments} assignments, ${preview.mails.contributionRequests} requests for input`,
            ),
          },
        ]}
      />
      <Table<Preview['departments'][number]>
        style={{ marginTop: 16 }}
        size="small"
        rowKey="code"
        dataSource={preview.departments}
        pagination={{ pageSize: 8, hideOnSinglePage: true }}
        columns={[
          { title: t('部门', 'Department'), key: 'name', render: (_, d) => unitName(d.code) },
          { title: t('牵头事项', 'Leads'), key: 'leads', render: (_, d) => byKind(d.leads) || '—' },
          { title: t('配合事项', 'Co-operates'), dataIndex: 'cooperates', width: 90 },
          {
            title: t('邮件发往（填报人）', 'Mail to (submitter)'),
            dataIndex: 'submitterEmail',
            render: (v: string | null) => v ?? '—',
          },
        ]}
      />
    </>
  );
}
