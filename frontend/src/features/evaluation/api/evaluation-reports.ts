import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EvaluationReport, EvaluationReportSummary } from '@/lib/api-types';
import { http } from '@/lib/http';

/** 通报 kinds: monthly, quarterly (due the 15th of the next month) and yearly. */
export type ReportKind = 'month' | 'quarter' | 'year';
export type ReportState = 'draft' | 'published';

/** One revision of a periodic report as lists show it (`version` is the row version a publication sends back). */
export type ReportSummary = Omit<EvaluationReportSummary, 'kind' | 'state'> & { kind: ReportKind; state: ReportState };

/** A report with its content snapshot (figures, tables, trend, texts). */
export type ReportDetail = Omit<EvaluationReport, 'report'> & { report: ReportSummary };

export const reportKeys = {
  all: ['evaluation', 'reports'] as const,
  list: (kind: ReportKind, year: number) => ['evaluation', 'reports', kind, year] as const,
};

export function useReports(kind: ReportKind, year: number) {
  return useQuery({
    queryKey: reportKeys.list(kind, year),
    queryFn: ({ signal }) => http<{ items: ReportSummary[] }>(`/api/evaluation/reports?kind=${kind}&year=${year}`, { signal }),
  });
}

export function useGenerateReport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { kind: ReportKind; period: string }) => http<ReportDetail>('/api/evaluation/reports', { json: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: reportKeys.all }),
  });
}

export function usePublishReport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (report: Pick<ReportSummary, 'id' | 'version'>) =>
      http<ReportDetail>(`/api/evaluation/reports/${encodeURIComponent(report.id)}/publish`, { json: { version: report.version } }),
    onSuccess: () => client.invalidateQueries({ queryKey: reportKeys.all }),
  });
}

/** The file link: a plain download, the server names the file (Content-Disposition). */
export function reportFileUrl(id: string, format: 'xlsx' | 'docx', language: string): string {
  return `/api/evaluation/reports/${encodeURIComponent(id)}/file.${format}?lang=${language === 'en' ? 'en' : 'zh'}`;
}

/** The period codes a person can pick for a kind in a year: 2026-01…12, 2026-Q1…Q4, or 2026. */
export function periodsOf(kind: ReportKind, year: number): string[] {
  if (kind === 'year') return [String(year)];
  if (kind === 'quarter') return [1, 2, 3, 4].map((q) => `${year}-Q${q}`);
  return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
}

/** The period of a kind that holds a China-time day (YYYY-MM-DD). */
export function periodContaining(kind: ReportKind, day: string): string {
  const [year, month] = [Number(day.slice(0, 4)), Number(day.slice(5, 7))];
  if (kind === 'year') return String(year);
  if (kind === 'quarter') return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
  return day.slice(0, 7);
}

/** Today in China time, YYYY-MM-DD. */
export function chinaToday(now = Date.now()): string {
  return new Date(now + 8 * 3_600_000).toISOString().slice(0, 10);
}
