import { Alert, App, Button, Flex, Input, InputNumber, Modal, Radio, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PhotoPicker } from '@/components/photo-picker';
import type { CaseDto, TimeLimitUnit } from '@/lib/api-types';
import { useDepartments } from '@/lib/api/list-departments';
import { useTakeCaseAction } from '@/lib/api/take-case-action';
import { actionSpec, missingFields, orderActions, type ActionInput } from '@/lib/case-actions';
import { ApiError, describeApiError } from '@/lib/http';
import { localName } from '@/lib/i18n';
import { usePhotos } from '@/lib/use-photos';

const MAX_ACTION_PHOTOS = 5;
const UNITS: TimeLimitUnit[] = ['working_hours', 'working_days', 'urgent_hours', 'calendar_days'];

export interface CaseActionsProps {
  item: CaseDto;
  /** Only these of the offered actions are shown (a face may leave some to another screen). */
  only?: readonly string[];
  onDone?: (updated: CaseDto, action: string) => void;
  size?: 'small' | 'middle' | 'large';
  block?: boolean;
}

/** One button per action the server offers the signed-in user (allowedActions), each opening its form. */
export function CaseActions({ item, only, onDone, size = 'middle', block = false }: CaseActionsProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<string | null>(null);
  const offered = orderActions((item.allowedActions ?? []).filter((action) => !only || only.includes(action)));
  if (offered.length === 0) return null;
  return (
    <div data-testid="case-actions">
      <Flex gap={8} wrap vertical={block}>
        {offered.map((action) => (
          <Button
            key={action}
            size={size}
            block={block}
            type={actionSpec(action).danger ? 'default' : 'primary'}
            danger={actionSpec(action).danger}
            data-testid={`action-${action}`}
            onClick={() => setOpen(action)}
          >
            {t(`actions.${action}`, { defaultValue: action })}
          </Button>
        ))}
      </Flex>
      {open ? (
        <ActionDialog
          key={`${open}-${item.version}`}
          item={item}
          action={open}
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
  action: string;
  onClose: () => void;
  onDone: (updated: CaseDto) => void;
}

function ActionDialog({ item, action, onClose, onDone }: ActionDialogProps) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const spec = actionSpec(action);
  const has = (field: (typeof spec.fields)[number]) => spec.fields.includes(field);
  const [input, setInput] = useState<ActionInput>(() => ({
    unit: item.pendingRequest?.unit ?? 'working_hours',
    limit: action === 'approve-extension' ? (item.pendingRequest?.limit ?? undefined) : undefined,
  }));
  const [tried, setTried] = useState(false);
  const photos = usePhotos(MAX_ACTION_PHOTOS);
  const departments = useDepartments(has('departmentKey'));
  const mutation = useTakeCaseAction();
  const set = (patch: Partial<ActionInput>) => setInput((current) => ({ ...current, ...patch }));
  const missing = missingFields(action, input);
  const error = (field: string) => tried && missing.includes(field as never);

  const submit = () => {
    setTried(true);
    if (missing.length > 0) return;
    mutation.mutate(
      { caseId: item.id, action, version: item.version, input: { ...input, photos: photos.photos.map((photo) => photo.file) } },
      {
        onSuccess: (updated) => {
          photos.clear();
          void message.success(t('actions.done', { action: t(`actions.${action}`, { defaultValue: action }), number: updated.number }));
          onDone(updated);
        },
      },
    );
  };

  const conflict = mutation.error instanceof ApiError && mutation.error.status === 409;

  return (
    <Modal
      open
      title={`${t(`actions.${action}`, { defaultValue: action })} · ${item.number}`}
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
      <Flex vertical gap={12} data-testid={`action-form-${action}`}>
        {has('departmentKey') ? (
          <Field label={t('actions.fields.department')} required error={error('departmentKey')}>
            <div data-testid="action-department">
              <Select<string>
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={t('actions.fields.departmentPlaceholder')}
                loading={departments.isPending}
                value={input.departmentKey}
                onChange={(departmentKey) => set({ departmentKey })}
                options={(departments.data ?? []).map((department) => ({
                  value: department.key,
                  label: localName(i18n.language, department.nameZh, department.nameEn),
                }))}
                optionRender={(option) => <span data-testid={`department-option-${option.value}`}>{option.label}</span>}
                virtual={false}
                listHeight={320}
                style={{ width: '100%' }}
              />
            </div>
          </Field>
        ) : null}
        {has('passed') ? (
          <Field label={t('actions.fields.passed')} required error={error('passed')}>
            <Radio.Group value={input.passed} onChange={(event) => set({ passed: event.target.value as boolean })}>
              <Radio.Button value>
                <span data-testid="action-passed-yes">{t('actions.fields.pass')}</span>
              </Radio.Button>
              <Radio.Button value={false}>
                <span data-testid="action-passed-no">{t('actions.fields.fail')}</span>
              </Radio.Button>
            </Radio.Group>
          </Field>
        ) : null}
        {has('satisfied') ? (
          <Field label={t('actions.fields.satisfied')} required error={error('satisfied')}>
            <Radio.Group value={input.satisfied} onChange={(event) => set({ satisfied: event.target.value as boolean })}>
              <Radio.Button value>
                <span data-testid="action-satisfied-yes">{t('actions.fields.yes')}</span>
              </Radio.Button>
              <Radio.Button value={false}>
                <span data-testid="action-satisfied-no">{t('actions.fields.no')}</span>
              </Radio.Button>
            </Radio.Group>
          </Field>
        ) : null}
        {has('limit') ? (
          <Field label={t('actions.fields.limit')} required={spec.required.includes('limit')} error={error('limit')}>
            <Space.Compact style={{ width: '100%' }} data-testid="action-limit-group">
              <InputNumber<number>
                min={0.5}
                max={1000}
                step={input.unit === 'working_days' || input.unit === 'calendar_days' ? 1 : 0.5}
                precision={input.unit === 'working_days' ? 0 : 2}
                value={input.limit}
                onChange={(limit) => set({ limit: limit ?? undefined })}
                style={{ width: '40%' }}
                id="action-limit"
              />
              <Select<TimeLimitUnit>
                value={input.unit}
                onChange={(unit) => set({ unit })}
                options={UNITS.map((unit) => ({ value: unit, label: t(`timeLimit.units.${unit}`) }))}
                style={{ width: '60%' }}
              />
            </Space.Compact>
          </Field>
        ) : null}
        {has('reason') ? (
          <Field label={t('actions.fields.reason')} required={spec.required.includes('reason')} error={error('reason')}>
            <Input.TextArea rows={3} maxLength={2000} value={input.reason} onChange={(event) => set({ reason: event.target.value })} data-testid="action-reason" />
          </Field>
        ) : null}
        {has('instruction') ? (
          <Field label={t('actions.fields.instruction')} required error={error('instruction')}>
            <Input.TextArea
              rows={3}
              maxLength={2000}
              value={input.instruction}
              onChange={(event) => set({ instruction: event.target.value })}
              data-testid="action-instruction"
            />
          </Field>
        ) : null}
        {has('opinion') ? (
          <Field label={t('actions.fields.opinion')} required={action === 'check' && input.passed === false} error={error('opinion')}>
            <Input.TextArea rows={3} maxLength={2000} value={input.opinion} onChange={(event) => set({ opinion: event.target.value })} data-testid="action-opinion" />
          </Field>
        ) : null}
        {has('photos') ? (
          <Field label={t(action === 'feedback' || action === 'check' ? 'actions.fields.afterPhotos' : 'actions.fields.photos')}>
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

function Field({ label, required, error, children }: { label: string; required?: boolean; error?: boolean; children: React.ReactNode }) {
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
