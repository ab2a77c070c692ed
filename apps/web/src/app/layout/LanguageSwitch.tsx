import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '@youshe/shared';
import { currentLocale, setLocale } from '../i18n';

/** Language names are written in their own language, so anyone can find theirs. */
const NAMES: Record<Locale, string> = { 'zh-CN': '简体中文', 'zh-TW': '繁體中文', en: 'English' };

export function LanguageSwitch({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  return (
    <Select<Locale>
      data-testid="lang-switch"
      aria-label={t('shell.language')}
      value={currentLocale()}
      onChange={(value) => void setLocale(value)}
      options={LOCALES.map((l) => ({ value: l, label: <span lang={l}>{NAMES[l]}</span> }))}
      popupMatchSelectWidth={false}
      style={{ width: compact ? 104 : 120 }}
    />
  );
}
