import { EditOutlined, PlusOutlined, ReloadOutlined, StopOutlined } from '@ant-design/icons';
import { App, Button, Flex, Popconfirm, Select, Switch, Table, Tag, Typography, type ButtonProps } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/query-error';
import { useCategories } from '@/lib/api/list-categories';
import { useRoutingRules } from '@/features/admin/api/list-routing-rules';
import { useRetireRoutingRule } from '@/features/admin/api/retire-routing-rule';
import { DryRunBox } from '@/features/admin/components/dry-run-box';
import { RuleFormDrawer } from '@/features/admin/components/rule-form-drawer';
import {
  categoryOption,
  departmentKindLabel,
  hasEnded,
  isOpenEnded,
  sortRules,
  targetLabel,
  type RuleEditing,
} from '@/features/admin/lib/routing-rules';
import type { RoutingRule } from '@/lib/api-types';
import { formatDateTime } from '@/lib/format';
import { describeApiError } from '@/lib/http';
import { localName } from '@/lib/i18n';

/** 派遣规则: the rules in force (or all of them), filtered by category, with new / change / retire. */
export function RoutingRulesTab() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { message } = App.useApp();
  const [categoryId, setCategoryId] = useState<string | undefined>();
  const [includeRetired, setIncludeRetired] = useState(false);
  const [editing, setEditing] = useState<RuleEditing | null>(null);
  const rules = useRoutingRules({ categoryId, includeRetired });
  const categories = useCategories();
  const retire = useRetireRoutingRule();
  const now = Date.now();

  const categoryOptions = useMemo(
    () => (categories.data ?? []).map((category) => categoryOption(category, language, t(`category.kind.${category.kind}`))),
    [categories.data, language, t],
  );
  const shown = useMemo(() => sortRules(rules.data ?? []), [rules.data]);

  const retireRule = (rule: RoutingRule) =>
    retire.mutate(rule.id, {
      onSuccess: () => void message.success(t('admin.rules.retiredDone')),
      onError: (error) => void message.error(describeApiError(error)),
    });

  const columns: ColumnsType<RoutingRule> = [
    {
      key: 'category',
      title: `${t('admin.rules.columns.category')} / ${t('admin.rules.columns.condition')}`,
      width: 210,
      render: (_, rule) => (
        <Flex vertical>
          <span>
            <Typography.Text strong>{rule.category.code}</Typography.Text> {localName(language, rule.category.nameZh, rule.category.nameEn)}
            {hasEnded(rule, now) ? (
              <Tag style={{ marginLeft: 6 }} data-testid="rule-retired">
                {t('admin.rules.retired')}
              </Tag>
            ) : !rule.inForce ? (
              <Tag color="gold" style={{ marginLeft: 6 }}>
                {t('admin.rules.notYet')}
              </Tag>
            ) : null}
          </span>
          <span className="muted" data-testid="rule-condition">
            {rule.condition ? localName(language, rule.condition.nameZh, rule.condition.nameEn) : t('admin.rules.anyCondition')}
          </span>
        </Flex>
      ),
    },
    {
      key: 'grid',
      title: t('admin.rules.columns.grid'),
      width: 160,
      render: (_, rule) =>
        rule.gridCode ? (
          <span data-testid="rule-grid">
            {rule.gridName ?? ''} <span className="muted">{rule.gridCode}</span>
          </span>
        ) : (
          <span className="muted">{t('admin.rules.everywhere')}</span>
        ),
    },
    {
      key: 'owner',
      title: t('admin.rules.columns.owner'),
      width: 120,
      render: (_, rule) =>
        rule.ownerDepartment ? (
          localName(language, rule.ownerDepartment.nameZh, rule.ownerDepartment.nameEn)
        ) : (
          <span className="muted">{t('admin.rules.anyOwner')}</span>
        ),
    },
    {
      key: 'target',
      title: t('admin.rules.columns.target'),
      width: 210,
      render: (_, rule) => (
        <span data-testid="rule-target" data-target={rule.target} data-department={rule.department?.key}>
          <Tag color={rule.target === 'department' ? 'blue' : rule.target === 'componentOwner' ? 'purple' : 'cyan'}>
            {t(`admin.rules.target.${rule.target}`)}
          </Tag>
          {rule.target === 'department' ? targetLabel(rule, t, language) : null}
          {rule.target === 'jurisdiction' && rule.departmentKind ? departmentKindLabel(rule.departmentKind, t) : null}
        </span>
      ),
    },
    {
      key: 'priority',
      title: t('admin.rules.columns.priority'),
      dataIndex: 'priority',
      width: 70,
      align: 'right',
    },
    {
      key: 'validity',
      title: t('admin.rules.columns.validity'),
      width: 150,
      render: (_, rule) => (
        <Flex vertical>
          <span>{t('admin.rules.validFrom', { time: formatDateTime(rule.validFrom, language, false) })}</span>
          <span className="muted">
            {rule.validTo ? t('admin.rules.validTo', { time: formatDateTime(rule.validTo, language, false) }) : t('admin.rules.openEnded')}
          </span>
        </Flex>
      ),
    },
    {
      key: 'note',
      title: t('admin.rules.columns.note'),
      dataIndex: 'note',
      ellipsis: true,
      render: (note: string | null | undefined) => (note ? <span title={note}>{note}</span> : null),
    },
    {
      key: 'actions',
      title: t('admin.rules.columns.actions'),
      width: 185,
      fixed: 'right',
      render: (_, rule) =>
        isOpenEnded(rule) ? (
          <Flex gap={4}>
            <Button size="small" icon={<EditOutlined />} onClick={() => setEditing({ mode: 'change', rule })} data-testid="rule-change">
              {t('admin.rules.change')}
            </Button>
            <Popconfirm
              title={t('admin.rules.retireConfirm')}
              okText={t('admin.rules.retire')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true, 'data-testid': 'rule-retire-confirm' } as ButtonProps}
              onConfirm={() => retireRule(rule)}
            >
              <Button
                size="small"
                danger
                icon={<StopOutlined />}
                loading={retire.isPending && retire.variables === rule.id}
                data-testid="rule-retire"
              >
                {t('admin.rules.retire')}
              </Button>
            </Popconfirm>
          </Flex>
        ) : null,
    },
  ];

  return (
    <Flex vertical gap={16} data-testid="routing-rules">
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Flex align="center" gap={12} wrap>
          <Select<string>
            allowClear
            style={{ width: 320 }}
            placeholder={t('admin.rules.allCategories')}
            loading={categories.isPending}
            value={categoryId}
            onChange={(value) => setCategoryId(value || undefined)}
            showSearch={{ optionFilterProp: 'label' }}
            options={categoryOptions}
            optionRender={(option) => <span data-testid={`rules-category-option-${option.data.testId}`}>{option.label}</span>}
            virtual={false}
            data-testid="rules-category-filter"
          />
          <span>
            <Switch size="small" checked={includeRetired} onChange={setIncludeRetired} data-testid="rules-include-retired" />{' '}
            {t('admin.rules.includeRetired')}
          </span>
          {rules.data ? <Tag data-testid="rules-count">{t('admin.rules.count', { count: rules.data.length })}</Tag> : null}
        </Flex>
        <Flex gap={8}>
          <Button icon={<ReloadOutlined />} onClick={() => void rules.refetch()} loading={rules.isFetching}>
            {t('common.refresh')}
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ mode: 'new' })} data-testid="rule-new">
            {t('admin.rules.new')}
          </Button>
        </Flex>
      </Flex>
      {rules.isError ? (
        <QueryError error={rules.error} onRetry={() => void rules.refetch()} />
      ) : (
        <Table<RoutingRule>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={shown}
          loading={rules.isPending || (rules.isPlaceholderData && rules.isFetching)}
          scroll={{ x: 1200 }}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{ emptyText: t('admin.rules.empty') }}
          data-testid="rules-table"
          onRow={(rule) =>
            ({
              'data-testid': `rule-row-${rule.id}`,
              'data-in-force': String(rule.inForce),
            }) as HTMLAttributes<HTMLElement>
          }
        />
      )}
      <DryRunBox categoryOptions={categoryOptions} categoriesLoading={categories.isPending} />
      <RuleFormDrawer
        editing={editing}
        categories={categories.data ?? []}
        onClose={() => setEditing(null)}
        onSaved={(rule) => {
          setEditing(null);
          // Show the saved rule even when the filter is on another category.
          if (categoryId && categoryId !== rule.category.id) setCategoryId(rule.category.id);
        }}
      />
    </Flex>
  );
}
