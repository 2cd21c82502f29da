import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Modal, Switch, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/query-error';
import { useAdminDepartments, useDepartmentKinds, useRestoreDepartment, useRetireDepartment } from '@/features/admin/api/departments';
import { DepartmentFormDrawer, type DepartmentEditing } from '@/features/admin/components/department-form-drawer';
import { retireBlockers, type BlockerGroup } from '@/features/admin/lib/departments';
import type { AdminDepartment } from '@/lib/api-types';
import { describeApiError } from '@/lib/http';
import { localName } from '@/lib/i18n';

/** 部门: every department with its kind, jurisdiction, phones and open cases; create, edit, retire, restore. */
export function DepartmentsTab() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { message } = App.useApp();
  const departments = useAdminDepartments();
  const kinds = useDepartmentKinds();
  const retire = useRetireDepartment();
  const restore = useRestoreDepartment();
  const [editing, setEditing] = useState<DepartmentEditing | null>(null);
  const [showRetired, setShowRetired] = useState(false);
  const [refusal, setRefusal] = useState<{ department: AdminDepartment; groups: BlockerGroup[] | null; text: string } | null>(null);

  const all = useMemo(() => departments.data ?? [], [departments.data]);
  const names = useMemo(() => new Map(all.map((d) => [d.key, localName(language, d.nameZh, d.nameEn)])), [all, language]);
  const kindName = useMemo(() => {
    const labels = new Map((kinds.data ?? []).map((kind) => [kind.code, localName(language, kind.nameZh, kind.nameEn)]));
    return (code: string) => labels.get(code) ?? code;
  }, [kinds.data, language]);
  const shown = showRetired ? all : all.filter((department) => !department.retired);

  const onRetire = (department: AdminDepartment) => {
    Modal.confirm({
      title: t('departments.retire.confirmTitle', { name: names.get(department.key) }),
      content: t('departments.retire.confirmBody'),
      okText: t('departments.retire.ok'),
      okButtonProps: { danger: true, ...({ 'data-testid': 'department-retire-ok' } as Record<string, string>) },
      cancelText: t('common.cancel'),
      onOk: () =>
        retire.mutateAsync({ key: department.key, version: department.version }).then(
          () => void message.success(t('departments.retire.done', { name: names.get(department.key) })),
          (error: unknown) => setRefusal({ department, groups: retireBlockers(error), text: describeApiError(error) }),
        ),
    });
  };

  const onRestore = (department: AdminDepartment) =>
    restore.mutate(
      { key: department.key, version: department.version },
      {
        onSuccess: () => void message.success(t('departments.restore.done', { name: names.get(department.key) })),
        onError: (error) => void message.error(describeApiError(error)),
      },
    );

  const columns: ColumnsType<AdminDepartment> = [
    {
      key: 'name',
      title: t('departments.columns.name'),
      render: (_, department) => (
        <Flex vertical gap={2}>
          <span data-testid={`department-name-${department.key}`}>
            {localName(language, department.nameZh, department.nameEn)}{' '}
            {department.retired ? <Tag data-testid={`department-retired-${department.key}`}>{t('departments.retiredTag')}</Tag> : null}
          </span>
          <Typography.Text type="secondary" code>
            {department.key}
          </Typography.Text>
          {department.parentKey ? (
            <Typography.Text type="secondary">{t('departments.subUnitOf', { name: names.get(department.parentKey) ?? department.parentKey })}</Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    { key: 'kind', title: t('departments.columns.kind'), width: 130, render: (_, department) => kindName(department.kind) },
    {
      key: 'jurisdiction',
      title: t('departments.columns.jurisdiction'),
      width: 180,
      responsive: ['md'],
      render: (_, department) => (
        <Flex gap={4} wrap>
          {department.jurisdictionCodes.map((code) => (
            <Tag key={code}>{code}</Tag>
          ))}
        </Flex>
      ),
    },
    {
      key: 'phones',
      title: t('departments.columns.phones'),
      width: 170,
      responsive: ['lg'],
      render: (_, department) => (
        <Flex vertical>
          {department.contactPhone ? <span>{t('departments.contact', { phone: department.contactPhone })}</span> : null}
          {department.dutyPhone ? <span>{t('departments.duty', { phone: department.dutyPhone })}</span> : null}
        </Flex>
      ),
    },
    {
      key: 'open',
      title: t('departments.columns.open'),
      width: 90,
      render: (_, department) => (
        <span data-testid={`department-open-${department.key}`}>
          {department.openCases}
          {department.assistingCases > 0 ? ` + ${department.assistingCases}` : ''}
        </span>
      ),
    },
    {
      key: 'actions',
      title: t('departments.columns.actions'),
      width: 150,
      render: (_, department) => (
        <Flex gap={4} wrap>
          <Button size="small" onClick={() => setEditing({ mode: 'edit', department })} data-testid={`department-edit-${department.key}`}>
            {t('departments.edit')}
          </Button>
          {department.retired ? (
            <Button size="small" onClick={() => onRestore(department)} data-testid={`department-restore-${department.key}`}>
              {t('departments.restore.button')}
            </Button>
          ) : (
            <Button size="small" danger onClick={() => onRetire(department)} data-testid={`department-retire-${department.key}`}>
              {t('departments.retire.button')}
            </Button>
          )}
        </Flex>
      ),
    },
  ];

  return (
    <Flex vertical gap={12} data-testid="departments-tab">
      <Flex gap={12} wrap align="center" justify="space-between">
        <Flex gap={8} align="center">
          <Switch checked={showRetired} onChange={setShowRetired} size="small" data-testid="departments-show-retired" />
          <span>{t('departments.showRetired')}</span>
        </Flex>
        <Flex gap={8}>
          <Button icon={<ReloadOutlined />} onClick={() => void departments.refetch()} loading={departments.isFetching}>
            {t('common.refresh')}
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ mode: 'create' })} data-testid="department-new">
            {t('departments.new')}
          </Button>
        </Flex>
      </Flex>
      {departments.isError ? (
        <QueryError error={departments.error} onRetry={() => void departments.refetch()} />
      ) : (
        <Table<AdminDepartment>
          rowKey="key"
          size="small"
          columns={columns}
          dataSource={shown}
          loading={departments.isPending}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          rowClassName={(department) => (department.retired ? 'department-row--retired' : '')}
        />
      )}
      <DepartmentFormDrawer editing={editing} departments={all} onClose={() => setEditing(null)} onSaved={() => setEditing(null)} />
      <Modal
        open={refusal !== null}
        title={refusal ? t('departments.retire.refusedTitle', { name: names.get(refusal.department.key) }) : null}
        onCancel={() => setRefusal(null)}
        footer={<Button onClick={() => setRefusal(null)}>{t('departments.close')}</Button>}
      >
        {refusal ? <RetireRefusal groups={refusal.groups} text={refusal.text} /> : null}
      </Modal>
    </Flex>
  );
}

/** What still points at a department, group by group, each list capped by the server with its full count. */
export function RetireRefusal({ groups, text }: { groups: BlockerGroup[] | null; text: string }) {
  const { t } = useTranslation();
  if (!groups || groups.length === 0) return <Alert type="error" showIcon title={text} data-testid="department-retire-error" />;
  return (
    <Flex vertical gap={12} data-testid="department-retire-refusal">
      <Typography.Paragraph>{t('departments.retire.refusedIntro')}</Typography.Paragraph>
      {groups.map((group) => (
        <div key={group.kind} data-testid={`blockers-${group.kind}`}>
          <Typography.Text strong>{t(`departments.blockers.${group.kind}`, { count: group.count })}</Typography.Text>
          <ul className="department-blockers">
            {group.items.map((item) => (
              <li key={item}>{item}</li>
            ))}
            {group.count > group.items.length ? <li>{t('departments.blockers.more', { count: group.count - group.items.length })}</li> : null}
          </ul>
        </div>
      ))}
    </Flex>
  );
}
