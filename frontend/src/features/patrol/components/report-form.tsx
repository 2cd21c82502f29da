import { SendOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PhotoPicker } from '@/components/photo-picker';
import { MAX_DESCRIPTION_LENGTH, MAX_PHOTOS } from '@/features/patrol/api/create-case';
import { useCategories } from '@/lib/api/list-categories';
import { CategoryPicker } from '@/components/category-picker';
import { ComponentPicker } from '@/features/patrol/components/component-picker';
import { ConditionPicker } from '@/components/condition-picker';
import { LocationPicker, type PickedLocation } from '@/features/patrol/components/location-picker';
import { outcomeOfError, useDraftKey } from '@/features/patrol/hooks/use-draft-key';
import { useSubmitReport } from '@/features/patrol/hooks/use-report-outbox';
import type { CaseDto } from '@/lib/api-types';
import { describeApiError } from '@/lib/http';
import { usePhotos } from '@/lib/use-photos';

interface ReportFields {
  categoryId?: string;
  conditionId?: string;
  description?: string;
}

export interface ReportFormProps {
  onCreated: (created: CaseDto) => void;
  /** The report could not reach the server and waits in the outbox. */
  onQueued: () => void;
}

export function ReportForm({ onCreated, onQueued }: ReportFormProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ReportFields>();
  const categories = useCategories();
  const submit = useSubmitReport();
  const draftKey = useDraftKey();
  const photos = usePhotos(MAX_PHOTOS);
  const [location, setLocation] = useState<PickedLocation | null>(null);
  const [locationMissing, setLocationMissing] = useState(false);
  const [outside, setOutside] = useState(false);
  const [componentId, setComponentId] = useState<string | undefined>(undefined);

  const categoryId = Form.useWatch('categoryId', form);
  const category = categories.data?.find((item) => String(item.id) === categoryId);
  const conditions = category?.conditions ?? [];

  const onCategoryChange = () => {
    // A single condition needs no choice; several need the patroller's.
    const next = categories.data?.find((item) => String(item.id) === form.getFieldValue('categoryId'));
    const only = next?.conditions.length === 1 ? String(next.conditions[0]!.id) : undefined;
    form.setFieldValue('conditionId', only);
    setComponentId(undefined);
  };

  const changeLocation = useCallback((next: PickedLocation) => {
    setLocation(next);
    setLocationMissing(false);
  }, []);

  const reset = () => {
    form.resetFields();
    photos.clear();
    setLocation(null);
    setOutside(false);
    setComponentId(undefined);
  };

  const onFinish = (fields: ReportFields) => {
    if (!location) {
      setLocationMissing(true);
      return;
    }
    const draft = {
      categoryId: fields.categoryId!,
      conditionId: fields.conditionId,
      componentId: category?.kind === 'component' ? componentId : undefined,
      longitude: location.longitude,
      latitude: location.latitude,
      description: (fields.description ?? '').trim(),
      photos: photos.photos.map((photo) => photo.file),
    };
    submit.mutate(
      { draft, idempotencyKey: draftKey.current() },
      {
        onSuccess: (outcome) => {
          // Sent or safely queued: either way this draft is done and the next one gets a new key.
          draftKey.reset();
          reset();
          if (outcome.status === 'sent') onCreated(outcome.created);
          else onQueued();
        },
        onError: (error) => draftKey.settle(outcomeOfError(error)),
      },
    );
  };

  return (
    <Form<ReportFields>
      form={form}
      layout="vertical"
      onFinish={onFinish}
      onValuesChange={(changed) => {
        if ('categoryId' in changed) onCategoryChange();
      }}
      requiredMark={false}
      className="report-form"
    >
      {categories.isError ? (
        <Alert type="error" showIcon title={describeApiError(categories.error)} style={{ marginBottom: 12 }} />
      ) : null}
      <Form.Item name="categoryId" label={t('patrol.category')} rules={[{ required: true, message: t('patrol.categoryRequired') }]}>
        <CategoryPicker categories={categories.data ?? []} loading={categories.isPending} />
      </Form.Item>
      <Form.Item
        name="conditionId"
        label={t('patrol.condition')}
        rules={[{ required: conditions.length > 0, message: t('patrol.conditionRequired') }]}
      >
        <ConditionPicker conditions={conditions} disabled={!category} />
      </Form.Item>
      <Form.Item
        label={t('patrol.location')}
        required
        validateStatus={locationMissing && !location ? 'error' : undefined}
        help={locationMissing && !location ? t('patrol.locationRequired') : undefined}
      >
        <LocationPicker value={location} onChange={changeLocation} onOutsideChange={setOutside} />
      </Form.Item>
      {category?.kind === 'component' ? (
        <Form.Item label={t('patrol.component.label')}>
          <ComponentPicker
            point={location}
            categoryId={String(category.id)}
            value={componentId}
            onChange={(component) => {
              setComponentId(component?.id);
              if (component) changeLocation({ longitude: component.longitude, latitude: component.latitude });
            }}
          />
        </Form.Item>
      ) : null}
      <Form.Item label={t('patrol.photos')}>
        <PhotoPicker
          photos={photos.photos}
          limit={MAX_PHOTOS}
          compressing={photos.compressing}
          onAdd={(files) => void photos.add(files)}
          onRemove={photos.remove}
        />
      </Form.Item>
      <Form.Item
        name="description"
        label={t('patrol.description')}
        rules={[{ max: MAX_DESCRIPTION_LENGTH, message: t('patrol.descriptionTooLong', { max: MAX_DESCRIPTION_LENGTH }) }]}
      >
        <Input.TextArea
          rows={4}
          maxLength={MAX_DESCRIPTION_LENGTH}
          showCount
          placeholder={t('patrol.descriptionPlaceholder')}
          data-testid="description"
        />
      </Form.Item>
      {submit.isError ? (
        <Alert
          type="error"
          showIcon
          title={t('patrol.submitFailed')}
          description={describeApiError(submit.error)}
          data-testid="submit-error"
          style={{ marginBottom: 12 }}
        />
      ) : null}
      <Button
        type="primary"
        htmlType="submit"
        size="large"
        block
        icon={<SendOutlined />}
        loading={submit.isPending}
        disabled={photos.compressing || outside}
        data-testid="submit-report"
      >
        {t('patrol.submit')}
      </Button>
    </Form>
  );
}
