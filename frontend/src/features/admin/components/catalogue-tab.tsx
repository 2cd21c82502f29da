import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, type ButtonProps, Flex, Input, Popconfirm, Segmented, Switch, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/query-error';
import { useCatalogue } from '@/features/admin/api/list-catalogue';
import { useRetireCatalogueEntry } from '@/features/admin/api/retire-catalogue-entry';
import { CategoryDrawer, type CategoryEditing } from '@/features/admin/components/category-drawer';
import { ConditionDrawer, type ConditionEditing } from '@/features/admin/components/condition-drawer';
import { filterCatalogue, type KindFilter } from '@/features/admin/lib/catalogue';
import type { Category, CategoryCondition } from '@/lib/api-types';
import { describeApiError } from '@/lib/http';
import { localName } from '@/lib/i18n';

/** 案件分类: categories with their filing conditions, closing standards and limits; add, edit, retire, restore. */
export function CatalogueTab() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { message } = App.useApp();
  const catalogue = useCatalogue();
  const retire = useRetireCatalogueEntry();
  const [kind, setKind] = useState<KindFilter>('all');
  const [text, setText] = useState('');
  const [showRetired, setShowRetired] = useState(false);
  const [categoryEditing, setCategoryEditing] = useState<CategoryEditing | null>(null);
  const [conditionEditing, setConditionEditing] = useState<ConditionEditing | null>(null);

  const shown = useMemo(
    () => filterCatalogue(catalogue.data ?? [], { kind, text, showRetired }),
    [catalogue.data, kind, text, showRetired],
  );

  const flip = (categoryId: string, conditionId: string | undefined, retiring: boolean) =>
    retire.mutate(
      { categoryId, conditionId, retire: retiring },
      {
        onSuccess: () => void message.success(t(retiring ? 'catalogueAdmin.retiredDone' : 'catalogueAdmin.restoredDone')),
        onError: (error) => void message.error(describeApiError(error)),
      },
    );

  const statusTag = (retired: boolean, testId: string) =>
    retired ? (
      <Tag data-testid={testId}>{t('catalogueAdmin.retired')}</Tag>
    ) : (
      <Tag color="green" data-testid={testId}>
        {t('catalogueAdmin.inUse')}
      </Tag>
    );

  const retireButton = (retired: boolean, onConfirm: () => void, testId: string) =>
    retired ? (
      <Button size="small" onClick={onConfirm} data-testid={`${testId}-restore`}>
        {t('catalogueAdmin.restore')}
      </Button>
    ) : (
      <Popconfirm
        title={t('catalogueAdmin.retireConfirm')}
        onConfirm={onConfirm}
        okText={t('catalogueAdmin.retire')}
        cancelText={t('common.cancel')}
        okButtonProps={{ danger: true, 'data-testid': `${testId}-retire-confirm` } as ButtonProps}
      >
        <Button size="small" danger data-testid={`${testId}-retire`}>
          {t('catalogueAdmin.retire')}
        </Button>
      </Popconfirm>
    );

  const conditionColumns = (category: Category): ColumnsType<CategoryCondition> => [
    {
      key: 'name',
      title: t('catalogueAdmin.columns.condition'),
      render: (_, condition) => localName(language, condition.nameZh, condition.nameEn),
    },
    {
      key: 'closing',
      title: t('catalogueAdmin.columns.closingStandard'),
      render: (_, condition) =>
        localName(language, condition.closingStandardZh, condition.closingStandardEn) || (
          <span className="muted">{t('catalogueAdmin.noClosingStandard')}</span>
        ),
    },
    {
      key: 'limit',
      title: t('catalogueAdmin.columns.limit'),
      width: 150,
      render: (_, condition) => t(`timeLimit.${condition.unit}`, { count: condition.limit }),
    },
    {
      key: 'status',
      title: t('catalogueAdmin.columns.status'),
      width: 90,
      render: (_, condition) => statusTag(condition.retired, `condition-status-${condition.id}`),
    },
    {
      key: 'actions',
      width: 170,
      render: (_, condition) => (
        <Flex gap={6}>
          <Button size="small" onClick={() => setConditionEditing({ category, condition })} data-testid={`condition-edit-${condition.id}`}>
            {t('catalogueAdmin.edit')}
          </Button>
          {retireButton(condition.retired, () => flip(category.id, condition.id, !condition.retired), `condition-${condition.id}`)}
        </Flex>
      ),
    },
  ];

  const columns: ColumnsType<Category> = [
    {
      key: 'code',
      title: t('catalogueAdmin.columns.code'),
      width: 90,
      render: (_, category) => <Typography.Text strong>{category.code}</Typography.Text>,
    },
    {
      key: 'kind',
      title: t('catalogueAdmin.columns.kind'),
      width: 80,
      render: (_, category) => (
        <Tag color={category.kind === 'component' ? 'blue' : 'purple'}>{t(`category.kind.${category.kind}`)}</Tag>
      ),
    },
    {
      key: 'major',
      title: t('catalogueAdmin.columns.major'),
      width: 140,
      render: (_, category) => `${category.majorCode} ${localName(language, category.majorNameZh, category.majorNameEn)}`,
    },
    {
      key: 'name',
      title: t('catalogueAdmin.columns.name'),
      render: (_, category) => localName(language, category.nameZh, category.nameEn),
    },
    {
      key: 'department',
      title: t('catalogueAdmin.columns.departmentKind'),
      width: 150,
      render: (_, category) => <Typography.Text code>{category.departmentKind}</Typography.Text>,
    },
    {
      key: 'conditions',
      title: t('catalogueAdmin.columns.conditions'),
      width: 90,
      render: (_, category) => category.conditions.filter((c) => !c.retired).length,
    },
    {
      key: 'status',
      title: t('catalogueAdmin.columns.status'),
      width: 90,
      render: (_, category) => statusTag(category.retired, `category-status-${category.code}`),
    },
    {
      key: 'actions',
      width: 250,
      render: (_, category) => (
        <Flex gap={6}>
          <Button size="small" onClick={() => setCategoryEditing({ category })} data-testid={`category-edit-${category.code}`}>
            {t('catalogueAdmin.edit')}
          </Button>
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() => setConditionEditing({ category })}
            data-testid={`condition-add-${category.code}`}
          >
            {t('catalogueAdmin.addCondition')}
          </Button>
          {retireButton(category.retired, () => flip(category.id, undefined, !category.retired), `category-${category.code}`)}
        </Flex>
      ),
    },
  ];

  return (
    <Flex vertical gap={12} data-testid="catalogue-tab">
      <Alert type="info" showIcon title={t('catalogueAdmin.intro')} />
      <Flex gap={12} wrap align="center">
        <Segmented<KindFilter>
          value={kind}
          onChange={setKind}
          options={[
            { value: 'all', label: t('catalogueAdmin.allKinds') },
            { value: 'event', label: t('category.kind.event') },
            { value: 'component', label: t('category.kind.component') },
          ]}
        />
        <Input.Search
          allowClear
          placeholder={t('catalogueAdmin.search')}
          style={{ width: 240 }}
          onChange={(event) => setText(event.target.value)}
          data-testid="catalogue-search"
        />
        <Flex gap={6} align="center">
          <Switch checked={showRetired} onChange={setShowRetired} data-testid="catalogue-show-retired" />
          <span>{t('catalogueAdmin.showRetired')}</span>
        </Flex>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCategoryEditing({})} data-testid="category-add">
          {t('catalogueAdmin.addCategory')}
        </Button>
      </Flex>
      {catalogue.isError ? <QueryError error={catalogue.error} onRetry={() => void catalogue.refetch()} /> : null}
      <Table<Category>
        rowKey="id"
        size="small"
        loading={catalogue.isLoading}
        dataSource={shown}
        columns={columns}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        onRow={(category) => ({ 'data-testid': `category-row-${category.code}` }) as object}
        expandable={{
          rowExpandable: (category) => category.conditions.length > 0,
          expandedRowRender: (category) => (
            <Table<CategoryCondition>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={category.conditions.filter((c) => showRetired || !c.retired)}
              columns={conditionColumns(category)}
              onRow={(condition) => ({ 'data-testid': `condition-row-${condition.id}` }) as object}
            />
          ),
        }}
      />
      <CategoryDrawer editing={categoryEditing} onClose={() => setCategoryEditing(null)} />
      <ConditionDrawer editing={conditionEditing} onClose={() => setConditionEditing(null)} />
    </Flex>
  );
}
