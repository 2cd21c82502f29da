import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '@/components/language-switch';

/** The citizens' pages' frame: a title, the language switch, nothing of the staff app. */
export function PublicLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="public-page" data-testid="public-page">
      <Flex className="public-page__header" justify="space-between" align="center" gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('citizen.title')}
        </Typography.Title>
        <LanguageSwitch />
      </Flex>
      <main className="public-page__body">{children}</main>
    </div>
  );
}
