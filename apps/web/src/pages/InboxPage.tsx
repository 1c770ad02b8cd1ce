/**
 * A department's items in a cycle, in two tabs: those it leads (我牵头的), what is
 * still to do first, with the deadline and each item's state; and those it
 * co-operates on (需我配合的), with the lead department and whether it has
 * contributed, each opening the item's page where the contribution form is.
 * Past the deadline it says how the department stands (未报, or 部分未报 once
 * some items are in), as the bureau's dashboard does.
 */
import { useState } from 'react';
import { Card, Flex, Segmented, Table, Tabs, Tag, Typography } from 'antd';
import type { WorkItemKind } from '@libs/cycle/cycle-definition';
import { all, api, enc, type Schemas } from '../api';
import { ItemStatusTag, LoadError, TimelinessTag, useCyclePicker, useLoad } from '../common';
import { useI18n } from '../i18n';
import { INBOX_ROLE_LABELS, ITEM_KIND_LABELS, itemLabel, itemPath } from '../labels';
import { Link, useRouter } from '../router';
import type { Session } from '../session';

type CooperationFields = 'leadDepartment' | 'contributed' | 'contributedAt';
/** An inbox row (`role=lead`): the item without what only a co-operating department's rows carry. */
export type ItemSummary = Omit<Schemas['InboxItemView'], CooperationFields>;
/** An item the department co-operates on (`role=cooperate`): its co-operation fields always there. */
export type CooperatingItem = ItemSummary & Required<Pick<Schemas['InboxItemView'], CooperationFields>>;

type Role = keyof typeof INBOX_ROLE_LABELS;

/** A department's line of the cycle's overview: its items submitted at least once and its timeliness. */
type DepartmentStanding = Schemas['DepartmentProgressView'];

const TODO = ['assigned', 'draft', 'returned'];

export function InboxPage({ session }: { session: Session }) {
  const { t, lx, when } = useI18n();
  const { path, search, navigate } = useRouter();
  const { cycle, picker, error } = useCyclePicker();
  const [filter, setFilter] = useState<'todo' | 'all'>('todo');
  // The tab lives in the address, so coming back from an item returns to it.
  const role: Role = search.get('tab') === 'cooperate' ? 'cooperate' : 'lead';
  const showTab = (next: string) => {
    const query = new URLSearchParams(search);
    if (next === 'cooperate') query.set('tab', next);
    else query.delete('tab');
    navigate(query.toString() ? `${path}?${query}` : path, { replace: true });
  };
  const list = cycle ? `/api/cycles/${enc(cycle.id)}/items` : null;
  const led = useLoad(async () => (list ? all<ItemSummary>(list) : []), [list]);
  const cooperating = useLoad(async () => (list ? all<CooperatingItem>(`${list}?role=cooperate`) : []), [list]);
  const ledRows = (led.data ?? []).filter(
    (i) =>
      filter === 'all' || TODO.includes(i.status) || (session.user.role === 'supervisor' && i.status === 'submitted'),
  );
  const cooperatingRows = (cooperating.data ?? []).filter((i) => filter === 'all' || !i.contributed);
  const { department } = session.user;
  const standing = useLoad(async () => {
    if (!cycle || !department) return null;
    const overview = await api.get<{ departments: DepartmentStanding[] }>(`/api/cycles/${enc(cycle.id)}/overview`);
    return overview.departments.find((d) => d.department === department) ?? null;
  }, [cycle?.id, department]);
  const judged = standing.data && standing.data.timeliness !== 'pending' ? standing.data : null;
  const overdue = cycle && cycle.status === 'running' && Date.parse(cycle.deadline) < Date.now();
  const count = (n: number | undefined) => (n === undefined ? '' : ` (${n})`);
  const itemColumns = {
    no: {
      title: t('编号', 'No.'),
      key: 'no',
      width: 120,
      render: (_: unknown, i: ItemSummary) => lx(itemLabel(i.kind, i.no)),
    },
    title: {
      title: t('事项', 'Item'),
      dataIndex: 'title',
      render: (title: string, i: ItemSummary) => <Link to={itemPath(i.cycleId, i.itemKey)}>{title}</Link>,
    },
    kind: {
      title: t('类型', 'Kind'),
      dataIndex: 'kind',
      width: 110,
      render: (k: WorkItemKind) => lx(ITEM_KIND_LABELS[k]),
    },
    status: {
      title: t('状态', 'State'),
      dataIndex: 'status',
      width: 120,
      render: (s: string) => <ItemStatusTag status={s} />,
    },
  };
  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('本部门事项', 'Our items')}
        </Typography.Title>
      }
      extra={picker}
    >
      <LoadError error={error ?? (role === 'lead' ? led.error : cooperating.error)} />
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 12 }}>
        <span>
          {t('截止时间', 'Deadline')}：<strong>{when(cycle?.deadline)}</strong>{' '}
          {overdue ? <Tag color="error">{t('已逾期', 'overdue')}</Tag> : null}
          {judged ? (
            <>
              {' '}
              {t('本部门报送情况', 'Our department')}：
              <TimelinessTag timeliness={judged.timeliness} submitted={judged.submitted} />
            </>
          ) : null}
        </span>
        <Segmented
          aria-label={t('显示', 'Show')}
          value={filter}
          onChange={(v) => setFilter(v as 'todo' | 'all')}
          options={[
            { value: 'todo', label: t('待办', 'To do') },
            { value: 'all', label: t('全部', 'All') },
          ]}
        />
      </Flex>
      <Tabs
        activeKey={role}
        onChange={showTab}
        items={[
          {
            key: 'lead',
            label: `${lx(INBOX_ROLE_LABELS.lead)}${count(led.data?.length)}`,
            children: (
              <Table<ItemSummary>
                rowKey="itemKey"
                size="middle"
                loading={led.loading}
                dataSource={ledRows}
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                locale={{
                  emptyText: filter === 'todo' ? t('没有待办事项', 'Nothing to do') : t('没有事项', 'No items'),
                }}
                columns={[
                  itemColumns.no,
                  itemColumns.title,
                  itemColumns.kind,
                  itemColumns.status,
                  { title: t('版本', 'Version'), dataIndex: 'version', width: 80 },
                  {
                    title: t('更新时间', 'Updated'),
                    dataIndex: 'updatedAt',
                    width: 180,
                    render: (v: string) => when(v),
                  },
                ]}
              />
            ),
          },
          {
            key: 'cooperate',
            label: `${lx(INBOX_ROLE_LABELS.cooperate)}${count(cooperating.data?.length)}`,
            children: (
              <Table<CooperatingItem>
                rowKey="itemKey"
                size="middle"
                loading={cooperating.loading}
                dataSource={cooperatingRows}
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                locale={{
                  emptyText:
                    filter === 'todo'
                      ? t('没有待提供配合意见的事项', 'No item is waiting for your contribution')
                      : t('本轮没有需要本部门配合的事项', 'No item asks for your department’s contribution'),
                }}
                columns={[
                  itemColumns.no,
                  itemColumns.title,
                  {
                    title: t('牵头单位', 'Lead department'),
                    key: 'lead',
                    width: 240,
                    render: (_, i) => lx(i.leadDepartment),
                  },
                  itemColumns.status,
                  {
                    title: t('配合意见', 'Contribution'),
                    key: 'contributed',
                    width: 230,
                    render: (_, i) =>
                      i.contributed ? (
                        <span>
                          <Tag color="success">{t('已提供', 'contributed')}</Tag>
                          {when(i.contributedAt)}
                        </span>
                      ) : (
                        <Tag color="warning">{t('未提供', 'not yet')}</Tag>
                      ),
                  },
                ]}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}
