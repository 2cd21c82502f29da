import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { configure, render } from '@testing-library/react';
import { App as AntApp } from 'antd';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '@/lib/i18n';

/** Renders a component with what the app provides around it: i18n (Chinese), antd's App and a query client. */
export function renderWithProviders(ui: ReactElement) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const i18n = createI18n('zh-CN');
  const result = render(
    <I18nextProvider i18n={i18n}>
      <AntApp>
        <QueryClientProvider client={queryClient}>{ui}</QueryClientProvider>
      </AntApp>
    </I18nextProvider>,
  );
  return { ...result, queryClient };
}

/**
 * For files that render antd's tables, drawers and pickers: their first render takes seconds in jsdom
 * on a busy machine, so waits and tests get room beyond the defaults (1 s and 5 s). Returns the test timeout.
 */
export function allowSlowRenders(): number {
  configure({ asyncUtilTimeout: 5_000 });
  return 20_000;
}
