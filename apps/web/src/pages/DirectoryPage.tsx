/**
 * The department directory with each unit's submitter and supervisor, and the
 * departments each group (部门组) stands for; the bureau edits contacts and
 * resolves groups (audited), and every launch starts from what is kept here.
 */
import { useState } from 'react';
import { Button, Card, Form, Input, Modal, Radio, Select, Table, Typography } from 'antd';
import { all, api, enc, type Schemas } from '../api';
import { LoadError, useAction, useLoad } from '../common';
import { useI18n } from '../i18n';
import type { Session } from '../session';

/** A contact as the API takes it (ContactBody) and answers it; a department's two roles (DelegationBody's). */
type Contact = Required<Schemas['ContactBody']>;
type ContactRole = Schemas['DelegationBody']['role'];

/** A group's `members` are department codes, empty while it is resolved at each launch. */
type Department = Schemas['DepartmentView'];

const KIND_LABELS: Record<Department['kind'], { zh: string; en: string }> = {
  city_bureau: { zh: '市直部门', en: 'City bureau' },
  county_government: { zh: '县（区）政府', en: 'County government' },
  county_bureau: { zh: '县级部门', en: 'County bureau' },
  institution: { zh: '事业单位', en: 'Institution' },
  group: { zh: '部门组', en: 'Group' },
};

export function DirectoryPage({ session }: { session: Session }) {
  const { t, lx } = useI18n();
  const act = useAction();
  const [q, setQ] = useState('');
  const departments = useLoad(() => all<Department>(`/api/departments${q ? `?q=${enc(q)}` : ''}`), [q]);
  const [editing, setEditing] = useState<{ department: Department; role: ContactRole } | null>(null);
  const [form] = Form.useForm<Contact & { role: ContactRole }>();
  const [resolving, setResolving] = useState<Department | null>(null);
  const admin = session.user.role === 'admin';
  // The group's choices are every concrete unit, searched or not.
  const units = useLoad(() => all<Department>('/api/departments'), []);
  const nameOf = (code: string) => {
    const d = units.data?.find((u) => u.code === code);
    return d ? lx({ zh: d.name, en: d.nameEn }) : code;
  };
  const edit = (department: Department, role: ContactRole) => {
    setEditing({ department, role });
    form.setFieldsValue({ role, ...(department[role] ?? { name: '', email: '', locale: 'zh-CN' }) });
  };
  const save = async () => {
    const v = await form.validateFields();
    if (
      await act(
        () =>
          api.put(`/api/departments/${enc(editing!.department.code)}/contacts/${v.role}`, {
            name: v.name,
            email: v.email,
            locale: v.locale,
          }),
        t('联系人已更新', 'Contact updated'),
      )
    ) {
      setEditing(null);
      departments.reload();
    }
  };
  const members = (g: Department) => (
    <>
      {g.members?.length ? (
        g.members.map(nameOf).join(t('、', ', '))
      ) : (
        <Typography.Text type="warning">
          {t('未指定（每次发起时指定）', 'not resolved (chosen at each launch)')}
        </Typography.Text>
      )}
      {admin ? (
        <Button
          size="small"
          type="link"
          onClick={() => setResolving(g)}
          aria-label={t(`指定${g.name}的部门`, `Resolve ${g.nameEn}`)}
        >
          {t('指定部门', 'Resolve')}
        </Button>
      ) : null}
    </>
  );
  const contact = (d: Department, role: ContactRole) => {
    if (d.kind === 'group') return role === 'submitter' ? members(d) : null;
    const c = d[role];
    return (
      <>
        {c ? (
          <>
            {c.name}
            <br />
            <Typography.Text type="secondary">{c.email}</Typography.Text>
          </>
        ) : (
          <Typography.Text type="danger">{t('未设置', 'not set')}</Typography.Text>
        )}
        {admin ? (
          <Button
            size="small"
            type="link"
            onClick={() => edit(d, role)}
            aria-label={t(`修改${d.name}${role === 'submitter' ? '填报人' : '审核人'}`, `Edit ${d.nameEn} ${role}`)}
          >
            {t('修改', 'Edit')}
          </Button>
        ) : null}
      </>
    );
  };
  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('部门名录', 'Departments')}
        </Typography.Title>
      }
      extra={
        <Input.Search
          allowClear
          aria-label={t('搜索部门', 'Search departments')}
          placeholder={t('名称或代码', 'Name or code')}
          onSearch={setQ}
          style={{ width: 260 }}
        />
      }
    >
      <LoadError error={departments.error} />
      <Table<Department>
        size="small"
        rowKey="code"
        loading={departments.loading}
        dataSource={departments.data ?? []}
        pagination={{ pageSize: 30, hideOnSinglePage: true }}
        columns={[
          { title: t('部门', 'Department'), key: 'name', render: (_, d) => lx({ zh: d.name, en: d.nameEn }) },
          { title: t('代码', 'Code'), dataIndex: 'code', width: 200 },
          {
            title: t('类型', 'Kind'),
            dataIndex: 'kind',
            width: 120,
            render: (k: Department['kind']) => lx(KIND_LABELS[k]),
          },
          {
            title: t('填报人（部门组：所含部门）', 'Submitter (a group: its departments)'),
            key: 'submitter',
            onCell: (d) => ({ colSpan: d.kind === 'group' ? 2 : 1 }),
            render: (_, d) => contact(d, 'submitter'),
          },
          {
            title: t('审核人', 'Supervisor'),
            key: 'supervisor',
            onCell: (d) => ({ colSpan: d.kind === 'group' ? 0 : 1 }),
            render: (_, d) => contact(d, 'supervisor'),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing ? lx({ zh: editing.department.name, en: editing.department.nameEn }) : ''}
        okText={t('保存', 'Save')}
        cancelText={t('取消', 'Cancel')}
        onOk={() => void save()}
        onCancel={() => setEditing(null)}
        forceRender
      >
        <Form form={form} layout="vertical">
          <Form.Item name="role" label={t('角色', 'Role')}>
            <Radio.Group
              options={[
                { value: 'submitter', label: t('填报人', 'Submitter') },
                { value: 'supervisor', label: t('审核人', 'Supervisor') },
              ]}
              onChange={(e) => editing && edit(editing.department, e.target.value as ContactRole)}
            />
          </Form.Item>
          <Form.Item
            name="name"
            label={t('姓名', 'Name')}
            rules={[{ required: true, whitespace: true, message: t('请填写姓名', 'Enter the name') }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            name="email"
            label={t('邮箱', 'Email')}
            rules={[{ required: true, type: 'email', message: t('请填写有效邮箱', 'Enter a valid email') }]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="locale" label={t('通知语言', 'Notice language')}>
            <Select
              options={[
                { value: 'zh-CN', label: '中文' },
                { value: 'en', label: 'English' },
              ]}
            />
          </Form.Item>
        </Form>
      </Modal>
      <GroupMembers
        group={resolving}
        units={(units.data ?? []).filter((u) => u.kind !== 'group')}
        onClose={(saved) => {
          setResolving(null);
          if (saved) {
            departments.reload();
            units.reload();
          }
        }}
      />
    </Card>
  );
}

/** The departments a group stands for, kept for every launch (a launch may still choose others for its own cycle). */
function GroupMembers({
  group,
  units,
  onClose,
}: {
  group: Department | null;
  units: Department[];
  onClose(saved: boolean): void;
}) {
  const { t, lx } = useI18n();
  const act = useAction();
  const [form] = Form.useForm<{ members: string[] }>();
  const save = async () => {
    const { members } = await form.validateFields();
    if (
      await act(
        () => api.put(`/api/departments/${enc(group!.code)}/members`, { members: members ?? [] }),
        t('部门组已指定', 'Group resolved'),
      )
    )
      onClose(true);
  };
  return (
    <Modal
      open={group !== null}
      title={group ? lx({ zh: group.name, en: group.nameEn }) : ''}
      okText={t('保存', 'Save')}
      cancelText={t('取消', 'Cancel')}
      onOk={() => void save()}
      onCancel={() => onClose(false)}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={{ members: group?.members ?? [] }}>
        <Form.Item
          name="members"
          label={t('所含部门', 'Its departments')}
          extra={t('清空后，每次发起评估时再指定', 'Left empty, the group is resolved at each launch instead')}
        >
          <Select
            mode="multiple"
            allowClear
            aria-label={t('所含部门', 'Its departments')}
            showSearch={{ optionFilterProp: 'label' }}
            options={units.map((u) => ({ value: u.code, label: lx({ zh: u.name, en: u.nameEn }) }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
