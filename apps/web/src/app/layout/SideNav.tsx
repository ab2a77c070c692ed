import {
  ApartmentOutlined,
  AuditOutlined,
  ApiOutlined,
  CalendarOutlined,
  OrderedListOutlined,
  EnvironmentOutlined,
  RadarChartOutlined,
  SafetyCertificateOutlined,
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
  const items: MenuProps['items'] = [
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
