/**
 * The basic public service items (专栏2) of a plan and the department that
 * reports each. The plan names none: the bureau picks them here before a
 * launch (which refuses items left unassigned); everyone else reads them.
 * Changes are kept on the page until saved, then sent at once (all or none).
 */
import { useState } from 'react';
import { Alert, Button, Flex, Select, Table, Tag, Typography } from 'antd';
import { all, api, enc, type Schemas } from '../api';
import { LoadError, useAction, useLoad } from '../common';
import { useI18n } from '../i18n';

type ServiceItem = Schemas['ServiceItemView'];

export function ServiceAssignments({ plan, canAssign }: { plan: string; canAssign: boolean }) {
  const { t, lx } = useI18n();
  const act = useAction();
  const items = useLoad(
    async () => (await api.get<Schemas['ServiceItemsView']>(`/api/plans/${enc(plan)}/service-items`)).items,
    [plan],
  );
  const departments = useLoad(
    async () =>
      canAssign ? (await all<Schemas['DepartmentView']>('/api/departments')).filter((d) => d.kind !== 'group') : [],
    [canAssign],
  );
  /** Unsaved choices, by item number: a department code, or null to withdraw. */
  const [edits, setEdits] = useState<Record<number, string | null>>({});
  const current = (i: ServiceItem) => (i.no in edits ? edits[i.no] : (i.department?.code ?? null));
  const unassigned = (items.data ?? []).filter((i) => current(i) === null).length;
  const changed = Object.keys(edits).length;

  const save = async () => {
    const assignments = Object.entries(edits).map(([no, department]) => ({ no: Number(no), department }));
    if (
      await act(
        () => api.put(`/api/plans/${enc(plan)}/service-items/departments`, { assignments }),
        t('责任单位已保存', 'Departments saved'),
      )
    ) {
      setEdits({});
      items.reload();
    }
  };

  return (
    <>
      <LoadError error={items.error ?? departments.error} />
      <Flex gap={12} align="center" wrap style={{ marginBottom: 12 }}>
        <Typography.Text>
          {t(
            `共 ${items.data?.length ?? 0} 项，未指定责任单位 ${unassigned} 项`,
            `${items.data?.length ?? 0} items, ${unassigned} without a department`,
          )}
        </Typography.Text>
        {canAssign ? (
          <>
            <Button type="primary" disabled={changed === 0} onClick={() => void save()}>
              {t(`保存（${changed} 项更改）`, `Save (${changed} changed)`)}
            </Button>
            <Button disabled={changed === 0} onClick={() => setEdits({})}>
              {t('放弃更改', 'Discard changes')}
            </Button>
          </>
        ) : null}
      </Flex>
      {canAssign && unassigned > 0 ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t(
            '规划未列明基本公共服务项目的责任单位：请逐项指定。发起评估时，未指定的项目将被逐一列出，发起被拒绝（或不选“基本公共服务”）。',
            'The plan names no department for its basic service items: assign each. A launch lists every item left unassigned and is refused (or leave basic services out).',
          )}
        />
      ) : null}
      <Table<ServiceItem>
        size="small"
        rowKey="no"
        loading={items.loading}
        dataSource={items.data ?? []}
        pagination={{ pageSize: 100, hideOnSinglePage: true }}
        columns={[
          { title: t('序号', 'No.'), dataIndex: 'no', width: 60 },
          { title: t('服务领域', 'Area'), dataIndex: 'area', width: 120 },
          { title: t('服务项目', 'Item'), dataIndex: 'name' },
          {
            title: t('责任单位', 'Department'),
            key: 'department',
            width: 280,
            render: (_, i) =>
              canAssign ? (
                <Select
                  aria-label={t(`服务项目${i.no}的责任单位`, `Department for item ${i.no}`)}
                  style={{ width: '100%' }}
                  showSearch
                  allowClear
                  optionFilterProp="label"
                  placeholder={t('未指定', 'Not assigned')}
                  value={current(i)}
                  onChange={(code?: string) => setEdits((e) => ({ ...e, [i.no]: code ?? null }))}
                  options={(departments.data ?? []).map((d) => ({
                    value: d.code,
                    label: lx({ zh: d.name, en: d.nameEn }),
                  }))}
                />
              ) : i.department ? (
                lx({ zh: i.department.name, en: i.department.nameEn })
              ) : (
                <Tag color="warning">{t('未指定', 'Not assigned')}</Tag>
              ),
          },
        ]}
      />
    </>
  );
}
