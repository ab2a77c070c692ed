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
import { BrowserRouter, Route, Routes } from 'react-router';
import type { Locale } from '@youshe/shared';
import { LoginPage } from '../features/auth/LoginPage';
import { isLocale } from './i18n';
import { AppLayout } from './layout/AppLayout';
import { PageLoading } from './PageLoading';
import { createQueryClient } from './query-client';
import { GoHome, RequireAccountManager, RequireActivities, RequireAudit, RequireSession } from './RequireSession';
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
const CampaignsPage = lazy(() => import('../features/bookings/CampaignsPage'));
const CampaignDetailPage = lazy(() => import('../features/bookings/CampaignDetailPage'));
const CounterPage = lazy(() => import('../features/bookings/CounterPage'));
const OutboxPage = lazy(() => import('../features/outbox/OutboxPage'));
const VolunteersPage = lazy(() => import('../features/volunteers/VolunteersPage'));
const VolunteerRecordPage = lazy(() => import('../features/volunteers/VolunteerRecordPage'));
const WristbandsPage = lazy(() => import('../features/wristbands/WristbandsPage'));
const WristbandDetailPage = lazy(() => import('../features/wristbands/WristbandDetailPage'));
// Residents' phone pages: no sign-in, their own frame and their own bundle.
const MobileShell = lazy(() => import('../mobile/MobileShell'));
const FinderPage = lazy(() => import('../mobile/wristbands/FinderPage'));
const PublicActivityPage = lazy(() => import('../mobile/PublicActivityPage'));
const SelfCheckinPage = lazy(() => import('../mobile/SelfCheckinPage'));
const MySignupPage = lazy(() => import('../mobile/MySignupPage'));
const NeedOrderPage = lazy(() => import('../mobile/NeedOrderPage'));
const NeedStatusPage = lazy(() => import('../mobile/NeedStatusPage'));
const QuizPage = lazy(() => import('../mobile/QuizPage'));
const PublicCampaignPage = lazy(() => import('../mobile/bookings/PublicCampaignPage'));
const MyBookingPage = lazy(() => import('../mobile/bookings/MyBookingPage'));
const StationsPage = lazy(() => import('../features/stations/StationsPage'));
const OutcomesPage = lazy(() => import('../features/outcomes/OutcomesPage'));
const PublicStationPage = lazy(() => import('../mobile/stations/PublicStationPage'));
const StationDeskPage = lazy(() => import('../mobile/stations/StationDeskPage'));
const CareRoutePage = lazy(() => import('../mobile/care/CarePages').then((m) => ({ default: m.RoutePage })));
const CareVisitPage = lazy(() => import('../mobile/care/CarePages').then((m) => ({ default: m.VisitPage })));
const CareFamilyPage = lazy(() => import('../mobile/care/CarePages').then((m) => ({ default: m.FamilyPage })));
const CareAlertsPage = lazy(() => import('../features/care/AlertsPage'));
const CareRecipientsPage = lazy(() => import('../features/care/RecipientsPage'));
const CareRecipientDetailPage = lazy(() => import('../features/care/RecipientDetailPage'));
const DashboardPage = lazy(() => import('../features/dashboard/DashboardPage'));
const ScreenPage = lazy(() => import('../features/dashboard/ScreenPage'));
const PressPage = lazy(() => import('../features/reports/PressPage'));

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
                <Route path="w/:code" element={<FinderPage />} />
                <Route path="a/:token/checkin" element={<SelfCheckinPage />} />
                <Route path="s/:code" element={<MySignupPage />} />
                <Route path="a/:token/quiz" element={<QuizPage />} />
                <Route path="need" element={<NeedOrderPage />} />
                <Route path="need/:code" element={<NeedStatusPage />} />
                <Route path="b/:token" element={<PublicCampaignPage />} />
                <Route path="bk/:code" element={<MyBookingPage />} />
                <Route path="station/:placeId" element={<PublicStationPage />} />
                <Route path="f/:token" element={<CareFamilyPage />} />
              </Route>
              <Route element={<RequireSession />}>
                {/* The counter clerk's phone page: signed in, but in the large-type phone frame. */}
                <Route element={page(<MobileShell />)}>
                  <Route path="desk" element={<StationDeskPage />} />
                  <Route path="care/route" element={<CareRoutePage />} />
                  <Route path="care/visit/:id" element={<CareVisitPage />} />
                </Route>
                {/* The wall display: signed in, without the console's frame. */}
                <Route path="screen" element={page(<ScreenPage />)} />
                <Route element={<AppLayout />}>
                  <Route index element={<GoHome />} />
                  <Route path="dashboard" element={page(<DashboardPage />)} />
                  <Route path="press" element={page(<PressPage />)} />
                  <Route path="orgs" element={page(<OrgsPage />)} />
                  <Route path="people" element={page(<PeoplePage />)} />
                  <Route path="places" element={page(<PlacesPage />)} />
                  <Route path="coverage" element={page(<CoveragePage />)} />
                  <Route path="outbox" element={page(<OutboxPage />)} />
                  <Route path="volunteers" element={page(<VolunteersPage />)} />
                  <Route path="volunteers/people/:personId" element={page(<VolunteerRecordPage />)} />
                  <Route path="wristbands" element={page(<WristbandsPage />)} />
                  <Route path="wristbands/:id" element={page(<WristbandDetailPage />)} />
                  <Route path="stations" element={page(<StationsPage />)} />
                  <Route path="outcomes" element={page(<OutcomesPage />)} />
                  <Route path="care/alerts" element={page(<CareAlertsPage />)} />
                  <Route path="care/recipients" element={page(<CareRecipientsPage />)} />
                  <Route path="care/recipients/:id" element={page(<CareRecipientDetailPage />)} />
                  <Route path="bookings" element={page(<CampaignsPage />)} />
                  <Route path="bookings/counter" element={page(<CounterPage />)} />
                  <Route path="bookings/:id" element={page(<CampaignDetailPage />)} />
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
                  <Route path="*" element={<GoHome />} />
                </Route>
              </Route>
            </Routes>
          </BrowserRouter>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
