import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, type ButtonProps, Flex, Input, Popconfirm, Select, Switch, Table, Tag, Typography, Upload } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MapView, type MapMarker } from '@/components/map-view';
import { QueryError } from '@/components/query-error';
import { useImportComponents } from '@/features/admin/api/import-components';
import { useCatalogue } from '@/features/admin/api/list-catalogue';
import { useComponents, type ComponentFilters } from '@/features/admin/api/list-components';
import { useRetireComponent } from '@/features/admin/api/retire-component';
import { ComponentDrawer } from '@/features/admin/components/component-drawer';
import { IntactRatesTable } from '@/features/admin/components/intact-rates-table';
import { COMPONENT_CONDITIONS, conditionColor, importProblems, type ImportProblem } from '@/features/admin/lib/census';
import type { ComponentImportResult, ComponentRecord } from '@/lib/api-types';
import { ApiError, describeApiError } from '@/lib/http';
import { localName } from '@/lib/i18n';

const PAGE_SIZE = 50;

/** 部件普查: the inventory searched, paged and mapped; one record edited; census files imported; intact rates. */
export function CensusTab() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { message } = App.useApp();
  const [filters, setFilters] = useState<ComponentFilters>({ page: 1, pageSize: PAGE_SIZE });
  const components = useComponents(filters);
  const catalogue = useCatalogue();
  const retire = useRetireComponent();
  const importer = useImportComponents();
  const [editing, setEditing] = useState<ComponentRecord | null>(null);
  const [imported, setImported] = useState<ComponentImportResult | null>(null);
  const [problems, setProblems] = useState<{ message: string; rows: ImportProblem[] } | null>(null);

  const filter = (change: Partial<ComponentFilters>) => setFilters((current) => ({ ...current, ...change, page: change.page ?? 1 }));
  const categoryOptions = useMemo(
    () =>
      (catalogue.data ?? [])
        .filter((category) => category.kind === 'component')
        .map((category) => ({ value: category.code, label: `${category.code} ${localName(language, category.nameZh, category.nameEn)}` })),
    [catalogue.data, language],
  );
  const items = useMemo(() => components.data?.items ?? [], [components.data]);
  const markers = useMemo<MapMarker[]>(
    () =>
      items.map((item) => ({
        id: item.id,
        latitude: item.latitude,
        longitude: item.longitude,
        color: conditionColor(item.condition),
        label: `${item.id} ${localName(language, item.category.nameZh, item.category.nameEn)}`,
        onClick: () => setEditing(item),
      })),
    [items, language],
  );

  const upload = (file: File) => {
    setImported(null);
    setProblems(null);
    importer.mutate(file, {
      onSuccess: (result) => setImported(result),
      onError: (error) =>
        setProblems({
          message: error instanceof ApiError ? (error.detail ?? error.title) : describeApiError(error),
          rows: importProblems(error),
        }),
    });
    return false;
  };

  const flip = (item: ComponentRecord) =>
    retire.mutate(
      { id: item.id, retire: !item.retired },
      {
        onSuccess: () => void message.success(t(item.retired ? 'censusAdmin.restoredDone' : 'censusAdmin.retiredDone')),
        onError: (error) => void message.error(describeApiError(error)),
      },
    );

  const columns: ColumnsType<ComponentRecord> = [
    { key: 'id', title: t('censusAdmin.columns.id'), width: 170, render: (_, item) => <Typography.Text code>{item.id}</Typography.Text> },
    {
      key: 'category',
      title: t('censusAdmin.columns.category'),
      render: (_, item) => `${item.category.code} ${localName(language, item.category.nameZh, item.category.nameEn)}`,
    },
    { key: 'grid', title: t('censusAdmin.columns.unitGrid'), width: 150, dataIndex: 'unitGridCode' },
    {
      key: 'owner',
      title: t('censusAdmin.columns.owner'),
      render: (_, item) => (item.owner ? localName(language, item.owner.nameZh, item.owner.nameEn) : <span className="muted">{t('censusAdmin.noOwner')}</span>),
    },
    { key: 'maintainer', title: t('censusAdmin.columns.maintainer'), dataIndex: 'maintainer' },
    {
      key: 'state',
      title: t('censusAdmin.columns.state'),
      width: 90,
      render: (_, item) => t(`censusAdmin.condition.${item.state}`, { defaultValue: item.state }),
    },
    {
      key: 'condition',
      title: t('censusAdmin.columns.condition'),
      width: 110,
      render: (_, item) => (
        <Tag color={conditionColor(item.condition)} data-testid={`component-condition-${item.id}`}>
          {t(`censusAdmin.condition.${item.condition}`, { defaultValue: item.condition ?? '' })}
        </Tag>
      ),
    },
    {
      key: 'actions',
      width: 160,
      render: (_, item) => (
        <Flex gap={6}>
          <Button size="small" onClick={() => setEditing(item)} data-testid={`component-edit-${item.id}`}>
            {t('censusAdmin.edit')}
          </Button>
          {item.retired ? (
            <Button size="small" onClick={() => flip(item)} data-testid={`component-restore-${item.id}`}>
              {t('censusAdmin.restore')}
            </Button>
          ) : (
            <Popconfirm
              title={t('censusAdmin.retireConfirm')}
              onConfirm={() => flip(item)}
              okText={t('censusAdmin.retire')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true, 'data-testid': `component-retire-confirm-${item.id}` } as ButtonProps}
            >
              <Button size="small" danger data-testid={`component-retire-${item.id}`}>
                {t('censusAdmin.retire')}
              </Button>
            </Popconfirm>
          )}
        </Flex>
      ),
    },
  ];

  return (
    <Flex vertical gap={12} data-testid="census-tab">
      <Flex gap={12} wrap align="center">
        <Input.Search
          allowClear
          placeholder={t('censusAdmin.search')}
          style={{ width: 260 }}
          onSearch={(q) => filter({ q: q.trim() || undefined })}
          data-testid="census-search"
        />
        <Select
          allowClear
          showSearch
          placeholder={t('censusAdmin.allCategories')}
          style={{ width: 220 }}
          options={categoryOptions}
          optionFilterProp="label"
          onChange={(category?: string) => filter({ category })}
          data-testid="census-category"
        />
        <Select
          allowClear
          placeholder={t('censusAdmin.allConditions')}
          style={{ width: 160 }}
          options={COMPONENT_CONDITIONS.map((value) => ({ value, label: t(`censusAdmin.condition.${value}`) }))}
          onChange={(condition?: string) => filter({ condition })}
        />
        <Flex gap={6} align="center">
          <Switch onChange={(includeRetired) => filter({ includeRetired })} />
          <span>{t('censusAdmin.showRetired')}</span>
        </Flex>
        <Upload accept=".csv,.json,.geojson" showUploadList={false} beforeUpload={upload}>
          <Button icon={<UploadOutlined />} loading={importer.isPending} data-testid="census-import">
            {t('censusAdmin.import')}
          </Button>
        </Upload>
      </Flex>
      <Typography.Text type="secondary">{t('censusAdmin.importHelp')}</Typography.Text>
      {imported ? (
        <Alert
          type="success"
          showIcon
          closable
          onClose={() => setImported(null)}
          data-testid="census-import-result"
          title={t('censusAdmin.imported', { created: imported.created, updated: imported.updated, unchanged: imported.unchanged })}
        />
      ) : null}
      {problems ? (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setProblems(null)}
          data-testid="census-import-problems"
          title={`${t('censusAdmin.importRefused')} ${problems.message}`}
          description={
            problems.rows.length > 0 ? (
              <Table<ImportProblem>
                rowKey="key"
                size="small"
                pagination={false}
                dataSource={problems.rows}
                columns={[
                  { key: 'row', title: t('censusAdmin.problemRow'), dataIndex: 'row', width: 140 },
                  { key: 'field', title: t('censusAdmin.problemField'), dataIndex: 'field', width: 110 },
                  { key: 'message', title: t('censusAdmin.problemMessage'), dataIndex: 'message' },
                ]}
              />
            ) : null
          }
        />
      ) : null}
      {components.isError ? <QueryError error={components.error} onRetry={() => void components.refetch()} /> : null}
      <MapView markers={markers} height={320} testId="census-map" />
      <Table<ComponentRecord>
        rowKey="id"
        size="small"
        loading={components.isFetching}
        dataSource={items}
        columns={columns}
        onRow={(item) => ({ 'data-testid': `component-row-${item.id}` }) as object}
        pagination={{
          current: filters.page,
          pageSize: filters.pageSize,
          total: components.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => t('censusAdmin.total', { total }),
          onChange: (page) => filter({ page }),
        }}
      />
      <Typography.Title level={5}>{t('censusAdmin.intactRates')}</Typography.Title>
      <IntactRatesTable categoryOptions={categoryOptions} />
      <ComponentDrawer component={editing} onClose={() => setEditing(null)} />
    </Flex>
  );
}
