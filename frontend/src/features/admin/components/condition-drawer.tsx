import { Alert, App, Button, Divider, Drawer, Flex, Form, Input, InputNumber, Popconfirm, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAreaLimits, useSetAreaLimit } from '@/features/admin/api/area-limits';
import { useSaveCondition } from '@/features/admin/api/save-condition';
import {
  CONDITION_FIELDS,
  conditionFormValues,
  conditionRequest,
  TIME_LIMIT_UNITS,
  type ConditionFormValues,
} from '@/features/admin/lib/catalogue';
import { formProblem } from '@/features/admin/lib/form-problems';
import type { AreaLimit, Category, CategoryCondition, TimeLimitUnit } from '@/lib/api-types';
import { describeApiError } from '@/lib/http';
import { localName } from '@/lib/i18n';

export interface ConditionEditing {
  category: Category;
  /** Absent: a new condition of the category. */
  condition?: CategoryCondition;
}

/** A filing condition (立案条件) with its closing standard (结案条件), limit, and limits per area class. */
export function ConditionDrawer({ editing, onClose }: { editing: ConditionEditing | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const [shown, setShown] = useState(editing);
  if (editing !== null && editing !== shown) setShown(editing);
  const categoryName = shown ? `${shown.category.code} ${localName(i18n.language, shown.category.nameZh, shown.category.nameEn)}` : '';
  return (
    <Drawer
      open={editing !== null}
      onClose={onClose}
      afterOpenChange={(open) => {
        if (!open) setShown(null);
      }}
      size={560}
      destroyOnHidden
      title={`${shown?.condition ? t('catalogueAdmin.editCondition') : t('catalogueAdmin.addCondition')} · ${categoryName}`}
    >
      {shown ? (
        <>
          <ConditionForm editing={shown} onClose={onClose} />
          {shown.condition ? <AreaLimits categoryId={shown.category.id} conditionId={shown.condition.id} /> : null}
        </>
      ) : null}
    </Drawer>
  );
}

function unitOptions(t: (key: string) => string) {
  return TIME_LIMIT_UNITS.map((unit) => ({ value: unit, label: t(`timeLimit.units.${unit}`) }));
}

function ConditionForm({ editing, onClose }: { editing: ConditionEditing; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ConditionFormValues>();
  const [problem, setProblem] = useState<string | null>(null);
  const save = useSaveCondition();

  const submit = (values: ConditionFormValues) => {
    setProblem(null);
    save.mutate(
      { categoryId: editing.category.id, conditionId: editing.condition?.id, request: conditionRequest(values, editing.condition) },
      {
        onSuccess: () => {
          void message.success(t('catalogueAdmin.saved'));
          onClose();
        },
        onError: (error) => {
          const found = formProblem(error, CONDITION_FIELDS);
          form.setFields(found.fields);
          setProblem(found.message);
        },
      },
    );
  };

  const required = [{ required: true, message: t('catalogueAdmin.required') }];
  return (
    <Form<ConditionFormValues>
      form={form}
      layout="vertical"
      initialValues={conditionFormValues(editing.condition)}
      onFinish={submit}
      data-testid="condition-form"
    >
      {problem ? <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} data-testid="condition-form-problem" /> : null}
      <Flex gap={12}>
        <Form.Item name="nameZh" label={t('catalogueAdmin.conditionNameZh')} rules={required} style={{ flex: 1 }}>
          <Input data-testid="condition-name-zh" />
        </Form.Item>
        <Form.Item name="nameEn" label={t('catalogueAdmin.conditionNameEn')} rules={required} style={{ flex: 1 }}>
          <Input data-testid="condition-name-en" />
        </Form.Item>
      </Flex>
      <Form.Item name="closingStandardZh" label={t('catalogueAdmin.closingStandardZh')}>
        <Input.TextArea rows={2} maxLength={500} data-testid="condition-closing-zh" />
      </Form.Item>
      <Form.Item name="closingStandardEn" label={t('catalogueAdmin.closingStandardEn')}>
        <Input.TextArea rows={2} maxLength={500} data-testid="condition-closing-en" />
      </Form.Item>
      <Flex gap={12}>
        <Form.Item name="limit" label={t('catalogueAdmin.columns.limit')} rules={required} style={{ flex: 1 }}>
          <InputNumber min={0} max={10000} step={1} style={{ width: '100%' }} data-testid="condition-limit" />
        </Form.Item>
        <Form.Item name="unit" label={t('catalogueAdmin.unit')} rules={required} style={{ flex: 1 }}>
          <Select options={unitOptions(t)} data-testid="condition-unit" />
        </Form.Item>
      </Flex>
      <Flex gap={8} justify="end">
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="condition-save">
          {t('catalogueAdmin.save')}
        </Button>
      </Flex>
    </Form>
  );
}

interface AreaLimitValues {
  areaClass: string;
  limit: number;
  unit: TimeLimitUnit;
}

/** Limits an area class has of its own (A 核心区 / B 一般区 / C); without one, the condition's limit holds. */
function AreaLimits({ categoryId, conditionId }: { categoryId: string; conditionId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const limits = useAreaLimits(categoryId, conditionId);
  const change = useSetAreaLimit();
  const [form] = Form.useForm<AreaLimitValues>();

  const onError = (error: unknown) => void message.error(describeApiError(error));
  const add = (values: AreaLimitValues) =>
    change.mutate(
      { categoryId, conditionId, areaClass: values.areaClass.trim(), limit: { limit: values.limit, unit: values.unit } },
      { onSuccess: () => form.resetFields(), onError },
    );

  return (
    <div data-testid="area-limits">
      <Divider />
      <Typography.Title level={5}>{t('catalogueAdmin.areaLimits')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('catalogueAdmin.areaLimitsHelp')}</Typography.Paragraph>
      <Table<AreaLimit>
        rowKey="areaClass"
        size="small"
        pagination={false}
        loading={limits.isLoading}
        dataSource={limits.data ?? []}
        locale={{ emptyText: t('catalogueAdmin.noAreaLimits') }}
        columns={[
          { key: 'areaClass', title: t('catalogueAdmin.areaClass'), dataIndex: 'areaClass', width: 100 },
          { key: 'limit', title: t('catalogueAdmin.columns.limit'), render: (_, row) => t(`timeLimit.${row.unit}`, { count: row.limit }) },
          {
            key: 'actions',
            width: 90,
            render: (_, row) => (
              <Popconfirm
                title={t('catalogueAdmin.removeAreaLimit')}
                onConfirm={() => change.mutate({ categoryId, conditionId, areaClass: row.areaClass }, { onError })}
                cancelText={t('common.cancel')}
              >
                <Button size="small" danger data-testid={`area-limit-remove-${row.areaClass}`}>
                  {t('catalogueAdmin.remove')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
      <Form<AreaLimitValues> form={form} layout="inline" onFinish={add} style={{ marginTop: 12 }} initialValues={{ unit: 'working_hours' }}>
        <Form.Item name="areaClass" rules={[{ required: true, message: t('catalogueAdmin.required') }]}>
          <Input placeholder={t('catalogueAdmin.areaClass')} style={{ width: 80 }} maxLength={8} data-testid="area-limit-class" />
        </Form.Item>
        <Form.Item name="limit" rules={[{ required: true, message: t('catalogueAdmin.required') }]}>
          <InputNumber min={0} max={10000} placeholder={t('catalogueAdmin.columns.limit')} data-testid="area-limit-limit" />
        </Form.Item>
        <Form.Item name="unit">
          <Select options={unitOptions(t)} style={{ width: 130 }} />
        </Form.Item>
        <Button htmlType="submit" loading={change.isPending} data-testid="area-limit-save">
          {t('catalogueAdmin.setAreaLimit')}
        </Button>
      </Form>
    </div>
  );
}
