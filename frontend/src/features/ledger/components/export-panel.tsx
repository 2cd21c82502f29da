import { DownloadOutlined } from '@ant-design/icons';
import { Button, Dropdown, Progress, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exportFileUrl, exportUrl, useExportJob, useStartExport, type ExportFormat } from '@/features/ledger/api/exports';
import { describeApiError } from '@/lib/http';

/** Above this many rows an export runs in the background, with progress, instead of streaming straight away. */
export const BACKGROUND_ABOVE = 20_000;

export interface ExportPanelProps {
  query: string;
  total: number | null;
  template?: string;
  label?: string;
}

/** Export the filtered list: a direct streamed download when small, a background job with progress when large. */
export function ExportPanel({ query, total, template, label }: ExportPanelProps) {
  const { t } = useTranslation();
  const start = useStartExport();
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useExportJob(jobId);
  const background = template !== undefined || (total ?? 0) > BACKGROUND_ABOVE;

  const run = (format: ExportFormat) => {
    if (!background) {
      window.location.assign(exportUrl(query, format, []));
      return;
    }
    start.mutate({ query, format, template }, { onSuccess: (started) => setJobId(started.id) });
  };

  const data = job.data;
  return (
    <Space wrap data-testid={template ? `template-export-${template}` : 'ledger-export'}>
      <Dropdown
        menu={{
          items: [
            { key: 'xlsx', label: t('ledger.export.xlsx'), onClick: () => run('xlsx') },
            { key: 'csv', label: t('ledger.export.csv'), onClick: () => run('csv') },
          ],
        }}
      >
        <Button icon={<DownloadOutlined />} loading={start.isPending} data-testid="ledger-export-button">
          {label ?? t('ledger.export.button')}
        </Button>
      </Dropdown>
      {!background ? (
        <span style={{ display: 'none' }}>
          <a href={exportUrl(query, 'csv', [])} data-testid="ledger-export-csv" download>
            CSV
          </a>
          <a href={exportUrl(query, 'xlsx', [])} data-testid="ledger-export-xlsx" download>
            XLSX
          </a>
        </span>
      ) : null}
      {data ? (
        data.state === 'ready' ? (
          <a href={exportFileUrl(data.id)} data-testid="ledger-export-ready" download={data.fileName}>
            {t('ledger.export.ready', { file: data.fileName })}
          </a>
        ) : data.state === 'failed' ? (
          <Typography.Text type="danger">{data.error ?? t('ledger.export.failed')}</Typography.Text>
        ) : (
          <Progress
            style={{ width: 180 }}
            size="small"
            data-testid="ledger-export-progress"
            percent={data.total > 0 ? Math.floor((100 * data.written) / data.total) : 0}
            format={() => t('ledger.export.progress', { written: data.written, total: data.total })}
          />
        )
      ) : null}
      {start.isError ? <Typography.Text type="danger">{describeApiError(start.error)}</Typography.Text> : null}
    </Space>
  );
}
