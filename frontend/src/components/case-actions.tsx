import { Alert, App, Button, Flex, Input, InputNumber, Modal, Radio, Select, Space, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PhotoPicker } from '@/components/photo-picker';
import type { ActionFieldSpec, CaseActionSpec, CaseDto, TimeLimitUnit } from '@/lib/api-types';
import { useCaseActions } from '@/lib/api/list-case-actions';
import { useCategories } from '@/lib/api/list-categories';
import { useDepartmentHandlers } from '@/lib/api/list-department-handlers';
import { inService, useDepartments } from '@/lib/api/list-departments';
import { useTakeCaseAction } from '@/lib/api/take-case-action';
import {
  actionLabel,
  effectiveKind,
  findSpec,
  initialValues,
  isRequired,
  missingFields,
  orderActions,
  TIME_LIMIT_UNITS,
  type ActionValues,
  type FieldValue,
  type LimitValue,
} from '@/lib/case-actions';
import { ApiError, describeApiError } from '@/lib/http';
import { localName } from '@/lib/i18n';
import { usePhotos } from '@/lib/use-photos';

const MAX_ACTION_PHOTOS = 5;

export interface CaseActionsProps {
  item: CaseDto;
  /** Only these of the offered actions are shown (a face may leave some to another screen). */
  only?: readonly string[];
  onDone?: (updated: CaseDto, action: string) => void;
  size?: 'small' | 'middle' | 'large';
  block?: boolean;
}

/**
 * One button per action the server offers the signed-in user (allowedActions), in the order of the
 * server's action table, each opening the form that table describes.
 */
export function CaseActions({ item, only, onDone, size = 'middle', block = false }: CaseActionsProps) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState<string | null>(null);
  const offeredNow = (item.allowedActions ?? []).filter((action) => !only || only.includes(action));
  const table = useCaseActions(offeredNow.length > 0);
  if (offeredNow.length === 0) return null;
  if (table.isError) {
    return (
      <Alert
        type="warning"
        showIcon
        data-testid="case-actions-error"
        title={t('actions.tableFailed')}
        description={describeApiError(table.error)}
        action={
          <Button size="small" onClick={() => void table.refetch()}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }
  if (!table.data) return null;
  const offered = orderActions(table.data, offeredNow);
  return (
    <div data-testid="case-actions">
      <Flex gap={8} wrap vertical={block}>
        {offered.map((action) => {
          const spec = findSpec(table.data, action);
          return (
            <Button
              key={action}
              size={size}
              block={block}
              type={spec.danger ? 'default' : 'primary'}
              danger={spec.danger}
              data-testid={`action-${action}`}
              onClick={() => setOpen(action)}
            >
              {actionLabel(spec, i18n.language)}
            </Button>
          );
        })}
      </Flex>
      {open ? (
        <ActionDialog
          key={`${open}-${item.version}`}
          item={item}
          spec={findSpec(table.data, open)}
          onClose={() => setOpen(null)}
          onDone={(updated) => {
            setOpen(null);
            onDone?.(updated, open);
          }}
        />
      ) : null}
    </div>
  );
}

interface ActionDialogProps {
  item: CaseDto;
  spec: CaseActionSpec;
  onClose: () => void;
  onDone: (updated: CaseDto) => void;
}

function ActionDialog({ item, spec, onClose, onDone }: ActionDialogProps) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [values, setValues] = useState<ActionValues>(() => initialValues(spec, item.pendingRequest ?? undefined));
  const [tried, setTried] = useState(false);
  const photos = usePhotos(MAX_ACTION_PHOTOS);
  const mutation = useTakeCaseAction();
  const label = actionLabel(spec, i18n.language);
  const missing = missingFields(spec, values);
  const setValue = (name: string, value: FieldValue) => setValues((current) => ({ ...current, [name]: value }));

  const submit = () => {
    setTried(true);
    if (missing.length > 0) return;
    mutation.mutate(
      {
        caseId: item.id,
        spec,
        version: item.version,
        values,
        photos: spec.photos ? photos.photos.map((photo) => photo.file) : [],
      },
      {
        onSuccess: (updated) => {
          photos.clear();
          void message.success(t('actions.done', { action: label, number: updated.number }));
          onDone(updated);
        },
      },
    );
  };

  const conflict = mutation.error instanceof ApiError && mutation.error.status === 409;

  return (
    <Modal
      open
      title={`${label} · ${item.number}`}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            danger={spec.danger}
            loading={mutation.isPending}
            disabled={photos.compressing}
            onClick={submit}
            data-testid="action-submit"
          >
            {t('actions.submit')}
          </Button>
        </Space>
      }
    >
      <Flex vertical gap={12} data-testid={`action-form-${spec.action}`}>
        {spec.fields.map((field) => (
          <Field
            key={field.name}
            label={t(`actions.fields.${field.name}`, { defaultValue: field.name })}
            required={isRequired(field, values)}
            error={tried && missing.includes(field.name)}
          >
            <FieldInput item={item} spec={spec} field={field} values={values} onChange={setValue} />
          </Field>
        ))}
        {spec.photos ? (
          <Field label={t('actions.fields.photos')}>
            <PhotoPicker
              testId="action-photo"
              photos={photos.photos}
              limit={MAX_ACTION_PHOTOS}
              compressing={photos.compressing}
              onAdd={(files) => void photos.add(files)}
              onRemove={photos.remove}
            />
          </Field>
        ) : null}
        {mutation.isError ? (
          <Alert
            type="error"
            showIcon
            data-testid="action-error"
            title={conflict ? t('actions.conflict') : t('actions.failed')}
            description={describeApiError(mutation.error)}
          />
        ) : null}
      </Flex>
    </Modal>
  );
}

interface FieldInputProps {
  item: CaseDto;
  spec: CaseActionSpec;
  field: ActionFieldSpec;
  values: ActionValues;
  onChange: (name: string, value: FieldValue) => void;
}

/** The input of one field, by its kind; a kind this frontend does not know gets a text box. */
function FieldInput({ item, spec, field, values, onChange }: FieldInputProps) {
  const testId = `action-${field.name}`;
  const value = values[field.name];
  switch (effectiveKind(field)) {
    case 'boolean':
      return <BooleanInput name={field.name} value={value} onChange={(next) => onChange(field.name, next)} />;
    case 'department':
    case 'departments':
      return (
        <DepartmentInput
          testId={testId}
          multiple={effectiveKind(field) === 'departments'}
          value={value}
          onChange={(next) => onChange(field.name, next)}
        />
      );
    case 'person':
      return (
        <PersonInput
          testId={testId}
          departmentKey={item.department?.key ?? undefined}
          exclude={item.assignee?.userName ?? undefined}
          value={typeof value === 'string' ? value : undefined}
          onChange={(next) => onChange(field.name, next)}
        />
      );
    case 'limit':
      return (
        <LimitInput
          id={testId}
          value={value as LimitValue | undefined}
          onChange={(next) => onChange(field.name, next)}
        />
      );
    case 'category':
      return (
        <CategoryInput
          testId={testId}
          value={typeof value === 'string' ? value : undefined}
          onChange={(next) => {
            onChange(field.name, next);
            // The conditions belong to a category: a new category clears the chosen condition.
            for (const other of spec.fields) if (effectiveKind(other) === 'condition') onChange(other.name, undefined);
          }}
        />
      );
    case 'condition': {
      const categoryField = spec.fields.find((other) => effectiveKind(other) === 'category');
      const chosen = categoryField ? values[categoryField.name] : undefined;
      return (
        <ConditionInput
          testId={testId}
          categoryId={typeof chosen === 'string' && chosen ? chosen : item.category.id}
          value={typeof value === 'string' ? value : undefined}
          onChange={(next) => onChange(field.name, next)}
        />
      );
    }
    default:
      return (
        <Input.TextArea
          rows={3}
          maxLength={2000}
          value={typeof value === 'string' ? value : undefined}
          onChange={(event) => onChange(field.name, event.target.value)}
          data-testid={testId}
        />
      );
  }
}

function BooleanInput({ name, value, onChange }: { name: string; value: FieldValue; onChange: (value: boolean) => void }) {
  const { t } = useTranslation();
  const choice = (answer: 'yes' | 'no') =>
    t(`actions.choices.${name}.${answer}`, { defaultValue: t(`actions.choices.default.${answer}`) });
  return (
    <Radio.Group value={typeof value === 'boolean' ? value : undefined} onChange={(event) => onChange(event.target.value as boolean)}>
      <Radio.Button value>
        <span data-testid={`action-${name}-yes`}>{choice('yes')}</span>
      </Radio.Button>
      <Radio.Button value={false}>
        <span data-testid={`action-${name}-no`}>{choice('no')}</span>
      </Radio.Button>
    </Radio.Group>
  );
}

function DepartmentInput({
  testId,
  multiple,
  value,
  onChange,
}: {
  testId: string;
  multiple: boolean;
  value: FieldValue;
  onChange: (value: string | string[]) => void;
}) {
  const { t, i18n } = useTranslation();
  const departments = useDepartments(true);
  return (
    <div data-testid={testId}>
      <Select<string | string[]>
        mode={multiple ? 'multiple' : undefined}
        showSearch={{ optionFilterProp: 'label' }}
        allowClear={multiple}
        placeholder={t(multiple ? 'actions.fields.departmentsPlaceholder' : 'actions.fields.departmentPlaceholder')}
        loading={departments.isPending}
        value={multiple ? (Array.isArray(value) ? [...(value as readonly string[])] : []) : typeof value === 'string' ? value : undefined}
        onChange={(next) => onChange(next ?? (multiple ? [] : ''))}
        options={inService(departments.data).map((department) => ({
          value: department.key,
          label: localName(i18n.language, department.nameZh, department.nameEn),
        }))}
        optionRender={(option) => <span data-testid={`department-option-${option.value}`}>{option.label}</span>}
        virtual={false}
        listHeight={320}
        style={{ width: '100%' }}
      />
    </div>
  );
}

/** 内部派遣: one handler of the department holding the case, or of one of its sub-units (grouped by unit). */
function PersonInput({
  testId,
  departmentKey,
  exclude,
  value,
  onChange,
}: {
  testId: string;
  departmentKey: string | undefined;
  exclude: string | undefined;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
}) {
  const { t, i18n } = useTranslation();
  const handlers = useDepartmentHandlers(departmentKey);
  const groups = new Map<string, { label: string; options: { value: string; label: string }[] }>();
  for (const handler of handlers.data ?? []) {
    if (handler.userName === exclude) continue;
    const unit = localName(i18n.language, handler.departmentNameZh, handler.departmentNameEn);
    const group = groups.get(handler.departmentKey) ?? { label: unit, options: [] };
    group.options.push({ value: handler.userName, label: `${handler.displayName}（${handler.userName}）` });
    groups.set(handler.departmentKey, group);
  }
  return (
    <div data-testid={testId}>
      <Select<string>
        showSearch={{ optionFilterProp: 'label' }}
        allowClear
        placeholder={t('actions.fields.assigneePlaceholder')}
        loading={handlers.isPending && !!departmentKey}
        value={value}
        onChange={(next) => onChange(next || undefined)}
        options={[...groups.values()]}
        optionRender={(option) => <span data-testid={`person-option-${option.value}`}>{option.label}</span>}
        notFoundContent={handlers.isError ? describeApiError(handlers.error) : undefined}
        virtual={false}
        style={{ width: '100%' }}
      />
    </div>
  );
}

function LimitInput({ id, value, onChange }: { id: string; value: LimitValue | undefined; onChange: (value: LimitValue) => void }) {
  const { t } = useTranslation();
  const unit = value?.unit ?? 'working_hours';
  const whole = unit === 'working_days' || unit === 'calendar_days';
  return (
    <Space.Compact style={{ width: '100%' }} data-testid={`${id}-group`}>
      <InputNumber<number>
        min={0.5}
        max={1000}
        step={whole ? 1 : 0.5}
        precision={unit === 'working_days' ? 0 : 2}
        value={value?.limit}
        onChange={(limit) => onChange({ unit, limit: limit ?? undefined })}
        style={{ width: '40%' }}
        id={id}
      />
      <Select<TimeLimitUnit>
        value={unit}
        onChange={(next) => onChange({ unit: next, limit: value?.limit })}
        options={TIME_LIMIT_UNITS.map((option) => ({ value: option, label: t(`timeLimit.units.${option}`) }))}
        optionRender={(option) => <span data-testid={`unit-option-${option.value}`}>{option.label}</span>}
        style={{ width: '60%' }}
      />
    </Space.Compact>
  );
}

function CategoryInput({ testId, value, onChange }: { testId: string; value: string | undefined; onChange: (value: string | undefined) => void }) {
  const { t, i18n } = useTranslation();
  const categories = useCategories();
  return (
    <div data-testid={testId}>
      <Select<string>
        showSearch={{ optionFilterProp: 'label' }}
        allowClear
        placeholder={t('actions.fields.categoryPlaceholder')}
        loading={categories.isPending}
        value={value}
        onChange={(next) => onChange(next || undefined)}
        options={(categories.data ?? []).map((category) => ({
          value: category.id,
          label: `${category.code} ${localName(i18n.language, category.nameZh, category.nameEn)}`,
        }))}
        optionRender={(option) => <span data-testid={`category-option-${option.value}`}>{option.label}</span>}
        virtual={false}
        style={{ width: '100%' }}
      />
    </div>
  );
}

function ConditionInput({
  testId,
  categoryId,
  value,
  onChange,
}: {
  testId: string;
  categoryId: string;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
}) {
  const { t, i18n } = useTranslation();
  const categories = useCategories();
  const conditions = categories.data?.find((category) => category.id === categoryId)?.conditions ?? [];
  return (
    <div data-testid={testId}>
      <Select<string>
        allowClear
        placeholder={t('actions.fields.conditionPlaceholder')}
        loading={categories.isPending}
        value={value}
        onChange={(next) => onChange(next || undefined)}
        options={conditions.map((condition) => ({
          value: condition.id,
          label: `${localName(i18n.language, condition.nameZh, condition.nameEn)} · ${t(`timeLimit.${condition.unit}`, { count: condition.limit })}`,
        }))}
        optionRender={(option) => <span data-testid={`condition-option-${option.value}`}>{option.label}</span>}
        virtual={false}
        style={{ width: '100%' }}
      />
    </div>
  );
}

function Field({ label, required, error, children }: { label: string; required?: boolean; error?: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div>
      <Typography.Text strong>
        {required ? <span className="required-mark">* </span> : null}
        {label}
      </Typography.Text>
      <div style={{ marginTop: 4 }}>{children}</div>
      {error ? <Typography.Text type="danger">{t('actions.fields.required')}</Typography.Text> : null}
    </div>
  );
}
