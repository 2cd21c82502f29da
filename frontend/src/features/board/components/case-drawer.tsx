import { Descriptions, Drawer, Empty, Flex, Image, Spin, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { MapView } from '@/components/map-view';
import { QueryError } from '@/components/query-error';
import { StateTag } from '@/components/state-tag';
import { useCase } from '@/features/board/api/get-case';
import type { CaseDto } from '@/lib/api-types';
import { stateColor, stateLabel } from '@/lib/case-states';
import { formatCoordinate, formatDateTime } from '@/lib/format';
import { localName } from '@/lib/i18n';

export interface CaseDrawerProps {
  caseId: string | null;
  version?: number;
  onClose: () => void;
}

function CaseDetails({ item }: { item: CaseDto }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return (
    <Flex vertical gap={16}>
      <Descriptions size="small" column={1} bordered styles={{ label: { whiteSpace: 'nowrap', width: 112 } }}>
        <Descriptions.Item label={t('case.number')}>
          <span data-testid="drawer-case-number">{item.number}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('case.state')}>
          <StateTag state={item.state} />
          {item.needsManualDispatch ? <Tag color="red">{t('case.needsManualDispatch')}</Tag> : null}
        </Descriptions.Item>
        <Descriptions.Item label={t('case.category')}>
          {item.category.code} {localName(language, item.category.nameZh, item.category.nameEn)}
          {item.condition ? ` · ${localName(language, item.condition.nameZh, item.condition.nameEn)}` : ''}
        </Descriptions.Item>
        {item.department ? (
          <Descriptions.Item label={t('case.department')}>
            {localName(language, item.department.nameZh, item.department.nameEn)}
          </Descriptions.Item>
        ) : null}
        <Descriptions.Item label={t('case.source')}>{t(`case.sources.${item.source.toLowerCase()}`, { defaultValue: item.source })}</Descriptions.Item>
        <Descriptions.Item label={t('case.reportedBy')}>{item.reportedBy}</Descriptions.Item>
        <Descriptions.Item label={t('case.reportedAt')}>{formatDateTime(item.reportedAt, language)}</Descriptions.Item>
        <Descriptions.Item label={t('case.location')}>
          {formatCoordinate(item.longitude)}, {formatCoordinate(item.latitude)}
        </Descriptions.Item>
        <Descriptions.Item label={t('case.description')}>
          <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{item.description || '—'}</Typography.Paragraph>
        </Descriptions.Item>
      </Descriptions>

      <div>
        <Typography.Title level={5}>{t('case.photos')}</Typography.Title>
        {item.photos.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('case.noPhotos')} />
        ) : (
          <Image.PreviewGroup>
            <Flex gap={8} wrap>
              {item.photos.map((photo) => (
                <Image key={photo.id} src={photo.url} width={120} height={90} style={{ objectFit: 'cover' }} alt={item.number} />
              ))}
            </Flex>
          </Image.PreviewGroup>
        )}
      </div>

      <div>
        <Typography.Title level={5}>{t('case.map')}</Typography.Title>
        <MapView
          testId="drawer-map"
          height={220}
          center={[item.latitude, item.longitude]}
          markers={[{ id: item.id, latitude: item.latitude, longitude: item.longitude, color: stateColor(item.state), label: item.number }]}
        />
      </div>

      <div>
        <Typography.Title level={5}>{t('case.trace')}</Typography.Title>
        <Timeline
          data-testid="case-trace"
          items={item.trace.map((entry, index) => ({
            key: `${entry.at}-${index}`,
            color: entry.toState ? stateColor(entry.toState) : 'gray',
            title: formatDateTime(entry.at, language),
            content: (
              <div>
                <Typography.Text strong>{t(`trace.actions.${entry.action}`, { defaultValue: entry.action })}</Typography.Text>
                {entry.toState ? (
                  <span className="muted">
                    {' '}
                    {entry.fromState ? `${stateLabel(t, entry.fromState)} → ` : ''}
                    {stateLabel(t, entry.toState)}
                  </span>
                ) : null}
                <div className="muted">
                  {entry.actor} · {t(`role.${entry.role}`, { defaultValue: entry.role })}
                  {entry.departmentKey ? ` · ${entry.departmentKey}` : ''}
                </div>
                {entry.opinion ? <div>{entry.opinion}</div> : null}
              </div>
            ),
          }))}
        />
      </div>
    </Flex>
  );
}

export function CaseDrawer({ caseId, version, onClose }: CaseDrawerProps) {
  const { t } = useTranslation();
  const detail = useCase(caseId, version);
  return (
    <Drawer
      open={!!caseId}
      onClose={onClose}
      size={560}
      title={detail.data?.number ?? t('case.details')}
      destroyOnHidden
      data-testid="case-drawer"
    >
      {detail.isPending ? <Spin style={{ display: 'block', margin: '48px auto' }} /> : null}
      {detail.isError ? <QueryError error={detail.error} onRetry={() => void detail.refetch()} /> : null}
      {detail.data ? <CaseDetails item={detail.data} /> : null}
    </Drawer>
  );
}
