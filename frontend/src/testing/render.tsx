import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { configure, render } from '@testing-library/react';
import { App as AntApp } from 'antd';
import type { ReactElement, ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { onTestFinished } from 'vitest';
import { setRequestLanguage } from '@/lib/http';
import { createI18n, currentLanguage, type Language } from '@/lib/i18n';
import { refetchServerTextOnLanguageChange } from '@/lib/query-client';

export interface RenderOptions {
  /** The UI language (default Chinese). */
  language?: Language;
  /** Fills the query cache before the first render (data the app would have loaded already). */
  seed?: (queryClient: QueryClient) => void;
}

/**
 * Renders a component with what the app provides around it: i18n, antd's App and a query client;
 * requests carry the UI language and server-rendered text is read again when it changes, as in the app.
 */
export function renderWithProviders(ui: ReactElement, { language = 'zh-CN', seed }: RenderOptions = {}) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const i18n = createI18n(language);
  seed?.(queryClient);
  const unregister = setRequestLanguage(() => currentLanguage(i18n));
  const stop = refetchServerTextOnLanguageChange(queryClient, i18n);
  onTestFinished(() => {
    stop();
    unregister();
  });
  // A wrapper, so that rerender keeps the providers.
  const wrapper = ({ children }: { children: ReactNode }) => (
    <I18nextProvider i18n={i18n}>
      <AntApp>
        <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
      </AntApp>
    </I18nextProvider>
  );
  const result = render(ui, { wrapper });
  return { ...result, queryClient, i18n };
}

/**
 * For files that render antd's tables, drawers and pickers: their first render takes seconds in jsdom
 * on a busy machine, so waits and tests get room beyond the defaults (1 s and 5 s). Returns the test timeout.
 */
export function allowSlowRenders(): number {
  configure({ asyncUtilTimeout: 5_000 });
  return 20_000;
}
