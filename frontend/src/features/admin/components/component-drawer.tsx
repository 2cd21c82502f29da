import { Alert, App, Button, Descriptions, Drawer, Flex, Form, Input, InputNumber, Select } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditComponent } from '@/features/admin/api/edit-component';
import { formProblem } from '@/features/admin/lib/form-problems';
import type { ComponentRecord } from '@/lib/api-types';
import { useDepartments } from '@/lib/api/list-departments';
import { localName } from '@/lib/i18n';

const FIELDS = ['owner', 'maintainer', 'state', 'longitude', 'latitude'] as const;
const STATES = ['intact', 'damaged', 'missing', 'abandoned', 'removed'] as const;

interface ComponentFormValues {
  owner?: string | null;
  maintainer?: string | null;
  state: string;
  longitude: number;
  latitude: number;
}

/** One census record: owner, maintainer, state and point change; the id (and with it the category) does not. */
export function ComponentDrawer({ component, onClose }: { component: ComponentRecord | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(component);
  if (component !== null && component !== shown) setShown(component);
  return (
    <Drawer
      open={component !== null}
      onClose={onClose}
      afterOpenChange={(open) => {
        if (!open) setShown(null);
      }}
      size={480}
      destroyOnHidden
      title={`${t('censusAdmin.editTitle')} ${shown?.id ?? ''}`}
    >
      {shown ? <ComponentForm component={shown} onClose={onClose} /> : null}
    </Drawer>
  );
}

function ComponentForm({ component, onClose }: { component: ComponentRecord; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { message } = App.useApp();
  const [form] = Form.useForm<ComponentFormValues>();
  const [problem, setProblem] = useState<string | null>(null);
  const edit = useEditComponent();
  const departments = useDepartments(true);
  const owners = useMemo(
    () => (departments.data ?? []).map((d) => ({ value: d.key, label: localName(language, d.nameZh, d.nameEn) })),
    [departments.data, language],
  );

  const submit = (values: ComponentFormValues) => {
    setProblem(null);
    edit.mutate(
      { id: component.id, request: { ...values, owner: values.owner ?? null, maintainer: values.maintainer ?? null, version: component.version } },
      {
        onSuccess: () => {
          void message.success(t('censusAdmin.saved'));
          onClose();
        },
        onError: (error) => {
          const found = formProblem(error, FIELDS);
          form.setFields(found.fields);
          setProblem(found.message);
        },
      },
    );
  };

  return (
    <Form<ComponentFormValues>
      form={form}
      layout="vertical"
      onFinish={submit}
      initialValues={{
        owner: component.owner?.key ?? null,
        maintainer: component.maintainer,
        state: component.state,
        longitude: component.longitude,
        latitude: component.latitude,
      }}
      data-testid="component-form"
    >
      <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('censusAdmin.columns.category')}>
          {component.category.code} {localName(language, component.category.nameZh, component.category.nameEn)}
        </Descriptions.Item>
        <Descriptions.Item label={t('censusAdmin.columns.unitGrid')}>{component.unitGridCode}</Descriptions.Item>
        <Descriptions.Item label={t('censusAdmin.columns.condition')}>
          {t(`censusAdmin.condition.${component.condition}`, { defaultValue: component.condition ?? '' })}
        </Descriptions.Item>
      </Descriptions>
      {problem ? <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} data-testid="component-form-problem" /> : null}
      <Form.Item name="owner" label={t('censusAdmin.columns.owner')} extra={t('censusAdmin.ownerHelp')}>
        <Select allowClear showSearch optionFilterProp="label" options={owners} data-testid="component-owner" />
      </Form.Item>
      <Form.Item name="maintainer" label={t('censusAdmin.columns.maintainer')}>
        <Input maxLength={128} data-testid="component-maintainer" />
      </Form.Item>
      <Form.Item name="state" label={t('censusAdmin.columns.state')} rules={[{ required: true }]}>
        <Select options={STATES.map((value) => ({ value, label: t(`censusAdmin.condition.${value}`) }))} data-testid="component-state" />
      </Form.Item>
      <Flex gap={12}>
        <Form.Item name="longitude" label={t('censusAdmin.longitude')} rules={[{ required: true }]} style={{ flex: 1 }}>
          <InputNumber step={0.0001} style={{ width: '100%' }} data-testid="component-longitude" />
        </Form.Item>
        <Form.Item name="latitude" label={t('censusAdmin.latitude')} rules={[{ required: true }]} style={{ flex: 1 }}>
          <InputNumber step={0.0001} style={{ width: '100%' }} data-testid="component-latitude" />
        </Form.Item>
      </Flex>
      <Flex gap={8} justify="end">
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={edit.isPending} data-testid="component-save">
          {t('censusAdmin.save')}
        </Button>
      </Flex>
    </Form>
  );
}
