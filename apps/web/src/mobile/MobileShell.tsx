import { Suspense } from 'react';
import { ConfigProvider, type ThemeConfig } from 'antd';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { LanguageSwitch } from '../app/layout/LanguageSwitch';
import { PageLoading } from '../app/PageLoading';
import './mobile.css';

/**
 * Large type and large targets for residents, many of them elderly (适老化): body text 18px and up,
 * buttons 22px, controls 52px and more high, text near-black on white.
 */
const residentTheme: ThemeConfig = {
  token: {
    fontSize: 18,
    fontSizeLG: 20,
    fontSizeHeading1: 28,
    fontSizeHeading2: 24,
    fontSizeHeading3: 22,
    controlHeight: 48,
    controlHeightLG: 56,
    colorText: 'rgba(0, 0, 0, 0.92)',
    colorTextSecondary: 'rgba(0, 0, 0, 0.78)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.72)',
    colorTextDescription: 'rgba(0, 0, 0, 0.78)',
    borderRadius: 10,
  },
  components: {
    Button: { contentFontSizeLG: 22, controlHeightLG: 60, fontWeight: 600 },
    Input: { inputFontSizeLG: 20, paddingBlockLG: 12 },
    Checkbox: { controlInteractiveSize: 28 },
    Form: { labelFontSize: 20, verticalLabelPadding: '0 0 6px' },
    Alert: { withDescriptionIconSize: 28 },
    Select: { fontSizeLG: 18 },
  },
};

/** The frame of the residents' phone pages: no console, no sign-in; one task per screen. */
export default function MobileShell() {
  const { t } = useTranslation();
  return (
    <ConfigProvider theme={residentTheme} componentSize="large">
      <div className="resident">
        <header className="resident-header">
          <span className="resident-brand">
            <img src="/favicon.svg" alt="" width={32} height={32} />
            {t('app.title')}
          </span>
          <LanguageSwitch width={148} />
        </header>
        <main className="resident-main" id="main-content">
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </main>
      </div>
    </ConfigProvider>
  );
}
