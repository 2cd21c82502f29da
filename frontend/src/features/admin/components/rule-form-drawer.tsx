import { Alert, App, Button, DatePicker, Drawer, Flex, Form, Input, InputNumber, Radio, Select, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useChangeRoutingRule } from '@/features/admin/api/change-routing-rule';
import { useCreateRoutingRule } from '@/features/admin/api/create-routing-rule';
import { useGridLevels } from '@/lib/api/list-grids';
import { formProblem } from '@/features/admin/lib/form-problems';
import { scopeOptions } from '@/features/admin/lib/grid-scope';
import {
  categoryOption,
  departmentKindLabel,
  formValuesOf,
  RULE_FIELDS,
  ruleRequest,
  targetsFor,
  type RuleEditing,
  type RuleFormValues,
} from '@/features/admin/lib/routing-rules';
import type { Category, RoutingRule } from '@/lib/api-types';
import { inService, useDepartments } from '@/lib/api/list-departments';
import { localName } from '@/lib/i18n';

const GRID_LEVELS = ['district', 'street', 'community'] as const;

/** The picker's value: antd hands a date object; only its instant goes to the server. */
type RuleFormFields = Omit<RuleFormValues, 'validFrom'> & { validFrom?: { toISOString(): string } | null };

export interface RuleFormDrawerProps {
  editing: RuleEditing | null;
  categories: readonly Category[];
  onClose: () => void;
  onSaved: (rule: RoutingRule) => void;
}

/** New rule, or the successor of a changed one: problems the server names land on their fields. */
export function RuleFormDrawer({ editing, categories, onClose, onSaved }: RuleFormDrawerProps) {
  const { t } = useTranslation();
  // The form stays while the drawer slides away, and leaves with it (destroyOnHidden): it never blanks
  // mid-animation, and it is gone only once the drawer has handed focus back to the page.
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
      title={shown?.mode === 'change' ? t('admin.ruleForm.changeTitle') : t('admin.ruleForm.newTitle')}
    >
      {shown ? <RuleForm editing={shown} categories={categories} onClose={onClose} onSaved={onSaved} /> : null}
    </Drawer>
  );
}

function RuleForm({ editing, categories, onClose, onSaved }: RuleFormDrawerProps & { editing: RuleEditing }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { message } = App.useApp();
  const [form] = Form.useForm<RuleFormFields>();
  const [problem, setProblem] = useState<string | null>(null);
  const departments = useDepartments(true);
  const grids = useGridLevels(GRID_LEVELS);
  const create = useCreateRoutingRule();
  const change = useChangeRoutingRule();
  const saving = create.isPending || change.isPending;

  const initialValues = useMemo<RuleFormFields>(
    () => (editing.mode === 'change' ? { ...formValuesOf(editing.rule), validFrom: null } : { target: 'department', priority: 0 }),
    [editing],
  );
  const categoryId = Form.useWatch('categoryId', form);
  const target = Form.useWatch('target', form);
  const category = categories.find((item) => item.id === categoryId);
  const targets = targetsFor(category?.kind);

  // An event has no owner and cannot go to a component's owner: clear what the new category cannot take.
  useEffect(() => {
    if (category?.kind !== 'event') return;
    if (form.getFieldValue('ownerDepartmentKey')) form.setFieldValue('ownerDepartmentKey', null);
    if (form.getFieldValue('target') === 'componentOwner') form.setFieldValue('target', 'department');
  }, [category?.kind, form]);

  const categoryOptions = useMemo(
    () => categories.map((item) => categoryOption(item, language, t(`category.kind.${item.kind}`))),
    [categories, language, t],
  );
  const departmentOptions = useMemo(
    () =>
      inService(departments.data).map((department) => ({
        value: department.key,
        label: localName(language, department.nameZh, department.nameEn),
      })),
    [departments.data, language],
  );
  const kindOptions = useMemo(
    () =>
      [...new Set((departments.data ?? []).map((department) => department.kind))]
        .sort()
        .map((kind) => ({ value: kind, label: `${departmentKindLabel(kind, t)} (${kind})` })),
    [departments.data, t],
  );
  const gridOptions = useMemo(
    () =>
      scopeOptions(grids.nodes).map((node) => ({
        value: node.code,
        label: `${node.name} ${node.code}`,
        level: node.level,
      })),
    [grids.nodes],
  );

  const submit = (values: RuleFormFields) => {
    setProblem(null);
    const request = ruleRequest({ ...values, validFrom: values.validFrom?.toISOString() ?? null }, category?.kind);
    const handlers = {
      onSuccess: (rule: RoutingRule) => {
        void message.success(editing.mode === 'change' ? t('admin.ruleForm.changed') : t('admin.ruleForm.created'));
        onSaved(rule);
      },
      onError: (error: unknown) => {
        const found = formProblem(error, RULE_FIELDS);
        form.setFields(found.fields);
        setProblem(found.message);
      },
    };
    if (editing.mode === 'change') change.mutate({ id: editing.rule.id, request }, handlers);
    else create.mutate(request, handlers);
  };

  return (
    <Form<RuleFormFields>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onFinish={submit}
      requiredMark
      data-testid="rule-form"
    >
      {editing.mode === 'change' ? (
        <Typography.Paragraph type="secondary">{t('admin.ruleForm.changeHint')}</Typography.Paragraph>
      ) : null}
      {problem ? (
        <Alert type="error" showIcon title={t('admin.ruleForm.failed')} description={problem} style={{ marginBottom: 16 }} data-testid="rule-form-error" />
      ) : null}
      <Form.Item name="categoryId" label={t('admin.ruleForm.category')} rules={[{ required: true, message: t('admin.ruleForm.categoryRequired') }]}>
        <Select<string>
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('admin.ruleForm.categoryPlaceholder')}
          options={categoryOptions}
          optionRender={(option) => <span data-testid={`rule-category-option-${option.data.testId}`}>{option.label}</span>}
          onChange={() => form.setFieldValue('conditionId', null)}
          virtual={false}
          data-testid="rule-category"
        />
      </Form.Item>
      <Form.Item name="conditionId" label={t('admin.ruleForm.condition')}>
        <Select<string>
          allowClear
          placeholder={t('admin.rules.anyCondition')}
          disabled={!category}
          options={(category?.conditions ?? []).map((condition) => ({
            value: condition.id,
            label: localName(language, condition.nameZh, condition.nameEn),
          }))}
          data-testid="rule-condition"
        />
      </Form.Item>
      <Form.Item name="gridCode" label={t('admin.ruleForm.grid')}>
        <Select<string>
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('admin.ruleForm.gridPlaceholder')}
          loading={grids.isLoading}
          options={gridOptions}
          optionRender={(option) => (
            <span data-testid={`rule-grid-option-${option.value}`} className={`grid-option grid-option--${option.data.level}`}>
              {option.label}
            </span>
          )}
          virtual={false}
          data-testid="rule-grid"
        />
      </Form.Item>
      {category?.kind !== 'event' ? (
        <Form.Item name="ownerDepartmentKey" label={t('admin.ruleForm.owner')} extra={t('admin.ruleForm.ownerHint')}>
          <Select<string>
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('admin.ruleForm.ownerPlaceholder')}
            loading={departments.isPending}
            options={departmentOptions}
            data-testid="rule-owner"
          />
        </Form.Item>
      ) : null}
      <Form.Item name="target" label={t('admin.ruleForm.target')} rules={[{ required: true, message: t('admin.ruleForm.targetRequired') }]}>
        <Radio.Group data-testid="rule-target">
          {targets.map((item) => (
            <Radio.Button key={item} value={item} data-testid={`rule-target-${item}`}>
              {t(`admin.rules.target.${item}`)}
            </Radio.Button>
          ))}
        </Radio.Group>
      </Form.Item>
      {target === 'department' ? (
        <Form.Item
          name="departmentKey"
          label={t('admin.ruleForm.department')}
          rules={[{ required: true, message: t('admin.ruleForm.departmentRequired') }]}
        >
          <Select<string>
            showSearch={{ optionFilterProp: 'label' }}
            loading={departments.isPending}
            options={departmentOptions}
            optionRender={(option) => <span data-testid={`rule-department-option-${option.value}`}>{option.label}</span>}
            virtual={false}
            data-testid="rule-department"
          />
        </Form.Item>
      ) : null}
      {target === 'jurisdiction' ? (
        <Form.Item
          name="departmentKind"
          label={t('admin.ruleForm.departmentKind')}
          rules={[{ required: true, message: t('admin.ruleForm.departmentKindRequired') }]}
        >
          <Select<string>
            showSearch={{ optionFilterProp: 'label' }}
            loading={departments.isPending}
            options={kindOptions}
            virtual={false}
            data-testid="rule-department-kind"
          />
        </Form.Item>
      ) : null}
      <Flex gap={16}>
        <Form.Item name="priority" label={t('admin.ruleForm.priority')} extra={t('admin.ruleForm.priorityHint')} style={{ flex: 1 }}>
          <InputNumber<number> min={-1000} max={1000} precision={0} style={{ width: '100%' }} data-testid="rule-priority" />
        </Form.Item>
        <Form.Item name="validFrom" label={t('admin.ruleForm.validFrom')} style={{ flex: 1 }}>
          <DatePicker
            showTime
            allowClear
            style={{ width: '100%' }}
            placeholder={t('admin.ruleForm.validFromPlaceholder')}
            disabledDate={(day) => day.endOf('day').valueOf() < Date.now()}
            data-testid="rule-valid-from"
          />
        </Form.Item>
      </Flex>
      <Form.Item name="note" label={t('admin.ruleForm.note')}>
        <Input.TextArea rows={2} maxLength={500} showCount data-testid="rule-note" />
      </Form.Item>
      <Flex gap={8} justify="flex-end">
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="rule-save">
          {t('admin.ruleForm.save')}
        </Button>
      </Flex>
    </Form>
  );
}
