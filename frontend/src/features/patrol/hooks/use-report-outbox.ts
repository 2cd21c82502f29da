import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useEffect, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { createCase, type CaseDraft } from '@/features/patrol/api/create-case';
import { myCasesQueryKey } from '@/features/patrol/api/list-my-cases';
import { ReportOutbox, toDraft, type QueuedReport } from '@/features/patrol/lib/report-outbox';
import type { CaseDto } from '@/lib/api-types';

const RETRY_MS = 30_000;

type SentListener = (report: QueuedReport, created: CaseDto) => void;
const sentListeners = new Set<SentListener>();
let outbox: ReportOutbox | null = null;

/** The page's one outbox, sending with POST /api/cases and the report's own key. */
export function getReportOutbox(): ReportOutbox {
  outbox ??= new ReportOutbox((report) => createCase(toDraft(report), report.key), {
    onSent: (report, created) => {
      for (const listener of [...sentListeners]) listener(report, created);
    },
  });
  return outbox;
}

/**
 * Keeps the outbox draining while the patrol page is open: at once (a report left from an
 * earlier visit), whenever the browser comes back online, and every 30 s while a report waits
 * because the server gave no answer. Announces each report sent from the queue.
 */
export function useReportOutbox() {
  const box = getReportOutbox();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const { t } = useTranslation();
  const reports = useSyncExternalStore(
    (listener) => box.subscribe(listener),
    () => box.current(),
    () => box.current(),
  );

  useEffect(() => {
    const onSent: SentListener = (_report, created) => {
      void queryClient.invalidateQueries({ queryKey: myCasesQueryKey });
      // A slim toast over the header: a notification card would cover the phone's tabs just
      // when the patroller reaches for 我的上报 to see the report.
      void message.success({
        key: `outbox-sent-${created.id}`,
        content: t('patrol.outbox.sent', { number: created.number }),
        duration: 4,
      });
    };
    sentListeners.add(onSent);
    return () => {
      sentListeners.delete(onSent);
    };
  }, [queryClient, message, t]);

  useEffect(() => {
    const flush = () => void box.flush();
    flush();
    window.addEventListener('online', flush);
    const timer = setInterval(() => {
      if (box.current().some((report) => report.status === 'pending')) flush();
    }, RETRY_MS);
    return () => {
      window.removeEventListener('online', flush);
      clearInterval(timer);
    };
  }, [box]);

  return {
    outbox: box,
    reports,
    pending: reports.filter((report) => report.status === 'pending').length,
    refused: reports.filter((report) => report.status === 'refused').length,
  };
}

/**
 * Submits a report through the outbox: stored first, then sent at once. A refusal (4xx) comes back
 * to the form, which still holds the draft; no answer leaves it queued for later.
 */
export function useSubmitReport() {
  const box = getReportOutbox();
  const queryClient = useQueryClient();
  return useMutation({
    // Offline is exactly when this must run: it stores the report (TanStack Query would pause it).
    networkMode: 'always',
    mutationFn: async ({ draft, idempotencyKey }: { draft: CaseDraft; idempotencyKey: string }) => {
      const { photos, ...fields } = draft;
      await box.add(idempotencyKey, fields, photos);
      const outcome = await box.sendNow(idempotencyKey, true);
      if (outcome.status === 'refused') throw outcome.error;
      return outcome;
    },
    onSuccess: (outcome) => {
      if (outcome.status === 'sent') void queryClient.invalidateQueries({ queryKey: myCasesQueryKey });
    },
  });
}
