import { lazy, Suspense, useEffect, useMemo, type ReactNode } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import type { Locale as AntLocale } from 'antd/es/locale';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import zhTW from 'antd/locale/zh_TW';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/zh-tw';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import type { Locale } from '@youshe/shared';
import { LoginPage } from '../features/auth/LoginPage';
import { isLocale } from './i18n';
import { AppLayout } from './layout/AppLayout';
import { PageLoading } from './PageLoading';
import { createQueryClient } from './query-client';
import { RequireAccountManager, RequireActivities, RequireAudit, RequireSession } from './RequireSession';
import { theme } from './theme';

const OrgsPage = lazy(() => import('../features/orgs/OrgsPage'));
const PeoplePage = lazy(() => import('../features/people/PeoplePage'));
const PlacesPage = lazy(() => import('../features/places/PlacesPage'));
const AuditPage = lazy(() => import('../features/audit/AuditPage'));
const AccountsPage = lazy(() => import('../features/accounts/AccountsPage'));
const ActivitiesPage = lazy(() => import('../features/activities/ActivitiesPage'));
const ActivityDetailPage = lazy(() => import('../features/activities/ActivityDetailPage'));
const PartnershipsPage = lazy(() => import('../features/partnerships/PartnershipsPage'));
const PartnershipDetailPage = lazy(() => import('../features/partnerships/PartnershipDetailPage'));
const ListsPage = lazy(() => import('../features/lists/ListsPage'));
const CoveragePage = lazy(() => import('../features/coverage/CoveragePage'));
// Residents' phone pages: no sign-in, their own frame and their own bundle.
const MobileShell = lazy(() => import('../mobile/MobileShell'));
const PublicActivityPage = lazy(() => import('../mobile/PublicActivityPage'));
const SelfCheckinPage = lazy(() => import('../mobile/SelfCheckinPage'));
const MySignupPage = lazy(() => import('../mobile/MySignupPage'));
const NeedOrderPage = lazy(() => import('../mobile/NeedOrderPage'));
const NeedStatusPage = lazy(() => import('../mobile/NeedStatusPage'));
const QuizPage = lazy(() => import('../mobile/QuizPage'));

const ANTD_LOCALES: Record<Locale, AntLocale> = { 'zh-CN': zhCN, 'zh-TW': zhTW, en: enUS };
const DAYJS_LOCALES: Record<Locale, string> = { 'zh-CN': 'zh-cn', 'zh-TW': 'zh-tw', en: 'en' };

const queryClient = createQueryClient();

const page = (node: ReactNode) => <Suspense fallback={<PageLoading />}>{node}</Suspense>;

export function App() {
  const { i18n } = useTranslation();
  const locale: Locale = isLocale(i18n.language) ? i18n.language : 'zh-CN';
  useEffect(() => {
    dayjs.locale(DAYJS_LOCALES[locale]);
  }, [locale]);
  const antdLocale = useMemo(() => ANTD_LOCALES[locale], [locale]);

  return (
    <ConfigProvider locale={antdLocale} theme={theme}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <Routes>
              <Route path="/login" element={<LoginPage />} />
              <Route element={page(<MobileShell />)}>
                <Route path="a/:token" element={<PublicActivityPage />} />
                <Route path="a/:token/checkin" element={<SelfCheckinPage />} />
                <Route path="s/:code" element={<MySignupPage />} />
                <Route path="a/:token/quiz" element={<QuizPage />} />
                <Route path="need" element={<NeedOrderPage />} />
                <Route path="need/:code" element={<NeedStatusPage />} />
              </Route>
              <Route element={<RequireSession />}>
                <Route element={<AppLayout />}>
                  <Route index element={<Navigate to="/orgs" replace />} />
                  <Route path="orgs" element={page(<OrgsPage />)} />
                  <Route path="people" element={page(<PeoplePage />)} />
                  <Route path="places" element={page(<PlacesPage />)} />
                  <Route path="coverage" element={page(<CoveragePage />)} />
                  <Route element={<RequireActivities />}>
                    <Route path="activities" element={page(<ActivitiesPage />)} />
                    <Route path="activities/:id" element={page(<ActivityDetailPage />)} />
                    <Route path="partnerships" element={page(<PartnershipsPage />)} />
                    <Route path="partnerships/:id" element={page(<PartnershipDetailPage />)} />
                    <Route path="lists" element={page(<ListsPage />)} />
                  </Route>
                  <Route element={<RequireAccountManager />}>
                    <Route path="accounts" element={page(<AccountsPage />)} />
                  </Route>
                  <Route element={<RequireAudit />}>
                    <Route path="audit" element={page(<AuditPage />)} />
                  </Route>
                  <Route path="*" element={<Navigate to="/orgs" replace />} />
                </Route>
              </Route>
            </Routes>
          </BrowserRouter>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
