import { FileTextOutlined, FilterOutlined, SaveOutlined, SettingOutlined } from '@ant-design/icons';
import { App, Badge, Button, Card, Checkbox, Drawer, Empty, Flex, Grid, Input, Popover, Select, Space, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { CaseDrawer } from '@/components/case-drawer';
import { QueryError } from '@/components/query-error';
import { useDeleteView, useLedgerTemplates, useSavedViews, useSaveTemplate, useSaveView } from '@/features/ledger/api/saved-ledgers';
import { useSearchCases } from '@/features/ledger/api/search-cases';
import { ExportPanel } from '@/features/ledger/components/export-panel';
import { LedgerFiltersBar } from '@/features/ledger/components/ledger-filters';
import { LedgerTable } from '@/features/ledger/components/ledger-table';
import { LEDGER_COLUMNS, shownColumns } from '@/features/ledger/lib/columns';
import {
  activeFilterCount,
  apiQuery,
  DEFAULT_SORT,
  nextSort,
  readLedgerUrl,
  withFilter,
  writeLedgerUrl,
  type FilterKey,
  type LedgerUrlState,
} from '@/features/ledger/lib/ledger-url';
import { useDepartments } from '@/lib/api/list-departments';
import { describeApiError } from '@/lib/http';
import { hasRole, useMe } from '@/lib/session';

/** 台账: find any case by combinable filters kept in the URL, save views, export, open a case or its file. */
export function LedgerPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [search, setSearch] = useSearchParams();
  const state = useMemo(() => readLedgerUrl(search), [search]);
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const me = useMe();
  const commandCentre = hasRole(me.data, 'acceptor', 'shift-leader', 'dispatcher', 'leader', 'admin');
  const admin = hasRole(me.data, 'admin');
  const departments = useDepartments(commandCentre);
  const query = apiQuery(state);
  const cases = useSearchCases(query);
  const views = useSavedViews();
  const templates = useLedgerTemplates();
  const saveView = useSaveView();
  const deleteView = useDeleteView();
  const saveTemplate = useSaveTemplate();
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [name, setName] = useState('');
  const [text, setText] = useState(state.filters.q ?? '');
  // The box follows the URL when history moves (back, a view applied).
  useEffect(() => setText(state.filters.q ?? ''), [state.filters.q]);

  // Filter changes are new history entries (back undoes them); opening a case replaces nothing either.
  // Changes build on the latest state, not this render's: two quick edits (from, then to) must both stay, and the
  // router's functional update does not queue them.
  const latest = useRef(state);
  latest.current = state;
  const update = (change: (current: LedgerUrlState) => LedgerUrlState) => {
    const next = change(latest.current);
    latest.current = next;
    setSearch(writeLedgerUrl(next));
  };
  const go = (next: LedgerUrlState) => update(() => next);
  const setFilter = (key: FilterKey, value: string | string[] | null) => update((current) => withFilter(current, key, value));
  const columns = shownColumns(state.columns, phone);
  const rows = cases.data?.pages.flatMap((p) => p.items) ?? [];
  const total = cases.data?.pages[0]?.total ?? null;
  const viewColumns = state.columns.length > 0 ? state.columns : columns.map((c) => c.key);

  const applySaved = (saved: { query: string; columns: string[] }) => {
    const next = readLedgerUrl(new URLSearchParams(saved.query));
    go({ ...next, columns: saved.columns.filter((c) => LEDGER_COLUMNS.some((d) => d.key === c)), openCase: null });
  };

  const filters = (
    <LedgerFiltersBar
      filters={state.filters}
      departments={departments.data ?? []}
      onChange={setFilter}
      onClear={() => update((current) => ({ filters: {}, sort: DEFAULT_SORT, columns: current.columns, openCase: null }))}
      vertical={phone}
    />
  );

  const columnPicker = (
    <Checkbox.Group
      style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
      value={columns.map((c) => c.key)}
      onChange={(keys) => update((current) => ({ ...current, columns: LEDGER_COLUMNS.map((c) => c.key).filter((k) => keys.includes(k)) }))}
      options={LEDGER_COLUMNS.map((c) => ({ value: c.key, label: t(`ledger.column.${c.key}`) }))}
      data-testid="ledger-columns"
    />
  );

  return (
    <Flex vertical gap={12} className="ledger-page" data-testid="ledger-page">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('ledger.title')}
        </Typography.Title>
        <Space wrap>
          <Select
            style={{ width: 200 }}
            placeholder={t('ledger.views.placeholder')}
            data-testid="ledger-views"
            value={null}
            onChange={(id) => {
              const view = views.data?.find((v) => v.id === id);
              if (view) applySaved(view);
            }}
            options={(views.data ?? []).map((v) => ({ value: v.id, label: v.name }))}
            notFoundContent={t('ledger.views.none')}
          />
          <Popover
            trigger="click"
            content={
              <Flex vertical gap={8} style={{ width: 240 }}>
                <Input
                  placeholder={t('ledger.views.name')}
                  value={name}
                  onChange={(e) => setName(e.target.value)}
                  data-testid="ledger-view-name"
                  maxLength={100}
                />
                <Button
                  type="primary"
                  disabled={!name.trim()}
                  loading={saveView.isPending}
                  data-testid="ledger-view-save"
                  onClick={() =>
                    saveView.mutate(
                      { name: name.trim(), query, columns: viewColumns },
                      { onSuccess: () => void message.success(t('ledger.views.saved')), onError: (e) => void message.error(describeApiError(e)) },
                    )
                  }
                >
                  {t('ledger.views.save')}
                </Button>
                {admin ? (
                  <Button
                    loading={saveTemplate.isPending}
                    disabled={!name.trim()}
                    data-testid="ledger-template-save"
                    onClick={() =>
                      saveTemplate.mutate(
                        { name: name.trim(), query, columns: viewColumns },
                        { onSuccess: () => void message.success(t('ledger.templates.saved')), onError: (e) => void message.error(describeApiError(e)) },
                      )
                    }
                  >
                    {t('ledger.templates.save')}
                  </Button>
                ) : null}
                {(views.data ?? []).map((v) => (
                  <Flex key={v.id} justify="space-between" align="center">
                    <span>{v.name}</span>
                    <Button size="small" danger type="link" onClick={() => deleteView.mutate(v.id)}>
                      {t('ledger.views.delete')}
                    </Button>
                  </Flex>
                ))}
              </Flex>
            }
          >
            <Button icon={<SaveOutlined />}>{t('ledger.views.manage')}</Button>
          </Popover>
        </Space>
      </Flex>

      {(templates.data ?? []).length > 0 ? (
        <Card size="small" title={t('ledger.templates.title')} data-testid="ledger-templates">
          <Flex vertical gap={6}>
            {templates.data!.map((tpl) => (
              <Flex key={tpl.id} justify="space-between" align="center" wrap gap={8} data-testid="ledger-template">
                <Button type="link" style={{ padding: 0 }} onClick={() => applySaved(tpl)}>
                  <FileTextOutlined /> {tpl.name}
                </Button>
                <ExportPanel query={tpl.query} total={null} template={tpl.id} label={t('ledger.templates.export')} />
              </Flex>
            ))}
          </Flex>
        </Card>
      ) : null}

      <Input.Search
        allowClear
        enterButton
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={t('ledger.searchPlaceholder')}
        onSearch={(value) => setFilter('q', value)}
        data-testid="ledger-search"
      />

      {phone ? (
        <>
          <Badge count={activeFilterCount(state.filters)} size="small">
            <Button icon={<FilterOutlined />} onClick={() => setFiltersOpen(true)} data-testid="ledger-filters-open">
              {t('ledger.filters')}
            </Button>
          </Badge>
          <Drawer open={filtersOpen} onClose={() => setFiltersOpen(false)} placement="bottom" size="large" title={t('ledger.filters')}>
            {filters}
          </Drawer>
        </>
      ) : (
        filters
      )}

      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text data-testid="ledger-count">
          {total === null ? '…' : t('ledger.count', { count: total })}
        </Typography.Text>
        <Space wrap>
          <Popover trigger="click" content={columnPicker} title={t('ledger.columns')}>
            <Button icon={<SettingOutlined />} data-testid="ledger-columns-button">
              {t('ledger.columns')}
            </Button>
          </Popover>
          <ExportPanel query={query} total={total} />
        </Space>
      </Flex>

      {cases.isError ? <QueryError error={cases.error} onRetry={() => void cases.refetch()} /> : null}
      {!cases.isPending && rows.length === 0 && !cases.isError ? <Empty description={t('ledger.empty')} /> : null}
      {rows.length > 0 ? (
        <LedgerTable
          rows={rows}
          columns={columns}
          sort={state.sort}
          loading={cases.isFetching && !cases.isFetchingNextPage}
          onSort={(column) => update((current) => ({ ...current, sort: nextSort(current.sort, column) }))}
          onOpen={(id) => update((current) => ({ ...current, openCase: id }))}
        />
      ) : null}
      {cases.hasNextPage ? (
        <Button onClick={() => void cases.fetchNextPage()} loading={cases.isFetchingNextPage} data-testid="ledger-more">
          {t('ledger.more')}
        </Button>
      ) : null}

      <CaseDrawer
        caseId={state.openCase}
        onClose={() => update((current) => ({ ...current, openCase: null }))}
        extra={
          state.openCase ? (
            <Link to={`/ledger/cases/${state.openCase}/file`} data-testid="ledger-open-file">
              <FileTextOutlined /> {t('ledger.caseFile')}
            </Link>
          ) : null
        }
      />
    </Flex>
  );
}
