/**
 * The supervisor's queue, judged (GET …/reviews): each submission waiting for
 * review against the expected path as the report will judge it, its 约束性,
 * the change from the last approved value, the reasons and measures given,
 * the evidence attached and data-quality warnings; binding indicators behind
 * the path come first. Approve or return each with a reason, or approve
 * several at once: offered only to whoever may review (a viewer reads).
 */
import { useState } from 'react';
import { Button, Card, Flex, Input, Modal, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { Submission } from '@libs/cycle/submission';
import { isBehind } from '@libs/rules/cycle-judgement';
import { all, api, enc, type Schemas } from '../api';
import { LoadError, useAction, useCyclePicker, useLoad } from '../common';
import { useI18n } from '../i18n';
import {
  CONSTRUCTION_LABELS,
  PROGRESS_STATUS_COLORS,
  PROGRESS_STATUS_LABELS,
  RESERVE_STAGE_LABELS,
  SERVICE_IMPLEMENTATION_LABELS,
  TASK_PROGRESS_LABELS,
  itemLabel,
  itemPath,
} from '../labels';
import { Link } from '../router';
import { may, type Session } from '../session';

/**
 * One row of the judged queue, as GET /api/cycles/:id/reviews answers it; the
 * payload (free-form in the document: its shape follows the item kind) as libs/cycle/submission types it.
 */
type ReviewRow = Omit<Schemas['ReviewRowView'], 'payload'> & { payload: Submission };

export function ReviewPage({ session }: { session: Session }) {
  const { t, lx } = useI18n();
  const act = useAction();
  const { cycle, picker, error } = useCyclePicker();
  const [selected, setSelected] = useState<string[]>([]);
  const [rejecting, setRejecting] = useState<ReviewRow | null>(null);
  const [reason, setReason] = useState('');
  const queue = useLoad(async () => (cycle ? all<ReviewRow>(`/api/cycles/${enc(cycle.id)}/reviews`) : []), [cycle?.id]);
  const rows = queue.data ?? [];
  const canReview = (r: ReviewRow) =>
    may(session.user, 'item:review', { department: r.department, cycleId: r.cycleId, itemKey: r.itemKey });
  const reviewing = rows.some(canReview);
  const base = (r: ReviewRow) => `/api/cycles/${enc(r.cycleId)}/items/${enc(r.itemKey)}`;
  const after = () => {
    setSelected([]);
    queue.reload();
  };

  const approve = async (r: ReviewRow) =>
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

  /** A project's figures are 万元; an indicator's are in its unit. */
  const figure = (r: ReviewRow, v: number | boolean) =>
    typeof v === 'boolean'
      ? v
        ? t('已实现', 'achieved')
        : t('未实现', 'not achieved')
      : `${v} ${r.unit ?? (r.kind === 'project' ? t('万元', '10k yuan') : '')}`.trim();
  const shown = (r: ReviewRow): string => {
    const p = r.payload;
    if (p.kind === 'indicator') return figure(r, p.value);
    if (p.kind === 'task') return lx(TASK_PROGRESS_LABELS[p.progress]);
    if (p.kind === 'reserve') return lx(RESERVE_STAGE_LABELS[p.stage]);
    if (p.kind === 'service') return lx(SERVICE_IMPLEMENTATION_LABELS[p.implementation]);
    return `${figure(r, p.investmentCumulative)} · ${lx(CONSTRUCTION_LABELS[p.constructionStatus])}`;
  };
  const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '±0');

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
                '本部门提交的事项，按对照进度研判排列（落后于进度的约束性指标在前），审核通过后报送市统计局。',
                'Your department’s submissions, judged against the path (binding indicators behind it first); once approved they go to the bureau.',
              )
            : t(
                '各部门提交的事项，按对照进度研判排列（落后于进度的约束性指标在前）。',
                'Submissions of every department, judged against the path (binding indicators behind it first).',
              )}
        </Typography.Text>
        {reviewing ? (
          <Button type="primary" disabled={!selected.length} onClick={() => void bulkApprove()}>
            {t(`批量通过（${selected.length}）`, `Approve selected (${selected.length})`)}
          </Button>
        ) : null}
      </Flex>
      <Table<ReviewRow>
        rowKey="itemKey"
        loading={queue.loading}
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        rowSelection={
          reviewing
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys as string[]),
                getCheckboxProps: (r) => ({ disabled: !canReview(r) }),
              }
            : undefined
        }
        locale={{ emptyText: t('没有待审核的事项', 'Nothing waiting for review') }}
        columns={[
          {
            title: t('事项', 'Item'),
            key: 'item',
            render: (_, r) => (
              <>
                <Typography.Text type="secondary">{lx(itemLabel(r.kind, r.no))}</Typography.Text>{' '}
                {r.binding ? <Tag color="red">{t('约束性', 'binding')}</Tag> : null}
                <br />
                <Link to={itemPath(r.cycleId, r.itemKey)}>{r.title}</Link>
              </>
            ),
          },
          { title: t('本次填报', 'Submitted'), key: 'value', render: (_, r) => <strong>{shown(r)}</strong> },
          {
            title: t('对照进度', 'Against the path'),
            key: 'status',
            render: (_, r) =>
              r.status ? (
                <>
                  <Tag color={PROGRESS_STATUS_COLORS[r.status]}>{lx(PROGRESS_STATUS_LABELS[r.status])}</Tag>
                  {r.expected !== null ? (
                    <div>
                      <Typography.Text type="secondary">
                        {t('本年预期', 'Expected')} {figure(r, r.expected)}
                      </Typography.Text>
                    </div>
                  ) : null}
                  {r.target ? (
                    <div>
                      <Typography.Text type="secondary">
                        {t('目标', 'Target')} {lx(r.target)}
                      </Typography.Text>
                    </div>
                  ) : null}
                </>
              ) : (
                '—'
              ),
          },
          {
            title: t('上次审核值 → 变化', 'Last approved → change'),
            key: 'previous',
            render: (_, r) =>
              r.previous ? (
                <>
                  {figure(r, r.previous.value)}
                  <Typography.Text type="secondary">
                    {t(`（${r.previous.year}年）`, ` (${r.previous.year})`)}
                  </Typography.Text>
                  {r.change !== null ? (
                    <div>
                      →{' '}
                      <Typography.Text strong type={r.status && isBehind(r.status) ? 'danger' : undefined}>
                        {signed(r.change)}
                      </Typography.Text>
                    </div>
                  ) : null}
                </>
              ) : (
                '—'
              ),
          },
          {
            title: t('原因分析和措施', 'Reasons and measures'),
            key: 'reasons',
            width: 260,
            render: (_, r) =>
              r.reasons || r.measures ? (
                <>
                  {r.reasons ? (
                    <Typography.Paragraph ellipsis={{ rows: 2, tooltip: r.reasons }} style={{ margin: 0 }}>
                      {r.measures ? t('原因：', 'Reasons: ') : null}
                      {r.reasons}
                    </Typography.Paragraph>
                  ) : null}
                  {r.measures ? (
                    <Typography.Paragraph ellipsis={{ rows: 2, tooltip: r.measures }} style={{ margin: 0 }}>
                      {t('措施：', 'Measures: ')}
                      {r.measures}
                    </Typography.Paragraph>
                  ) : null}
                </>
              ) : r.status && isBehind(r.status) ? (
                <Tag color="warning">{t('未说明', 'none given')}</Tag>
              ) : (
                '—'
              ),
          },
          {
            title: t('佐证材料', 'Evidence'),
            key: 'evidence',
            width: 90,
            render: (_, r) => t(`${r.evidence} 份`, String(r.evidence)),
          },
          {
            title: t('数据质量', 'Data quality'),
            key: 'warnings',
            render: (_, r) =>
              r.warnings.length
                ? r.warnings.map((w) => (
                    <Tooltip key={w.rule} title={lx(w)}>
                      <Tag color="warning" tabIndex={0}>
                        {lx(w)}
                      </Tag>
                    </Tooltip>
                  ))
                : '—',
          },
          ...(reviewing
            ? [
                {
                  title: t('操作', 'Action'),
                  key: 'actions',
                  width: 150,
                  render: (_: unknown, r: ReviewRow) =>
                    canReview(r) ? (
                      <Space>
                        <Button size="small" type="primary" onClick={() => void approve(r)}>
                          {t('通过', 'Approve')}
                        </Button>
                        <Button size="small" danger onClick={() => setRejecting(r)}>
                          {t('退回', 'Return')}
                        </Button>
                      </Space>
                    ) : null,
                },
              ]
            : []),
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
