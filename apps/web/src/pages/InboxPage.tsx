/** A department's items in a cycle: what is still to do first, with the deadline and each item's state. */
import { useState } from 'react';
import { Card, Flex, Segmented, Table, Tag, Typography } from 'antd';
import { all, enc } from '../api';
import { ItemStatusTag, LoadError, useCyclePicker, useLoad } from '../common';
import { useI18n } from '../i18n';
import { ITEM_KIND_LABELS, itemLabel, itemPath } from '../labels';
import { Link } from '../router';
import type { Session } from '../session';

export interface ItemSummary {
  cycleId: string;
  itemKey: string;
  kind: 'indicator' | 'task' | 'project';
  no: number;
  title: string;
  department: string;
  coDepartments: string[];
  status: string;
  version: number;
  updatedAt: string;
}

const TODO = ['assigned', 'draft', 'returned'];

export function InboxPage({ session }: { session: Session }) {
  const { t, lx, when } = useI18n();
  const { cycle, picker, error } = useCyclePicker();
  const [filter, setFilter] = useState<'todo' | 'all'>('todo');
  const items = useLoad(async () => (cycle ? all<ItemSummary>(`/api/cycles/${enc(cycle.id)}/items`) : []), [cycle?.id]);
  const rows = (items.data ?? []).filter((i) => filter === 'all' || TODO.includes(i.status) || (session.user.role === 'supervisor' && i.status === 'submitted'));
  const overdue = cycle && cycle.status === 'running' && Date.parse(cycle.deadline) < Date.now();
  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('本部门事项', 'Our items')}
        </Typography.Title>
      }
      extra={picker}
    >
      <LoadError error={error ?? items.error} />
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 12 }}>
        <span>
          {t('截止时间', 'Deadline')}：<strong>{when(cycle?.deadline)}</strong> {overdue ? <Tag color="error">{t('已逾期', 'overdue')}</Tag> : null}
        </span>
        <Segmented
          aria-label={t('显示', 'Show')}
          value={filter}
          onChange={(v) => setFilter(v as 'todo' | 'all')}
          options={[{ value: 'todo', label: t('待办', 'To do') }, { value: 'all', label: t('全部', 'All') }]}
        />
      </Flex>
      <Table<ItemSummary>
        rowKey="itemKey"
        size="middle"
        loading={items.loading}
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: filter === 'todo' ? t('没有待办事项', 'Nothing to do') : t('没有事项', 'No items') }}
        columns={[
          { title: t('编号', 'No.'), key: 'no', width: 120, render: (_, i) => lx(itemLabel(i.kind, i.no)) },
          { title: t('事项', 'Item'), dataIndex: 'title', render: (title: string, i) => <Link to={itemPath(i.cycleId, i.itemKey)}>{title}</Link> },
          { title: t('类型', 'Kind'), dataIndex: 'kind', width: 110, render: (k: string) => lx(ITEM_KIND_LABELS[k]) },
          { title: t('状态', 'State'), dataIndex: 'status', width: 120, render: (s: string) => <ItemStatusTag status={s} /> },
          { title: t('版本', 'Version'), dataIndex: 'version', width: 80 },
          { title: t('更新时间', 'Updated'), dataIndex: 'updatedAt', width: 180, render: (v: string) => when(v) },
        ]}
      />
    </Card>
  );
}
