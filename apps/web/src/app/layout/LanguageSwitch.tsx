import { useQueryClient } from '@tanstack/react-query';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale, type MeResponse } from '@youshe/shared';
import { api } from '../api';
import { currentLocale, setLocale } from '../i18n';
import { ME_KEY } from '../session';

/** Language names are written in their own language, so anyone can find theirs. */
const NAMES: Record<Locale, string> = { 'zh-CN': '简体中文', 'zh-TW': '繁體中文', en: 'English' };

export function LanguageSwitch({ compact = false, width }: { compact?: boolean; width?: number }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const choose = (locale: Locale) => {
    void setLocale(locale);
    // Saved on the account too, so other devices and the server's messages follow. Fire and forget:
    // signed out (the sign-in page) there is no account, and a failure only costs the remembering.
    if (!client.getQueryData<MeResponse | null>(ME_KEY)) return;
    api
      .patch<MeResponse>('/api/me', { locale })
      .then((me) => client.setQueryData<MeResponse | null>(ME_KEY, (old) => (old && old.account.id === me.account.id ? me : old)))
      .catch(() => undefined);
  };
  return (
    <Select<Locale>
      data-testid="lang-switch"
      aria-label={t('shell.language')}
      value={currentLocale()}
      onChange={choose}
      options={LOCALES.map((l) => ({ value: l, label: <span lang={l}>{NAMES[l]}</span> }))}
      popupMatchSelectWidth={false}
      style={{ width: width ?? (compact ? 104 : 120) }}
    />
  );
}
