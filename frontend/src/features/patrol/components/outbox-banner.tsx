import { CloudUploadOutlined, DeleteOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { QueuedReport, ReportOutbox } from '@/features/patrol/lib/report-outbox';
import { formatDateTime } from '@/lib/format';

export interface OutboxBannerProps {
  outbox: ReportOutbox;
  reports: readonly QueuedReport[];
  pending: number;
}

/** Reports waiting in this phone's outbox: how many, and the ones the server refused. */
export function OutboxBanner({ outbox, reports, pending }: OutboxBannerProps) {
  const { t, i18n } = useTranslation();
  if (reports.length === 0) return null;
  const refused = reports.filter((report) => report.status === 'refused');
  return (
    <Flex vertical gap={8} className="outbox-banner" data-testid="outbox">
      {pending > 0 ? (
        <Alert
          type="warning"
          showIcon
          icon={<CloudUploadOutlined />}
          title={
            <span data-testid="outbox-count" data-count={pending}>
              {t('patrol.outbox.pending', { count: pending })}
            </span>
          }
          description={t('patrol.outbox.hint')}
          action={
            <Button size="small" onClick={() => void outbox.flush()} data-testid="outbox-send">
              {t('patrol.outbox.sendNow')}
            </Button>
          }
        />
      ) : null}
      {refused.length > 0 ? (
        <Alert
          type="error"
          showIcon
          title={t('patrol.outbox.refused', { count: refused.length })}
          description={
            <List
              size="small"
              dataSource={refused}
              renderItem={(report) => (
                <List.Item
                  key={report.key}
                  actions={[
                    <Button
                      key="discard"
                      size="small"
                      danger
                      icon={<DeleteOutlined />}
                      onClick={() => void outbox.discard(report.key)}
                      aria-label={t('patrol.outbox.discard')}
                    />,
                  ]}
                >
                  <div>
                    <Typography.Text>{formatDateTime(report.createdAt, i18n.language)}</Typography.Text>
                    {report.fields.description ? <div className="muted">{report.fields.description}</div> : null}
                    {report.lastError ? <Typography.Text type="danger">{report.lastError}</Typography.Text> : null}
                  </div>
                </List.Item>
              )}
            />
          }
        />
      ) : null}
    </Flex>
  );
}
