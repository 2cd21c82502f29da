import { ArrowDownOutlined, ArrowUpOutlined, LineChartOutlined, MinusOutlined } from '@ant-design/icons';
import { Button, Table, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { IndicatorTitle } from '@/features/evaluation/components/indicator-title';
import { casesIndicator, indicatorKind } from '@/features/evaluation/lib/indicators';
import { formatRate, type Figures, type Grade, type Indicator, type LeagueTable, type LeagueRow } from '@/lib/evaluation-types';
import { localName } from '@/lib/i18n';

const GRADE_COLORS: Record<Grade, string> = { excellent: 'green', good: 'blue', pass: 'gold', fail: 'red' };

/** Places moved since the previous period: up green, down red, level a dash; nothing when there was no previous rank. */
export function RankChange({ row }: { row: LeagueRow }) {
  const { t } = useTranslation();
  const change = row.rankChange;
  if (change === null) return null;
  const title = t('evaluation.rankChange', { previous: row.previousRank ?? '—' });
  const body =
    change > 0 ? (
      <span style={{ color: '#389e0d' }}>
        <ArrowUpOutlined /> {change}
      </span>
    ) : change < 0 ? (
      <span style={{ color: '#cf1322' }}>
        <ArrowDownOutlined /> {-change}
      </span>
    ) : (
      <MinusOutlined style={{ color: '#8c8c8c' }} />
    );
  return (
    <Tooltip title={title}>
      <span data-testid={`rank-change-${row.key}`} data-change={change} className="evaluation-rank-change">
        {body}
      </span>
    </Tooltip>
  );
}

export interface EvaluationLeagueTableProps {
  table: LeagueTable;
  definitions: ReadonlyMap<string, Indicator>;
  loading?: boolean;
  selected: string | null;
  /** Opens a region row's children (district → street → community → unit). */
  onDrill: (key: string) => void;
  /** Opens the cases behind a number; key null is the totals row. */
  onCases: (key: string | null, indicator: string) => void;
  onSelect: (key: string) => void;
}

/** The league table of one object kind for a period: rank and change, score, grade, the kind's figures, and totals. */
export function EvaluationLeagueTable({ table, definitions, loading, selected, onDrill, onCases, onSelect }: EvaluationLeagueTableProps) {
  const { t, i18n } = useTranslation();

  const figure = (key: string | null, figures: Figures, code: string) => {
    const kind = indicatorKind(code, definitions);
    const text = kind === 'rate' ? formatRate(figures.rates[code]) : String(figures.counts[code] ?? 0);
    const behind = casesIndicator(code, definitions);
    const testId = `cell-${key ?? 'total'}-${code}`;
    const count = behind ? (figures.counts[behind] ?? 0) : 0;
    if (!behind || count === 0) return <span data-testid={testId}>{text}</span>;
    return (
      <Button
        type="link"
        size="small"
        className="evaluation-figure"
        data-testid={testId}
        title={t('evaluation.casesBehind', { count })}
        onClick={(event) => {
          event.stopPropagation();
          onCases(key, behind);
        }}
      >
        {text}
      </Button>
    );
  };

  const columns: ColumnsType<LeagueRow> = [
    {
      key: 'rank',
      title: t('evaluation.column.rank'),
      width: 72,
      fixed: 'left',
      render: (_, row) => (
        <span className="evaluation-rank">
          <span data-testid={`rank-${row.key}`}>{row.rank}</span> <RankChange row={row} />
        </span>
      ),
    },
    {
      key: 'name',
      title: t(`evaluation.object.${table.object}`),
      fixed: 'left',
      render: (_, row) => {
        const name = localName(i18n.language, row.nameZh, row.nameEn);
        return (
          <span className="evaluation-name">
            {row.hasChildren ? (
              <Button type="link" size="small" style={{ padding: 0 }} data-testid={`drill-${row.key}`} onClick={() => onDrill(row.key)}>
                {name}
              </Button>
            ) : (
              <span>{name}</span>
            )}{' '}
            <Button
              type={selected === row.key ? 'primary' : 'text'}
              size="small"
              icon={<LineChartOutlined />}
              aria-label={t('evaluation.trend.show', { name })}
              data-testid={`trend-${row.key}`}
              onClick={() => onSelect(row.key)}
            />
          </span>
        );
      },
    },
    {
      key: 'score',
      title: t('evaluation.column.score'),
      align: 'right',
      render: (_, row) => <span data-testid={`score-${row.key}`}>{row.score === null ? '—' : row.score.toFixed(1)}</span>,
    },
    {
      key: 'grade',
      title: t('evaluation.column.grade'),
      render: (_, row) =>
        row.grade ? (
          <Tag color={GRADE_COLORS[row.grade]} data-testid={`grade-${row.key}`}>
            {localName(i18n.language, row.gradeZh ?? row.grade, row.gradeEn ?? row.grade)}
          </Tag>
        ) : (
          '—'
        ),
    },
    ...table.indicators.map((code) => ({
      key: code,
      title: <IndicatorTitle code={code} definitions={definitions} />,
      align: 'right' as const,
      render: (_: unknown, row: LeagueRow) => figure(row.key, row, code),
    })),
  ];

  return (
    <Table<LeagueRow>
      size="small"
      rowKey="key"
      pagination={false}
      loading={loading}
      dataSource={table.rows}
      columns={columns}
      scroll={{ x: 'max-content' }}
      data-testid="evaluation-league"
      locale={{ emptyText: t('evaluation.empty') }}
      rowClassName={(row) => (row.key === selected ? 'evaluation-row--selected' : '')}
      onRow={(row) => ({ 'data-testid': `evaluation-row-${row.key}` }) as React.HTMLAttributes<HTMLElement>}
      summary={() =>
        table.rows.length > 0 ? (
          <Table.Summary fixed="bottom">
            <Table.Summary.Row data-testid="evaluation-total">
              {/* One cell per column, so that the label stays with the fixed name column when the table scrolls. */}
              <Table.Summary.Cell index={0} />
              <Table.Summary.Cell index={1}>{t('evaluation.total')}</Table.Summary.Cell>
              <Table.Summary.Cell index={2} />
              <Table.Summary.Cell index={3} />
              {table.indicators.map((code, index) => (
                <Table.Summary.Cell key={code} index={index + 4} align="right">
                  {figure(null, table.total, code)}
                </Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
          </Table.Summary>
        ) : null
      }
    />
  );
}
