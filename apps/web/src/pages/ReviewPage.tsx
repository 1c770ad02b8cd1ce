/**
 * The supervisor's queue: every submission waiting for review, beside last
 * year's value, the expected value and the target, with data-quality
 * warnings; approve or return each with a reason, or approve several at once.
 */
import { useState } from 'react';
import { Button, Card, Flex, Input, Modal, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { all, api, enc } from '../api';
import { LoadError, useAction, useCyclePicker, useLoad } from '../common';
import { useI18n } from '../i18n';
import {
  TASK_PROGRESS_LABELS,
  CONSTRUCTION_LABELS,
  RESERVE_STAGE_LABELS,
  SERVICE_IMPLEMENTATION_LABELS,
  itemLabel,
  itemPath,
} from '../labels';
import { Link } from '../router';
import type { Session } from '../session';
import type { ItemSummary } from './InboxPage';
import type { Guide } from './ItemPage';

interface Row extends ItemSummary {
  guide: Guide;
}

export function ReviewPage({ session }: { session: Session }) {
  const { t, lx } = useI18n();
  const act = useAction();
  const { cycle, picker, error } = useCyclePicker();
  const [selected, setSelected] = useState<string[]>([]);
  const [rejecting, setRejecting] = useState<Row | null>(null);
  const [reason, setReason] = useState('');
  const queue = useLoad(async () => {
    if (!cycle) return [];
    const items = await all<ItemSummary>(`/api/cycles/${enc(cycle.id)}/items?status=submitted`);
    return Promise.all(
      items.map(async (i) => ({
        ...i,
        guide: await api.get<Guide>(`/api/cycles/${enc(i.cycleId)}/items/${enc(i.itemKey)}/guide`),
      })),
    );
  }, [cycle?.id]);
  const rows = queue.data ?? [];
  const base = (r: Row) => `/api/cycles/${enc(r.cycleId)}/items/${enc(r.itemKey)}`;
  const after = () => {
    setSelected([]);
    queue.reload();
  };

  const approve = async (r: Row) =>
    (await act(
      () => api.post(`${base(r)}/review`, { decision: 'approve' }),
      t(`已通过：${r.title}`, `Approved: ${r.title}`),
    )) && after();
  const reject = async () => {
    if (!rejecting || !reason.trim()) return;
    if (
      await act(
        () => api.post(`${base(rejecting)}/review`, { decision: 'reject', reason: reason.trim() }),
        t('已退回填报人', 'Returned to the submitter'),
      )
    ) {
      setRejecting(null);
      setReason('');
      after();
    }
  };
  const bulkApprove = async () => {
    const chosen = rows.filter((r) => selected.includes(r.itemKey));
    const departments = [...new Set(chosen.map((r) => r.department))];
    const ok = await act(
      () =>
        Promise.all(
          departments.map((department) =>
            api.post(`/api/cycles/${enc(cycle!.id)}/reviews/bulk-approve`, {
              department,
              itemKeys: chosen.filter((r) => r.department === department).map((r) => r.itemKey),
            }),
          ),
        ),
      t(`已批量通过 ${chosen.length} 项`, `${chosen.length} approved`),
    );
    if (ok) after();
  };

  const shown = (r: Row): string => {
    const p = r.guide.latest;
    if (!p) return '—';
    if (p.kind === 'indicator')
      return typeof p.value === 'boolean'
        ? p.value
          ? t('已实现', 'achieved')
          : t('未实现', 'not achieved')
        : `${String(p.value)} ${r.guide.indicator?.unit ?? ''}`;
    if (p.kind === 'task') return lx(TASK_PROGRESS_LABELS[String(p.progress)]);
    if (p.kind === 'reserve') return lx(RESERVE_STAGE_LABELS[String(p.stage)]);
    if (p.kind === 'service') return lx(SERVICE_IMPLEMENTATION_LABELS[String(p.implementation)]);
    return `${String(p.investmentCumulative)} ${t('万元', '10k yuan')} · ${lx(CONSTRUCTION_LABELS[String(p.constructionStatus)])}`;
  };
  const figure = (r: Row, v: number | null | undefined) =>
    v === null || v === undefined ? '—' : `${v} ${r.guide.indicator?.unit ?? ''}`;

  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('待审核', 'Waiting for review')}
        </Typography.Title>
      }
      extra={picker}
    >
      <LoadError error={error ?? queue.error} />
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">
          {session.user.role === 'supervisor'
            ? t(
                '本部门提交的事项，审核通过后报送市统计局。',
                'Your department’s submissions; once approved they go to the bureau.',
              )
            : t('各部门提交的事项。', 'Submissions of every department.')}
        </Typography.Text>
        <Button type="primary" disabled={!selected.length} onClick={() => void bulkApprove()}>
          {t(`批量通过（${selected.length}）`, `Approve selected (${selected.length})`)}
        </Button>
      </Flex>
      <Table<Row>
        rowKey="itemKey"
        loading={queue.loading}
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) }}
        locale={{ emptyText: t('没有待审核的事项', 'Nothing waiting for review') }}
        columns={[
          {
            title: t('事项', 'Item'),
            key: 'item',
            render: (_, r) => (
              <>
                <Typography.Text type="secondary">{lx(itemLabel(r.kind, r.no))}</Typography.Text>
                <br />
                <Link to={itemPath(r.cycleId, r.itemKey)}>{r.title}</Link>
              </>
            ),
          },
          { title: t('本次填报', 'Submitted'), key: 'value', render: (_, r) => <strong>{shown(r)}</strong> },
          {
            title: t('上年值', 'Last year'),
            key: 'previous',
            render: (_, r) => figure(r, r.guide.indicator?.previous?.value),
          },
          {
            title: t('本年预期值', 'Expected'),
            key: 'expected',
            render: (_, r) => figure(r, r.guide.indicator?.expected),
          },
          {
            title: t('目标值', 'Target'),
            key: 'target',
            render: (_, r) => (r.guide.indicator ? lx(r.guide.indicator.target.text) : '—'),
          },
          {
            title: t('数据质量', 'Data quality'),
            key: 'warnings',
            render: (_, r) =>
              r.guide.warnings.length ? (
                r.guide.warnings.map((w) => (
                  <Tooltip key={w.rule} title={lx(w)}>
                    <Tag color="warning" tabIndex={0}>
                      {lx(w)}
                    </Tag>
                  </Tooltip>
                ))
              ) : (
                <Tag color="success">{t('未发现问题', 'no issues')}</Tag>
              ),
          },
          {
            title: t('操作', 'Action'),
            key: 'actions',
            width: 170,
            render: (_, r) => (
              <Space>
                <Button size="small" type="primary" onClick={() => void approve(r)}>
                  {t('通过', 'Approve')}
                </Button>
                <Button size="small" danger onClick={() => setRejecting(r)}>
                  {t('退回', 'Return')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={rejecting !== null}
        title={t(`退回：${rejecting?.title ?? ''}`, `Return: ${rejecting?.title ?? ''}`)}
        okText={t('退回', 'Return')}
        cancelText={t('取消', 'Cancel')}
        okButtonProps={{ danger: true, disabled: !reason.trim() }}
        onOk={() => void reject()}
        onCancel={() => setRejecting(null)}
        destroyOnHidden
      >
        <Typography.Paragraph>
          {t(
            '请写明退回原因，填报人将在邮件和系统中看到：',
            'Say why; the submitter reads it in the email and the portal:',
          )}
        </Typography.Paragraph>
        <Input.TextArea
          aria-label={t('退回原因', 'Reason')}
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={2000}
          autoFocus
        />
      </Modal>
    </Card>
  );
}
