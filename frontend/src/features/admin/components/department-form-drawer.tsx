import { Alert, App, Button, Descriptions, Drawer, Flex, Form, Input, Select, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDepartmentKinds, useSaveDepartment } from '@/features/admin/api/departments';
import { formProblem } from '@/features/admin/lib/form-problems';
import {
  DEPARTMENT_FIELDS,
  departmentRequest,
  foldItemErrors,
  formValuesOf,
  parentChoices,
  staleEdit,
  type DepartmentFormValues,
} from '@/features/admin/lib/departments';
import { scopeOptions } from '@/features/admin/lib/grid-scope';
import type { AdminDepartment } from '@/lib/api-types';
import { useGridLevels } from '@/lib/api/list-grids';
import { localName } from '@/lib/i18n';

const GRID_LEVELS = ['city', 'district', 'street', 'community'] as const;
const LEVELS = ['city', 'district', 'street', 'community'] as const;

export type DepartmentEditing = { mode: 'create' } | { mode: 'edit'; department: AdminDepartment };

export interface DepartmentFormDrawerProps {
  editing: DepartmentEditing | null;
  departments: readonly AdminDepartment[];
  onClose: () => void;
  onSaved: (department: AdminDepartment) => void;
}

/** 新建 / 编辑部门: a 400 marks the fields it names; a stale version shows the record as it is now. */
export function DepartmentFormDrawer({ editing, departments, onClose, onSaved }: DepartmentFormDrawerProps) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(editing);
  if (editing !== null && editing !== shown) setShown(editing);
  return (
    <Drawer
      open={editing !== null}
      onClose={onClose}
      afterOpenChange={(open) => {
        if (!open) setShown(null);
      }}
      size={560}
      destroyOnHidden
      title={shown?.mode === 'edit' ? t('departments.form.editTitle', { name: shown.department.nameZh }) : t('departments.form.newTitle')}
      rootClassName="department-drawer"
    >
      {shown ? <DepartmentForm editing={shown} departments={departments} onClose={onClose} onSaved={onSaved} /> : null}
    </Drawer>
  );
}

function DepartmentForm({ editing, departments, onClose, onSaved }: DepartmentFormDrawerProps & { editing: DepartmentEditing }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { message } = App.useApp();
  const [form] = Form.useForm<DepartmentFormValues>();
  const [problem, setProblem] = useState<string | null>(null);
  const [stale, setStale] = useState<ReturnType<typeof staleEdit>>(null);
  // The version the edit is made from; "apply again" moves it on to the current one.
  const [version, setVersion] = useState(editing.mode === 'edit' ? editing.department.version : undefined);
  const kinds = useDepartmentKinds();
  const grids = useGridLevels(GRID_LEVELS);
  const save = useSaveDepartment();
  const key = editing.mode === 'edit' ? editing.department.key : undefined;

  const initialValues = useMemo<DepartmentFormValues>(
    () => (editing.mode === 'edit' ? formValuesOf(editing.department) : { jurisdictionCodes: [], parentKey: null, level: null }),
    [editing],
  );
  const gridOptions = useMemo(
    () => scopeOptions(grids.nodes).map((node) => ({ value: node.code, label: `${node.name} ${node.code}`, level: node.level })),
    [grids.nodes],
  );
  const parentOptions = useMemo(
    () =>
      parentChoices(departments, key).map((department) => ({
        value: department.key,
        label: `${localName(language, department.nameZh, department.nameEn)} (${department.key})`,
      })),
    [departments, key, language],
  );

  const submit = (values: DepartmentFormValues) => {
    setProblem(null);
    setStale(null);
    save.mutate(
      { key, request: departmentRequest(values, version) },
      {
        onSuccess: (saved) => {
          void message.success(editing.mode === 'edit' ? t('departments.form.saved') : t('departments.form.created'));
          onSaved(saved);
        },
        onError: (error) => {
          const conflict = staleEdit(error);
          if (conflict) {
            setStale(conflict);
            return;
          }
          const found = formProblem(foldItemErrors(error), DEPARTMENT_FIELDS);
          form.setFields(found.fields);
          setProblem(found.message);
        },
      },
    );
  };

  return (
    <Form<DepartmentFormValues> form={form} layout="vertical" initialValues={initialValues} onFinish={submit} requiredMark data-testid="department-form">
      {stale ? (
        <Alert
          type="warning"
          showIcon
          data-testid="department-stale"
          title={t('departments.form.staleTitle')}
          description={
            <Flex vertical gap={8}>
              <span>{t('departments.form.staleDetail', { version: stale.currentVersion })}</span>
              {stale.current ? (
                <Descriptions size="small" column={1} bordered>
                  <Descriptions.Item label={t('departments.columns.name')}>{stale.current.nameZh}</Descriptions.Item>
                  <Descriptions.Item label={t('departments.columns.kind')}>{stale.current.kind}</Descriptions.Item>
                  <Descriptions.Item label={t('departments.columns.jurisdiction')}>{stale.current.jurisdictionCodes.join('、')}</Descriptions.Item>
                  <Descriptions.Item label={t('departments.columns.phones')}>
                    {[stale.current.contactPhone, stale.current.dutyPhone].filter(Boolean).join(' / ')}
                  </Descriptions.Item>
                </Descriptions>
              ) : null}
              <Flex gap={8} wrap>
                <Button
                  size="small"
                  type="primary"
                  data-testid="department-stale-apply"
                  onClick={() => {
                    setVersion(Number(stale.currentVersion));
                    setStale(null);
                  }}
                >
                  {t('departments.form.applyAgain')}
                </Button>
                {stale.current ? (
                  <Button
                    size="small"
                    data-testid="department-stale-reload"
                    onClick={() => {
                      form.setFieldsValue(formValuesOf(stale.current!));
                      setVersion(Number(stale.currentVersion));
                      setStale(null);
                    }}
                  >
                    {t('departments.form.takeCurrent')}
                  </Button>
                ) : null}
              </Flex>
            </Flex>
          }
          style={{ marginBottom: 16 }}
        />
      ) : null}
      {problem ? (
        <Alert type="error" showIcon title={t('departments.form.failed')} description={problem} style={{ marginBottom: 16 }} data-testid="department-form-error" />
      ) : null}
      <Form.Item
        name="key"
        label={t('departments.form.key')}
        extra={editing.mode === 'create' ? t('departments.form.keyHint') : undefined}
        rules={[{ required: editing.mode === 'create', message: t('departments.form.required') }]}
      >
        <Input disabled={editing.mode === 'edit'} data-testid="department-key" autoComplete="off" />
      </Form.Item>
      <Form.Item name="nameZh" label={t('departments.form.nameZh')} rules={[{ required: true, message: t('departments.form.required') }]}>
        <Input maxLength={128} data-testid="department-name-zh" />
      </Form.Item>
      <Form.Item name="nameEn" label={t('departments.form.nameEn')}>
        <Input maxLength={256} data-testid="department-name-en" />
      </Form.Item>
      <Form.Item name="kind" label={t('departments.form.kind')} rules={[{ required: true, message: t('departments.form.required') }]}>
        <Select<string>
          showSearch={{ optionFilterProp: 'label' }}
          loading={kinds.isPending}
          options={(kinds.data ?? []).map((kind) => ({ value: kind.code, label: `${localName(language, kind.nameZh, kind.nameEn)} (${kind.code})` }))}
          optionRender={(option) => <span data-testid={`department-kind-option-${option.value}`}>{option.label}</span>}
          virtual={false}
          data-testid="department-kind"
        />
      </Form.Item>
      <Form.Item
        name="jurisdictionCodes"
        label={t('departments.form.jurisdiction')}
        extra={t('departments.form.jurisdictionHint')}
        rules={[{ required: true, type: 'array', min: 1, message: t('departments.form.jurisdictionRequired') }]}
      >
        <Select<string[]>
          mode="multiple"
          showSearch={{ optionFilterProp: 'label' }}
          loading={grids.isLoading}
          options={gridOptions}
          optionRender={(option) => (
            <span data-testid={`department-grid-option-${option.value}`} className={`grid-option grid-option--${option.data.level}`}>
              {option.label}
            </span>
          )}
          virtual={false}
          data-testid="department-jurisdiction"
        />
      </Form.Item>
      <Form.Item name="level" label={t('departments.form.level')} extra={t('departments.form.levelHint')}>
        <Select<string>
          allowClear
          options={LEVELS.map((level) => ({ value: level, label: t(`departments.levels.${level}`) }))}
          data-testid="department-level"
        />
      </Form.Item>
      <Form.Item name="parentKey" label={t('departments.form.parent')} extra={t('departments.form.parentHint')}>
        <Select<string>
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          options={parentOptions}
          optionRender={(option) => <span data-testid={`department-parent-option-${option.value}`}>{option.label}</span>}
          virtual={false}
          data-testid="department-parent"
        />
      </Form.Item>
      <Flex gap={12} wrap className="department-form__phones">
        <Form.Item name="contactPhone" label={t('departments.form.contactPhone')} style={{ flex: '1 1 200px' }}>
          <Input inputMode="tel" maxLength={32} placeholder="0773-2825000" data-testid="department-contact-phone" />
        </Form.Item>
        <Form.Item name="dutyPhone" label={t('departments.form.dutyPhone')} style={{ flex: '1 1 200px' }}>
          <Input inputMode="tel" maxLength={32} placeholder="13800000000" data-testid="department-duty-phone" />
        </Form.Item>
      </Flex>
      <Typography.Paragraph type="secondary">{t('departments.form.phoneHint')}</Typography.Paragraph>
      <Flex gap={8} justify="flex-end">
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="department-submit">
          {t('departments.form.submit')}
        </Button>
      </Flex>
    </Form>
  );
}
