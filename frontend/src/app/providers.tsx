import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import type { i18n as I18n } from 'i18next';
import { useEffect, useState, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { currentLanguage } from '@/lib/i18n';
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

export function Providers({ queryClient, realtime, i18n, children }: ProvidersProps) {
  const language = useLanguage(i18n);
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
