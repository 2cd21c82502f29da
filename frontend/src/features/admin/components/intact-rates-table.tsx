import { Flex, Progress, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/query-error';
import { useIntactRates } from '@/features/admin/api/list-intact-rates';
import type { IntactRateRow } from '@/lib/api-types';
import { localName } from '@/lib/i18n';

const percent = (rate: number | null | undefined) => (rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(2)} %`);

/** 完好率 per category (totals) and per street, each against its category's target where one is set. */
export function IntactRatesTable({ categoryOptions }: { categoryOptions: { value: string; label: string }[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const [category, setCategory] = useState<string | undefined>(undefined);
  const rates = useIntactRates(category);

  const columns = [
    {
      key: 'category',
      title: t('censusAdmin.columns.category'),
      render: (_: unknown, row: IntactRateRow) => `${row.category.code} ${localName(language, row.category.nameZh, row.category.nameEn)}`,
    },
    {
      key: 'street',
      title: t('censusAdmin.street'),
      render: (_: unknown, row: IntactRateRow) => (row.streetCode ? `${row.streetName ?? ''} ${row.streetCode}` : t('censusAdmin.allStreets')),
    },
    { key: 'inService', title: t('censusAdmin.inService'), dataIndex: 'inService', width: 90 },
    { key: 'intact', title: t('censusAdmin.intact'), dataIndex: 'intact', width: 90 },
    {
      key: 'rate',
      title: t('censusAdmin.rate'),
      width: 200,
      render: (_: unknown, row: IntactRateRow) => (
        <Flex gap={8} align="center">
          <Progress percent={Math.round((row.rate ?? 0) * 1000) / 10} size="small" showInfo={false} style={{ width: 80 }}
            status={row.meetsTarget === false ? 'exception' : 'normal'} />
          <span data-testid={`intact-rate-${row.category.code}-${row.streetCode ?? 'all'}`}>{percent(row.rate)}</span>
        </Flex>
      ),
    },
    {
      key: 'target',
      title: t('censusAdmin.target'),
      width: 150,
      render: (_: unknown, row: IntactRateRow) =>
        row.target === null || row.target === undefined ? (
          <span className="muted">—</span>
        ) : (
          <Flex gap={6} align="center">
            <span>≥ {percent(row.target)}</span>
            <Tag color={row.meetsTarget ? 'green' : 'red'} data-testid={`intact-target-${row.category.code}-${row.streetCode ?? 'all'}`}>
              {row.meetsTarget ? t('censusAdmin.meets') : t('censusAdmin.below')}
            </Tag>
          </Flex>
        ),
    },
  ];

  return (
    <Flex vertical gap={8} data-testid="intact-rates">
      <Select
        allowClear
        showSearch
        placeholder={t('censusAdmin.allCategories')}
        style={{ width: 220 }}
        options={categoryOptions}
        optionFilterProp="label"
        onChange={(value?: string) => setCategory(value)}
      />
      {rates.isError ? <QueryError error={rates.error} onRetry={() => void rates.refetch()} /> : null}
      <Table<IntactRateRow>
        rowKey={(row) => `${row.category.code}-${row.streetCode ?? 'all'}`}
        size="small"
        loading={rates.isLoading}
        dataSource={[...(rates.data?.totals ?? []), ...(rates.data?.rows ?? [])]}
        columns={columns}
        pagination={{ pageSize: 20, showSizeChanger: false }}
      />
      {rates.data ? <Typography.Text type="secondary">{t('censusAdmin.definition')}</Typography.Text> : null}
    </Flex>
  );
}
