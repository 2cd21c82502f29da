import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { changeLanguage, createI18n } from '@/lib/i18n';
import { refetchServerTextOnLanguageChange, SERVER_TEXT } from '@/lib/query-client';

describe('server text on a language switch', () => {
  it('reads again the queries marked as holding server-rendered text, and only those, until stopped', async () => {
    const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
    const i18n = createI18n('zh-CN');
    const loads = { trace: 0, catalogue: 0 };
    const watch = (key: 'trace' | 'catalogue', meta?: Record<string, unknown>) =>
      new QueryObserver(queryClient, {
        queryKey: [key],
        queryFn: async () => ++loads[key],
        meta,
      }).subscribe(() => undefined);
    const unsubscribe = [watch('trace', SERVER_TEXT), watch('catalogue')];
    await expect.poll(() => loads).toEqual({ trace: 1, catalogue: 1 });
    const stop = refetchServerTextOnLanguageChange(queryClient, i18n);

    await changeLanguage('en', i18n);
    await expect.poll(() => loads).toEqual({ trace: 2, catalogue: 1 });

    stop();
    await changeLanguage('zh-CN', i18n);
    expect(queryClient.getQueryState(['trace'])?.isInvalidated).toBe(false);
    expect(queryClient.isFetching()).toBe(0);
    for (const off of unsubscribe) off();
    queryClient.clear();
  });
});
