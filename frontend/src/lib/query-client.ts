import { QueryClient } from '@tanstack/react-query';
import type { i18n as I18n } from 'i18next';
import { ApiError } from '@/lib/http';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30 * 1000,
        refetchOnWindowFocus: false,
        retry: (failureCount, error) =>
          !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failureCount < 2,
      },
      mutations: { retry: false },
    },
  });
}

/** Meta of a query whose answer holds text the server rendered in the UI language (trace lines). */
export const SERVER_TEXT = { serverText: true } as const;

/**
 * Reads the queries marked SERVER_TEXT again when the UI language changes, so server-rendered
 * text follows the switch (the request then carries the new Accept-Language). Returns a function
 * that stops listening.
 */
export function refetchServerTextOnLanguageChange(queryClient: QueryClient, i18n: I18n): () => void {
  const listener = () => void queryClient.invalidateQueries({ predicate: (query) => query.meta?.serverText === true });
  i18n.on('languageChanged', listener);
  return () => i18n.off('languageChanged', listener);
}
