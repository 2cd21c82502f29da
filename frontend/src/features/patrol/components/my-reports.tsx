import { ReloadOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/query-error';
import { StateTag } from '@/components/state-tag';
import { useMyCases } from '@/features/patrol/api/list-my-cases';
import { formatDateTime } from '@/lib/format';
import { localName } from '@/lib/i18n';

export function MyReports({ active }: { active: boolean }) {
  const { t, i18n } = useTranslation();
  const cases = useMyCases(active);
  if (cases.isPending) return <Spin style={{ display: 'block', margin: '48px auto' }} />;
  if (cases.isError) return <QueryError error={cases.error} onRetry={() => void cases.refetch()} />;
  return (
    <Flex vertical gap={8} data-testid="my-reports">
      <Flex justify="flex-end">
        <Button icon={<ReloadOutlined />} size="small" loading={cases.isFetching} onClick={() => void cases.refetch()}>
          {t('common.refresh')}
        </Button>
      </Flex>
      {cases.data.length === 0 ? <Empty description={t('patrol.noReports')} /> : null}
      {cases.data.map((item) => (
        <div key={item.id} className="report-card" data-testid={`my-case-${item.number}`}>
          <Flex justify="space-between" align="center">
            <Typography.Text strong>{item.number}</Typography.Text>
            <StateTag state={item.state} />
          </Flex>
          <div>
            {item.categoryCode} {localName(i18n.language, item.categoryNameZh, item.categoryNameEn)}
          </div>
          <Typography.Text type="secondary">{formatDateTime(item.reportedAt, i18n.language)}</Typography.Text>
          {item.description ? (
            <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
              {item.description}
            </Typography.Paragraph>
          ) : null}
        </div>
      ))}
    </Flex>
  );
}
