import { CheckCircleOutlined, FileExcelOutlined, FileWordOutlined, ReloadOutlined } from '@ant-design/icons';
import { App, Button, Empty, Flex, InputNumber, Popconfirm, Segmented, Select, Table, Tag, Typography, type ButtonProps } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/query-error';
import {
  chinaToday,
  periodContaining,
  periodsOf,
  reportFileUrl,
  useGenerateReport,
  usePublishReport,
  useReports,
  type ReportKind,
  type ReportSummary,
} from '@/features/evaluation/api/evaluation-reports';
import { formatDateTime } from '@/lib/format';
import { describeApiError } from '@/lib/http';
import { hasRole, useMe } from '@/lib/session';

const KINDS: ReportKind[] = ['month', 'quarter', 'year'];

/**
 * 通报: the periodic evaluation reports of a kind and year, every revision with its state; generate a draft (or the
 * next revision of a published one), publish it after confirming, download it as a workbook or a Word document.
 */
export function ReportsPanel() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { message } = App.useApp();
  const me = useMe();
  const canWrite = hasRole(me.data, 'leader', 'admin');
  const today = chinaToday();
  const [kind, setKind] = useState<ReportKind>('quarter');
  const [year, setYear] = useState<number>(Number(today.slice(0, 4)));
  const current = periodContaining(kind, today);
  // Periods that have begun: a report of the running period is an interim one, marked so.
  const choices = useMemo(() => periodsOf(kind, year).filter((p) => p <= current), [kind, year, current]);
  const [picked, setPicked] = useState<string | null>(null);
  const period = picked && choices.includes(picked) ? picked : (choices.at(-1) ?? null);
  const reports = useReports(kind, year);
  const generate = useGenerateReport();
  const publish = usePublishReport();

  const onGenerate = () =>
    period &&
    generate.mutate(
      { kind, period },
      {
        onSuccess: (detail) => void message.success(t('evaluation.reports.generated', { title: title(detail.report), revision: detail.report.revision })),
        onError: (error) => void message.error(`${t('evaluation.reports.failed')}: ${describeApiError(error)}`),
      },
    );
  const onPublish = (report: ReportSummary) =>
    publish.mutate(report, {
      onSuccess: () => void message.success(t('evaluation.reports.publishedMessage')),
      onError: (error) => void message.error(`${t('evaluation.reports.failed')}: ${describeApiError(error)}`),
    });
  const title = (report: ReportSummary) => (language === 'en' ? report.titleEn : report.titleZh);

  const columns: ColumnsType<ReportSummary> = [
    {
      key: 'title',
      title: t('evaluation.reports.columns.title'),
      render: (_, report) => (
        <Flex vertical>
          <Typography.Text strong>{title(report)}</Typography.Text>
          <span className="muted">
            {report.from} – {report.to}
            {report.partial ? ` · ${t('evaluation.reports.partial')}` : ''}
          </span>
        </Flex>
      ),
    },
    {
      key: 'revision',
      title: t('evaluation.reports.columns.revision'),
      width: 90,
      render: (_, report) => <span data-testid="report-revision">{t('evaluation.reports.revision', { revision: report.revision })}</span>,
    },
    {
      key: 'state',
      title: t('evaluation.reports.columns.state'),
      width: 200,
      render: (_, report) => (
        <Flex vertical>
          <span>
            <Tag color={report.state === 'published' ? 'green' : 'gold'} data-testid="report-state" data-state={report.state}>
              {t(`evaluation.reports.state.${report.state}`)}
            </Tag>
          </span>
          <span className="muted">
            {report.state === 'published' && report.publishedAt
              ? t('evaluation.reports.publishedBy', { user: report.publishedBy ?? '', time: formatDateTime(report.publishedAt, language, false) })
              : t(report.scheduled ? 'evaluation.reports.scheduledAt' : 'evaluation.reports.generatedBy', {
                  user: report.generatedBy,
                  time: formatDateTime(report.generatedAt, language, false),
                })}
          </span>
        </Flex>
      ),
    },
    {
      key: 'due',
      title: t('evaluation.reports.columns.due'),
      width: 120,
      render: (_, report) => <span data-testid="report-due">{report.due}</span>,
    },
    {
      key: 'actions',
      title: t('evaluation.reports.columns.actions'),
      width: 260,
      render: (_, report) => (
        <Flex gap={4} wrap>
          <Button size="small" icon={<FileExcelOutlined />} href={reportFileUrl(report.id, 'xlsx', language)} data-testid="report-xlsx">
            {t('evaluation.reports.xlsx')}
          </Button>
          <Button size="small" icon={<FileWordOutlined />} href={reportFileUrl(report.id, 'docx', language)} data-testid="report-docx">
            {t('evaluation.reports.docx')}
          </Button>
          {canWrite && report.state === 'draft' ? (
            <Popconfirm
              title={t('evaluation.reports.publishConfirm')}
              description={t('evaluation.reports.publishConfirmDetail')}
              okText={t('evaluation.reports.publish')}
              cancelText={t('common.cancel')}
              okButtonProps={{ 'data-testid': 'report-publish-confirm' } as ButtonProps}
              onConfirm={() => onPublish(report)}
            >
              <Button
                size="small"
                type="primary"
                icon={<CheckCircleOutlined />}
                loading={publish.isPending && publish.variables?.id === report.id}
                data-testid="report-publish"
              >
                {t('evaluation.reports.publish')}
              </Button>
            </Popconfirm>
          ) : null}
        </Flex>
      ),
    },
  ];

  return (
    <Flex vertical gap={12} data-testid="reports-panel">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Flex align="center" wrap gap={8}>
          <Segmented<ReportKind>
            value={kind}
            onChange={(value) => {
              setKind(value);
              setPicked(null);
            }}
            options={KINDS.map((k) => ({ value: k, label: <span data-testid={`reports-kind-${k}`}>{t(`evaluation.reports.kind.${k}`)}</span> }))}
          />
          <InputNumber
            min={2000}
            max={2100}
            value={year}
            onChange={(value) => value && setYear(value)}
            aria-label={t('evaluation.reports.year')}
            data-testid="reports-year"
            style={{ width: 96 }}
          />
        </Flex>
        <Flex align="center" wrap gap={8}>
          {canWrite ? (
            <>
              <Select
                value={period}
                onChange={setPicked}
                options={choices.map((p) => ({ value: p, label: p }))}
                aria-label={t('evaluation.reports.period')}
                data-testid="reports-period"
                style={{ width: 120 }}
              />
              <Button type="primary" onClick={onGenerate} loading={generate.isPending} disabled={!period} data-testid="reports-generate">
                {t('evaluation.reports.generate')}
              </Button>
            </>
          ) : null}
          <Button icon={<ReloadOutlined />} onClick={() => void reports.refetch()} loading={reports.isFetching}>
            {t('common.refresh')}
          </Button>
        </Flex>
      </Flex>
      {reports.isError ? (
        <QueryError error={reports.error} onRetry={() => void reports.refetch()} />
      ) : (
        <Table<ReportSummary>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={reports.data?.items ?? []}
          loading={reports.isPending}
          scroll={{ x: 760 }}
          pagination={{ pageSize: 24, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('evaluation.reports.empty')} data-testid="reports-empty" /> }}
          onRow={(report) =>
            ({ 'data-testid': 'report-row', 'data-period': report.period, 'data-revision': report.revision, 'data-id': report.id }) as HTMLAttributes<HTMLElement>
          }
        />
      )}
    </Flex>
  );
}
