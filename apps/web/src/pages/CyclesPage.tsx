/** The bureau's cycles, newest first, and the launch form (the API's checks answer every problem at once). */
import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Drawer,
  Form,
  InputNumber,
  Select,
  Space,
  Switch,
  Table,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { CYCLE_KINDS, DEFAULT_THRESHOLD_PRESET, LAUNCH_ITEM_KINDS } from '@libs/cycle/cycle-definition';
import { THRESHOLD_PRESET_NAMES } from '@libs/rules/thresholds';
import { all, api, ApiError, type Problem, type Schemas } from '../api';
import { CycleStatusTag, LoadError, useLoad } from '../common';
import { useI18n } from '../i18n';
import {
  CYCLE_KIND_LABELS,
  LAUNCH_ITEM_KIND_LABELS,
  cyclePath,
  cycleTitle,
  thresholdPresetLabel,
  type Cycle,
} from '../labels';
import { Link, useRouter } from '../router';
import type { Session } from '../session';

interface Plan {
  code: string;
  name: string;
  nameEn: string;
  baselineYear: number;
  endYear: number;
}

export function CyclesPage({ session }: { session: Session }) {
  const { t, lx, when } = useI18n();
  const [launching, setLaunching] = useState(false);
  const cycles = useLoad(() => all<Cycle>('/api/cycles'), []);
  // A plan by its name: its code is for the address bar and the command line.
  const plans = useLoad(() => all<{ code: string; name: string; nameEn: string }>('/api/plans'), []);
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

/** The launch request (the API's LaunchBody), its times as the date pickers hold them. */
type LaunchValues = Omit<Schemas['LaunchBody'], 'deadline' | 'hardClose'> & { deadline: Dayjs; hardClose: Dayjs };

function LaunchForm({ onLaunched }: { onLaunched(): void }) {
  const { t, lx } = useI18n();
  const { navigate } = useRouter();
  const plans = useLoad(() => all<Plan>('/api/plans'), []);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);
  const year = dayjs().year() - 1;
  const launch = async (v: LaunchValues) => {
    setBusy(true);
    setProblems([]);
    try {
      const body: Schemas['LaunchBody'] = {
        ...v,
        deadline: v.deadline.toISOString(),
        hardClose: v.hardClose.toISOString(),
      };
      const r = await api.post<{ cycleId: string }>('/api/cycles', body);
      onLaunched();
      navigate(cyclePath(r.cycleId));
    } catch (e) {
      setProblems(
        e instanceof ApiError
          ? e.details.length
            ? e.details
            : [{ zh: e.message, en: e.message }]
          : [{ zh: '发起失败，请稍后重试', en: 'The launch did not go through; try again' }],
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form<LaunchValues>
      layout="vertical"
      onFinish={(v) => void launch(v)}
      initialValues={{
        kind: 'annual',
        fromYear: year,
        toYear: year,
        itemKinds: [...LAUNCH_ITEM_KINDS],
        thresholdPreset: DEFAULT_THRESHOLD_PRESET,
        requireBureauAcceptance: false,
        deadline: dayjs().add(30, 'day').hour(18).minute(0),
        hardClose: dayjs().add(60, 'day').hour(18).minute(0),
      }}
    >
      <LoadError error={plans.error} />
      <Form.Item
        name="planCode"
        label={t('规划', 'Plan')}
        rules={[{ required: true, message: t('请选择规划', 'Choose a plan') }]}
      >
        <Select
          loading={plans.loading}
          options={(plans.data ?? []).map((p) => ({ value: p.code, label: lx({ zh: p.name, en: p.nameEn }) }))}
        />
      </Form.Item>
      <Form.Item name="kind" label={t('评估类型', 'Kind')}>
        <Select options={CYCLE_KINDS.map((value) => ({ value, label: lx(CYCLE_KIND_LABELS[value]) }))} />
      </Form.Item>
      <Space>
        <Form.Item name="fromYear" label={t('起始年份', 'From year')} rules={[{ required: true }]}>
          <InputNumber min={2000} max={2100} />
        </Form.Item>
        <Form.Item name="toYear" label={t('结束年份', 'To year')} rules={[{ required: true }]}>
          <InputNumber min={2000} max={2100} />
        </Form.Item>
      </Space>
      <Form.Item name="deadline" label={t('填报截止时间', 'Deadline')} rules={[{ required: true }]}>
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
      </Form.Item>
      <Form.Item
        name="hardClose"
        label={t('关闭时间（逾期未报的按未报处理）', 'Hard close (what is missing then stays missing)')}
        rules={[{ required: true }]}
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
      <Form.Item name="thresholdPreset" label={t('进度判定标准', 'Thresholds')}>
        <Select options={THRESHOLD_PRESET_NAMES.map((value) => ({ value, label: lx(thresholdPresetLabel(value)) }))} />
      </Form.Item>
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
      <Button type="primary" htmlType="submit" loading={busy}>
        {t('发起', 'Launch')}
      </Button>
    </Form>
  );
}
