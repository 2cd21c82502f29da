import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import type { i18n as I18n } from 'i18next';
import { useEffect, useState, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { setRequestLanguage } from '@/lib/http';
import { currentLanguage } from '@/lib/i18n';
import { refetchServerTextOnLanguageChange } from '@/lib/query-client';
import { RealtimeProvider, type BoardRealtime } from '@/lib/realtime';

function useLanguage(i18n: I18n) {
  const [language, setLanguage] = useState(currentLanguage(i18n));
  useEffect(() => {
    const listener = () => setLanguage(currentLanguage(i18n));
    i18n.on('languageChanged', listener);
    return () => i18n.off('languageChanged', listener);
  }, [i18n]);
  return language;
}

export interface ProvidersProps {
  queryClient: QueryClient;
  realtime: BoardRealtime;
  i18n: I18n;
  children: ReactNode;
}

/**
 * Requests carry the UI language from the first render on (children's queries start before this
 * component's effects run), and server-rendered text is read again when it changes.
 */
function useServerLanguage(queryClient: QueryClient, i18n: I18n) {
  useState(() => setRequestLanguage(() => currentLanguage(i18n)));
  useEffect(() => {
    const unregister = setRequestLanguage(() => currentLanguage(i18n));
    const stop = refetchServerTextOnLanguageChange(queryClient, i18n);
    return () => {
      stop();
      unregister();
    };
  }, [queryClient, i18n]);
}

export function Providers({ queryClient, realtime, i18n, children }: ProvidersProps) {
  const language = useLanguage(i18n);
  useServerLanguage(queryClient, i18n);
  return (
    <I18nextProvider i18n={i18n}>
      <ConfigProvider locale={language === 'en' ? enUS : zhCN} theme={{ token: { colorPrimary: '#1677ff' } }}>
        <AntApp>
          <QueryClientProvider client={queryClient}>
            <RealtimeProvider realtime={realtime}>{children}</RealtimeProvider>
          </QueryClientProvider>
        </AntApp>
      </ConfigProvider>
    </I18nextProvider>
  );
}
