import { PrinterOutlined, ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Descriptions, Empty, Flex, Image, Spin, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { MapView } from '@/components/map-view';
import { QueryError } from '@/components/query-error';
import { StateTag } from '@/components/state-tag';
import { caseFileSteps } from '@/features/ledger/lib/case-file';
import type { CaseTraceEntry } from '@/lib/api-types';
import { useCase } from '@/lib/api/get-case';
import { stateColor, stateLabel } from '@/lib/case-states';
import { formatCoordinate, formatDateTime } from '@/lib/format';
import { localName } from '@/lib/i18n';

/**
 * 案卷: one printable page per case: the facts, the clocks, the map, each step's photos before and after side by
 * side, and the whole history with who acted. Printing (or "save as PDF") uses the print stylesheet.
 */
export function CaseFilePage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const lang = i18n.language;
  const detail = useCase(id ?? null);
  if (detail.isPending) return <Spin style={{ display: 'block', margin: '48px auto' }} />;
  if (detail.isError) return <QueryError error={detail.error} onRetry={() => void detail.refetch()} />;
  const item = detail.data;
  const steps = caseFileSteps(item);
  const at = (value: string | null | undefined) => (value ? formatDateTime(value, lang) : '—');
  const dispatched = item.trace.find((e) => e.action === 'dispatch');
  const closed = [...item.trace].reverse().find((e) => e.toState === 'Closed');

  return (
    <article className="case-file" data-testid="case-file">
      <Flex justify="space-between" align="center" className="case-file__toolbar no-print" gap={8} wrap>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>
          {t('ledger.back')}
        </Button>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="case-file-print">
          {t('ledger.file.print')}
        </Button>
      </Flex>
      <Typography.Title level={3} className="case-file__title">
        {t('ledger.file.title')} <span data-testid="case-file-number">{item.number}</span>
      </Typography.Title>
      <Descriptions size="small" bordered column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('case.state')}>
          <StateTag state={item.state} />
          {item.escalated ? <Tag color="red">{t('ledger.flag.escalated')}</Tag> : null}
          {item.reworkCount ? <Tag color="volcano">{t('case.reworkCount', { count: item.reworkCount })}</Tag> : null}
          {item.extensionCount ? <Tag color="gold">{t('case.extensionCount', { count: item.extensionCount })}</Tag> : null}
        </Descriptions.Item>
        <Descriptions.Item label={t('case.source')}>{t(`case.sources.${item.source.toLowerCase()}`, { defaultValue: item.source })}</Descriptions.Item>
        <Descriptions.Item label={t('case.category')}>
          {item.category.code} {localName(lang, item.category.nameZh, item.category.nameEn)}
          {item.condition ? ` · ${localName(lang, item.condition.nameZh, item.condition.nameEn)}` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('case.department')}>
          {item.department ? localName(lang, item.department.nameZh, item.department.nameEn) : '—'}
          {(item.assistingDepartments ?? []).length > 0
            ? ` (${t('ledger.file.assisting')}: ${item.assistingDepartments!.map((d) => localName(lang, d.nameZh, d.nameEn)).join('、')})`
            : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('case.grid')}>
          {[item.street?.name, item.community?.name, item.unitGrid?.name].filter(Boolean).join(' / ') || '—'}{' '}
          <span className="muted">{item.unitGrid?.code}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('case.location')}>
          {formatCoordinate(item.longitude)}, {formatCoordinate(item.latitude)}
        </Descriptions.Item>
        {item.componentId ? <Descriptions.Item label={t('case.component')}>{item.componentId}</Descriptions.Item> : null}
        <Descriptions.Item label={t('case.reportedBy')}>{item.reportedBy}</Descriptions.Item>
        <Descriptions.Item label={t('ledger.column.reportedAt')}>{at(item.reportedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('ledger.column.dispatchedAt')}>{at(dispatched?.at)}</Descriptions.Item>
        <Descriptions.Item label={t('ledger.column.deadline')}>
          {at(item.nextDeadline)} {item.light ? <Tag color={item.light === 'Red' ? 'red' : item.light === 'Yellow' ? 'gold' : 'green'}>{t(`ledger.light.${item.light}`)}</Tag> : null}
        </Descriptions.Item>
        <Descriptions.Item label={t('ledger.column.closedAt')}>{at(closed?.at)}</Descriptions.Item>
        <Descriptions.Item label={t('case.description')} span={2}>
          <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{item.description || '—'}</Typography.Paragraph>
        </Descriptions.Item>
      </Descriptions>

      <section className="case-file__section">
        <Typography.Title level={5}>{t('case.map')}</Typography.Title>
        <MapView
          testId="case-file-map"
          height={260}
          center={[item.latitude, item.longitude]}
          markers={[{ id: item.id, latitude: item.latitude, longitude: item.longitude, color: stateColor(item.state), label: item.number }]}
        />
      </section>

      <section className="case-file__section">
        <Typography.Title level={5}>{t('ledger.file.photos')}</Typography.Title>
        {steps.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('case.noPhotos')} />
        ) : (
          <table className="case-file__photos" data-testid="case-file-photos">
            <thead>
              <tr>
                <th>{t('ledger.file.step')}</th>
                <th>{t('case.photosBefore')}</th>
                <th>{t('case.photosAfter')}</th>
              </tr>
            </thead>
            <tbody>
              {steps.map((step) => (
                <tr key={step.key}>
                  <td>{step.label}</td>
                  <td>
                    {step.before.map((p) => (
                      <Image key={p.id} src={p.url} width={140} height={105} style={{ objectFit: 'cover' }} alt={item.number} />
                    ))}
                  </td>
                  <td>
                    {step.after.map((p) => (
                      <Image key={p.id} src={p.url} width={140} height={105} style={{ objectFit: 'cover' }} alt={item.number} />
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className="case-file__section">
        <Typography.Title level={5}>{t('case.trace')}</Typography.Title>
        <Table<CaseTraceEntry>
          size="small"
          pagination={false}
          rowKey={(e) => String(e.sequence)}
          dataSource={item.trace}
          data-testid="case-file-trace"
          columns={[
            { key: 'at', title: t('ledger.file.at'), render: (_, e) => formatDateTime(e.at, lang), width: 170 },
            { key: 'what', title: t('ledger.file.what'), render: (_, e) => e.text || e.code || e.action },
            {
              key: 'state',
              title: t('case.state'),
              render: (_, e) => (e.toState && e.toState !== e.fromState ? stateLabel(t, e.toState) : ''),
              width: 100,
            },
            {
              key: 'who',
              title: t('ledger.file.who'),
              render: (_, e) => [e.actorName || e.actor, e.departmentName].filter(Boolean).join(' · '),
            },
            {
              key: 'onTime',
              title: t('ledger.file.onTime'),
              width: 80,
              render: (_, e) => (e.onTime === false ? <Tag color="red">{t('case.late')}</Tag> : e.onTime ? t('ledger.yes') : ''),
            },
            { key: 'opinion', title: t('ledger.file.opinion'), render: (_, e) => e.opinion ?? '' },
          ]}
        />
      </section>
    </article>
  );
}
