import { SendOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_DESCRIPTION_LENGTH, MAX_PHOTOS, useCreateCase } from '@/features/patrol/api/create-case';
import { useCategories } from '@/features/patrol/api/list-categories';
import { CategoryPicker } from '@/features/patrol/components/category-picker';
import { ConditionPicker } from '@/features/patrol/components/condition-picker';
import { LocationPicker, type PickedLocation } from '@/features/patrol/components/location-picker';
import { PhotoPicker } from '@/features/patrol/components/photo-picker';
import { outcomeOfError, useDraftKey } from '@/features/patrol/hooks/use-draft-key';
import { usePhotos } from '@/features/patrol/hooks/use-photos';
import type { CaseDto } from '@/lib/api-types';
import { describeApiError } from '@/lib/http';

interface ReportFields {
  categoryId?: string;
  conditionId?: string;
  description?: string;
}

export interface ReportFormProps {
  onCreated: (created: CaseDto) => void;
}

export function ReportForm({ onCreated }: ReportFormProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ReportFields>();
  const categories = useCategories();
  const createCase = useCreateCase();
  const draftKey = useDraftKey();
  const photos = usePhotos(MAX_PHOTOS);
  const [location, setLocation] = useState<PickedLocation | null>(null);
  const [locationMissing, setLocationMissing] = useState(false);

  const categoryId = Form.useWatch('categoryId', form);
  const category = categories.data?.find((item) => String(item.id) === categoryId);
  const conditions = category?.conditions ?? [];

  const onCategoryChange = () => {
    // A single condition needs no choice; several need the patroller's.
    const next = categories.data?.find((item) => String(item.id) === form.getFieldValue('categoryId'));
    const only = next?.conditions.length === 1 ? String(next.conditions[0]!.id) : undefined;
    form.setFieldValue('conditionId', only);
  };

  const onFinish = (fields: ReportFields) => {
    if (!location) {
      setLocationMissing(true);
      return;
    }
    const draft = {
      categoryId: fields.categoryId!,
      conditionId: fields.conditionId,
      longitude: location.longitude,
      latitude: location.latitude,
      description: (fields.description ?? '').trim(),
      photos: photos.photos.map((photo) => photo.file),
    };
    createCase.mutate(
      { draft, idempotencyKey: draftKey.current() },
      {
        onSuccess: (created) => {
          draftKey.settle('created');
          form.resetFields();
          photos.clear();
          setLocation(null);
          onCreated(created);
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
        <LocationPicker
          value={location}
          onChange={(next) => {
            setLocation(next);
            setLocationMissing(false);
          }}
        />
      </Form.Item>
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
      {createCase.isError ? (
        <Alert
          type="error"
          showIcon
          title={t('patrol.submitFailed')}
          description={describeApiError(createCase.error)}
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
        loading={createCase.isPending}
        disabled={photos.compressing}
        data-testid="submit-report"
      >
        {createCase.isError && outcomeOfError(createCase.error) === 'unknown' ? t('patrol.retry') : t('patrol.submit')}
      </Button>
    </Form>
  );
}
