import { Alert, Button, Card, Empty, Flex, Image, Input, Radio, Result, Skeleton, Steps, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { usePublicProgress, useRatePublicCase } from '@/features/citizen/api/get-public-progress';
import { PublicLayout } from '@/features/citizen/components/public-layout';
import { publicStepsFor } from '@/features/citizen/lib/public-report';
import type { PublicProgress, PublicStepName } from '@/lib/api-types';
import { formatDateTime } from '@/lib/format';
import { ApiError } from '@/lib/http';
import { localName } from '@/lib/i18n';

/** 查询进度: what happened to a report, for whoever holds its secret link, and the reporter's rating once it is done. */
export function PublicTrackPage() {
  const { token = '' } = useParams();
  const { t } = useTranslation();
  const progress = usePublicProgress(token);
  let body;
  if (progress.isLoading) body = <Skeleton active />;
  else if (progress.error instanceof ApiError && progress.error.status === 404)
    body = <Result status="404" title={t('citizen.track.notFound')} subTitle={t('citizen.track.notFoundHint')} data-testid="public-track-not-found" />;
  else if (progress.isError || !progress.data) body = <Alert type="error" showIcon title={t('citizen.errors.network')} />;
  else body = <ProgressView token={token} progress={progress.data} />;
  return (
    <PublicLayout>
      {body}
      <Link to="/public" className="public-page__note" data-testid="public-new-report-link">
        {t('citizen.track.newReport')}
      </Link>
    </PublicLayout>
  );
}

function ProgressView({ token, progress }: { token: string; progress: PublicProgress }) {
  const { t, i18n } = useTranslation();
  const status = progress.status as PublicStepName;
  const reached = new Map(progress.steps.map((step) => [step.step as PublicStepName, step]));
  const names = publicStepsFor(status).filter((name) => name !== 'verifying' || status !== 'declined' || reached.has(name));
  const current = Math.max(0, names.indexOf(status));
  const after = progress.photos.filter((photo) => photo.stage === 'after');
  const before = progress.photos.filter((photo) => photo.stage === 'before');
  return (
    <Flex vertical gap={16} data-testid="public-track" data-status={status}>
      <div>
        <Typography.Text type="secondary">{t('citizen.receipt.number')}</Typography.Text>{' '}
        <Typography.Text strong data-testid="public-track-number">
          {progress.number}
        </Typography.Text>
        <div>{localName(i18n.language, progress.categoryNameZh, progress.categoryNameEn)}</div>
        {progress.description ? <div className="muted">{progress.description}</div> : null}
      </div>
      <Steps
        orientation="vertical"
        size="small"
        current={current}
        status={status === 'declined' ? 'error' : status === 'done' ? 'finish' : 'process'}
        items={names.map((name) => {
          const step = reached.get(name);
          const department = step?.department ? localName(i18n.language, step.department.nameZh, step.department.nameEn) : null;
          return {
            title: <span data-testid={`public-step-${name}`}>{t(`citizen.step.${name}`)}</span>,
            content: step ? (
              <span data-testid={`public-step-${name}-detail`}>
                {formatDateTime(step.at, i18n.language, false)}
                {department ? ` · ${t('citizen.track.department', { name: department })}` : ''}
              </span>
            ) : null,
          };
        })}
      />
      {after.length > 0 ? (
        <Card size="small" title={t('citizen.track.afterPhotos')}>
          <Image.PreviewGroup>
            <Flex gap={8} wrap>
              {after.map((photo) => (
                <Image key={photo.url} src={photo.url} width={96} height={96} style={{ objectFit: 'cover' }} data-testid="public-after-photo" />
              ))}
            </Flex>
          </Image.PreviewGroup>
        </Card>
      ) : null}
      {before.length > 0 ? (
        <Card size="small" title={t('citizen.track.beforePhotos')}>
          <Flex gap={8} wrap>
            {before.map((photo) => (
              <Image key={photo.url} src={photo.url} width={72} height={72} style={{ objectFit: 'cover' }} data-testid="public-before-photo" />
            ))}
          </Flex>
        </Card>
      ) : null}
      {progress.rating ? (
        <Alert
          type={progress.rating.satisfied ? 'success' : 'info'}
          showIcon
          data-testid="public-rating-done"
          title={t(progress.rating.satisfied ? 'citizen.rate.gaveSatisfied' : 'citizen.rate.gaveUnsatisfied')}
          description={progress.rating.words ?? undefined}
        />
      ) : progress.canRate ? (
        <RatingForm token={token} />
      ) : status !== 'done' && status !== 'declined' ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('citizen.rate.later')} />
      ) : null}
    </Flex>
  );
}

function RatingForm({ token }: { token: string }) {
  const { t } = useTranslation();
  const rate = useRatePublicCase(token);
  const [satisfied, setSatisfied] = useState<boolean | null>(null);
  const [words, setWords] = useState('');
  return (
    <Card size="small" title={t('citizen.rate.title')} data-testid="public-rating">
      <Flex vertical gap={8}>
        <Radio.Group value={satisfied} onChange={(event) => setSatisfied(event.target.value as boolean)} optionType="button" buttonStyle="solid">
          <Radio.Button value={true}>
            <span data-testid="public-rate-satisfied">{t('citizen.rate.satisfied')}</span>
          </Radio.Button>
          <Radio.Button value={false}>
            <span data-testid="public-rate-unsatisfied">{t('citizen.rate.unsatisfied')}</span>
          </Radio.Button>
        </Radio.Group>
        <Input.TextArea
          value={words}
          maxLength={2000}
          autoSize={{ minRows: 2, maxRows: 5 }}
          placeholder={t('citizen.rate.wordsHint')}
          onChange={(event) => setWords(event.target.value)}
          data-testid="public-rate-words"
        />
        {rate.isError ? <Alert type="error" showIcon title={t('citizen.rate.failed')} /> : null}
        <Button
          type="primary"
          disabled={satisfied === null}
          loading={rate.isPending}
          onClick={() => satisfied !== null && rate.mutate({ satisfied, words })}
          data-testid="public-rate-submit"
        >
          {t('citizen.rate.submit')}
        </Button>
      </Flex>
    </Card>
  );
}
