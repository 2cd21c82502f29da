import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PhotoPicker } from '@/components/photo-picker';
import { usePublicTopics } from '@/features/citizen/api/list-public-topics';
import {
  MAX_ADDRESS_LENGTH,
  MAX_DESCRIPTION_LENGTH,
  MAX_PUBLIC_PHOTOS,
  useReportPublicly,
} from '@/features/citizen/api/report-publicly';
import { PublicLayout } from '@/features/citizen/components/public-layout';
import { PublicLocation, type PublicPoint } from '@/features/citizen/components/public-location';
import { PublicReceiptView } from '@/features/citizen/components/public-receipt';
import { TopicPicker } from '@/features/citizen/components/topic-picker';
import { missingFields, reportProblem, type ReportField, type ReportProblem } from '@/features/citizen/lib/public-report';
import type { PublicReceipt } from '@/lib/api-types';
import { usePhotos } from '@/lib/use-photos';

/** 公众上报: a resident reports a problem without an account and gets a receipt with a secret tracking link. */
export function PublicReportPage() {
  const [receipt, setReceipt] = useState<PublicReceipt | null>(null);
  return (
    <PublicLayout>
      {receipt ? <PublicReceiptView receipt={receipt} onAnother={() => setReceipt(null)} /> : <PublicReportForm onReported={setReceipt} />}
    </PublicLayout>
  );
}

function PublicReportForm({ onReported }: { onReported: (receipt: PublicReceipt) => void }) {
  const { t } = useTranslation();
  const topics = usePublicTopics();
  const photos = usePhotos(MAX_PUBLIC_PHOTOS);
  const report = useReportPublicly();
  const [topic, setTopic] = useState<string | null>(null);
  const [point, setPoint] = useState<PublicPoint | null>(null);
  const [description, setDescription] = useState('');
  const [addressText, setAddressText] = useState('');
  const [phone, setPhone] = useState('');
  const [problem, setProblem] = useState<ReportProblem>({ fields: {}, general: null });

  const fieldProps = (field: ReportField) =>
    problem.fields[field] ? { validateStatus: 'error' as const, help: <span data-testid={`public-error-${field}`}>{t(problem.fields[field])}</span> } : {};

  const submit = () => {
    const missing = missingFields({ photos: photos.photos.length, topic, location: point !== null, phone });
    if (missing.length > 0) {
      setProblem({ fields: Object.fromEntries(missing.map((field) => [field, `citizen.errors.${field}`])), general: null });
      return;
    }
    setProblem({ fields: {}, general: null });
    report.mutate(
      {
        topic: topic!,
        longitude: point!.longitude,
        latitude: point!.latitude,
        description,
        addressText,
        phone,
        photos: photos.photos.map((photo) => photo.file),
      },
      { onSuccess: onReported, onError: (error) => setProblem(reportProblem(error)) },
    );
  };

  return (
    <Form layout="vertical" onFinish={submit} data-testid="public-report-form">
      <Form.Item label={t('citizen.photos')} required {...fieldProps('photos')}>
        <PhotoPicker
          photos={photos.photos}
          limit={MAX_PUBLIC_PHOTOS}
          compressing={photos.compressing}
          onAdd={(files) => void photos.add(files)}
          onRemove={photos.remove}
          testId="public-photo"
        />
      </Form.Item>
      <Form.Item label={t('citizen.topic')} required {...fieldProps('topic')}>
        <TopicPicker topics={topics.data} loading={topics.isLoading} value={topic} onChange={setTopic} />
      </Form.Item>
      <Form.Item label={t('citizen.location')} required {...fieldProps('location')}>
        <PublicLocation value={point} onChange={setPoint} />
      </Form.Item>
      <Form.Item label={t('citizen.addressText')} {...fieldProps('addressText')}>
        <Input
          value={addressText}
          maxLength={MAX_ADDRESS_LENGTH}
          placeholder={t('citizen.addressTextHint')}
          onChange={(event) => setAddressText(event.target.value)}
          data-testid="public-address"
        />
      </Form.Item>
      <Form.Item label={t('citizen.description')} {...fieldProps('description')}>
        <Input.TextArea
          value={description}
          maxLength={MAX_DESCRIPTION_LENGTH}
          autoSize={{ minRows: 2, maxRows: 6 }}
          placeholder={t('citizen.descriptionHint')}
          onChange={(event) => setDescription(event.target.value)}
          data-testid="public-description"
        />
      </Form.Item>
      <Form.Item label={t('citizen.phone')} extra={t('citizen.phoneHint')} {...fieldProps('phone')}>
        <Input
          value={phone}
          inputMode="tel"
          autoComplete="tel"
          maxLength={24}
          onChange={(event) => setPhone(event.target.value)}
          data-testid="public-phone"
        />
      </Form.Item>
      {problem.general ? (
        <Alert type="error" showIcon title={t(problem.general)} style={{ marginBottom: 16 }} data-testid="public-error" />
      ) : null}
      <Button type="primary" htmlType="submit" block size="large" loading={report.isPending} data-testid="public-submit">
        {t('citizen.submit')}
      </Button>
      <p className="muted public-page__note">{t('citizen.privacyNote')}</p>
    </Form>
  );
}
