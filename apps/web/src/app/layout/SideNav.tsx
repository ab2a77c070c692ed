import {
  ApartmentOutlined,
  MailOutlined,
  SafetyOutlined,
  AlertOutlined,
  HeartOutlined,
  ScheduleOutlined,
  AuditOutlined,
  ApiOutlined,
  CalendarOutlined,
  OrderedListOutlined,
  EnvironmentOutlined,
  RadarChartOutlined,
  RiseOutlined,
  DashboardOutlined,
  NotificationOutlined,
  SafetyCertificateOutlined,
  ShopOutlined,
  TeamOutlined,
  UsergroupAddOutlined,
} from '@ant-design/icons';
import { Menu, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { canManageAccounts, canReadAudit, hasPermission, useSignedIn } from '../session';

/** The console's main navigation; the same menu sits in the side bar and, on phones, in a drawer. */
export function SideNav({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const me = useSignedIn();
  const { pathname } = useLocation();
  const section = pathname.split('/')[1] || 'orgs';

  const link = (key: string, testId: string) => (
    <Link to={`/${key}`} data-testid={testId} onClick={onNavigate}>
      {t(`nav.${key}`)}
    </Link>
  );
  // Volunteer teams, wristbands and the outbox keep their labels in their own locale section.
  const own = (key: string, testId: string) => (
    <Link to={`/${key}`} data-testid={testId} onClick={onNavigate}>
      {t(`outreach.nav.${key}`)}
    </Link>
  );
  const items: MenuProps['items'] = [
    ...(hasPermission(me, 'report.read')
      ? [
          {
            key: 'dashboard',
            icon: <DashboardOutlined />,
            label: (
              <Link to="/dashboard" data-testid="nav-dashboard" onClick={onNavigate}>
                {t('reports.nav.dashboard')}
              </Link>
            ),
          },
          {
            key: 'press',
            icon: <NotificationOutlined />,
            label: (
              <Link to="/press" data-testid="nav-press" onClick={onNavigate}>
                {t('reports.nav.press')}
              </Link>
            ),
          },
        ]
      : []),
    { key: 'orgs', icon: <ApartmentOutlined />, label: link('orgs', 'nav-orgs') },
    ...(hasPermission(me, 'person.read') ? [{ key: 'people', icon: <TeamOutlined />, label: link('people', 'nav-people') }] : []),
    { key: 'places', icon: <EnvironmentOutlined />, label: link('places', 'nav-places') },
    { key: 'coverage', icon: <RadarChartOutlined />, label: link('coverage', 'nav-coverage') },
    ...(hasPermission(me, 'activity.read')
      ? [
          { key: 'activities', icon: <CalendarOutlined />, label: link('activities', 'nav-activities') },
          { key: 'partnerships', icon: <UsergroupAddOutlined />, label: link('partnerships', 'nav-partnerships') },
          { key: 'lists', icon: <OrderedListOutlined />, label: link('lists', 'nav-lists') },
        ]
      : []),
    ...(hasPermission(me, 'booking.read') || hasPermission(me, 'booking.fulfil')
      ? [{ key: 'bookings', icon: <ScheduleOutlined />, label: link('bookings', 'nav-bookings') }]
      : []),
    { key: 'stations', icon: <ShopOutlined />, label: link('stations', 'nav-stations') },
    ...(hasPermission(me, 'outcome.read') ? [{ key: 'outcomes', icon: <RiseOutlined />, label: link('outcomes', 'nav-outcomes') }] : []),
    ...(hasPermission(me, 'care.read')
      ? [
          { key: 'care-alerts', icon: <AlertOutlined />, label: <Link to="/care/alerts" data-testid="nav-care-alerts" onClick={onNavigate}>{t('nav.careAlerts')}</Link> },
          { key: 'care-recipients', icon: <HeartOutlined />, label: <Link to="/care/recipients" data-testid="nav-care-recipients" onClick={onNavigate}>{t('nav.careRecipients')}</Link> },
        ]
      : []),
    ...(hasPermission(me, 'care.visit')
      ? [{ key: 'care-route', icon: <HeartOutlined />, label: <Link to="/care/route" data-testid="nav-care-route" onClick={onNavigate}>{t('nav.careRoute')}</Link> }]
      : []),
    { key: 'volunteers', icon: <HeartOutlined />, label: own('volunteers', 'nav-volunteers') },
    ...(hasPermission(me, 'wristband.manage') ? [{ key: 'wristbands', icon: <SafetyOutlined />, label: own('wristbands', 'nav-wristbands') }] : []),
    ...(hasPermission(me, 'notify.read') ? [{ key: 'outbox', icon: <MailOutlined />, label: own('outbox', 'nav-outbox') }] : []),
    ...(canManageAccounts(me) ? [{ key: 'accounts', icon: <SafetyCertificateOutlined />, label: link('accounts', 'nav-accounts') }] : []),
    ...(canReadAudit(me) ? [{ key: 'audit', icon: <AuditOutlined />, label: link('audit', 'nav-audit') }] : []),
    { type: 'divider' as const },
    {
      key: 'api-docs',
      icon: <ApiOutlined />,
      label: (
        <a href="/api/docs" target="_blank" rel="noopener noreferrer" data-testid="nav-api-docs">
          {t('nav.apiDocs')}
          <span className="sr-only">{t('common.opensInNewTab')}</span>
        </a>
      ),
    },
  ];

  return (
    <nav aria-label={t('nav.label')}>
      <Menu mode="inline" selectedKeys={[section]} items={items} style={{ borderInlineEnd: 'none' }} />
    </nav>
  );
}
