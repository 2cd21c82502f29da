import { Button, Drawer, Empty, Flex, Grid, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryError } from '@/components/query-error';
import { StateTag } from '@/components/state-tag';
import { useEvaluationCases, type CasesRequest } from '@/features/evaluation/api/evaluation';
import { formatDateTime } from '@/lib/format';

export interface EvaluationCasesDrawerProps {
  request: CasesRequest | null;
  /** "象山区城管局 · 超期处置数 · 2026年11月". */
  title: string;
  onClose: () => void;
}

/** The cases behind one number of the league table, each opening its case file. */
export function EvaluationCasesDrawer({ request, title, onClose }: EvaluationCasesDrawerProps) {
  const { t, i18n } = useTranslation();
  const screens = Grid.useBreakpoint();
  const cases = useEvaluationCases(request);
  const items = cases.data?.pages.flatMap((page) => page.items) ?? [];
  const total = cases.data?.pages[0]?.total ?? null;

  return (
    <Drawer
      open={request !== null}
      onClose={onClose}
      title={title}
      placement={screens.md ? 'right' : 'bottom'}
      size={screens.md ? 560 : 'large'}
      destroyOnHidden
      data-testid="evaluation-cases"
    >
      <Flex vertical gap={8}>
        <Typography.Text data-testid="evaluation-cases-total" data-total={total ?? ''}>
          {total === null ? '…' : t('evaluation.cases.count', { count: total })}
        </Typography.Text>
        {cases.isError ? <QueryError error={cases.error} onRetry={() => void cases.refetch()} /> : null}
        {!cases.isPending && !cases.isError && items.length === 0 ? <Empty description={t('evaluation.cases.empty')} /> : null}
        {items.length > 0 ? (
          <List
            size="small"
            dataSource={items}
            rowKey="caseId"
            renderItem={(item) => (
              <List.Item data-testid="evaluation-case">
                <Flex vertical gap={2} style={{ width: '100%' }}>
                  <Flex justify="space-between" wrap gap={8}>
                    <Link to={`/ledger/cases/${item.caseId}/file`} data-testid="evaluation-case-link">
                      {item.number}
                    </Link>
                    <span>
                      <StateTag state={item.state} />
                      {item.onTime === null ? null : item.onTime ? (
                        <Tag color="green">{t('evaluation.cases.onTime')}</Tag>
                      ) : (
                        <Tag color="red">{t('evaluation.cases.late')}</Tag>
                      )}
                    </span>
                  </Flex>
                  <Typography.Text type="secondary" ellipsis>
                    {item.description}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDateTime(item.at, i18n.language, false)}
                  </Typography.Text>
                </Flex>
              </List.Item>
            )}
          />
        ) : null}
        {cases.hasNextPage ? (
          <Button onClick={() => void cases.fetchNextPage()} loading={cases.isFetchingNextPage} data-testid="evaluation-cases-more">
            {t('evaluation.cases.more')}
          </Button>
        ) : null}
      </Flex>
    </Drawer>
  );
}
