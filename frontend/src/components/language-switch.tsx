import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeLanguage, currentLanguage, type Language } from '@/lib/i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <Segmented<Language>
      data-testid="language-switch"
      size="small"
      value={currentLanguage(i18n)}
      options={[
        { label: <span data-testid="language-zh">{t('language.zh')}</span>, value: 'zh-CN' },
        { label: <span data-testid="language-en">{t('language.en')}</span>, value: 'en' },
      ]}
      onChange={(language) => void changeLanguage(language, i18n)}
    />
  );
}
