import { useState } from 'react';
import { MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Grid, Layout } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { useOrgScope } from '../org-scope';
import { LanguageSwitch } from './LanguageSwitch';
import { OrgSwitcher } from './OrgSwitcher';
import { SideNav } from './SideNav';
import { UserMenu } from './UserMenu';

/** The signed-in shell: header (brand, unit, language, account), navigation and the page. */
export function AppLayout() {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  // Before the first measurement every breakpoint is undefined: assume a desktop.
  const phone = screens.md === false;
  const narrow = screens.lg === false;
  const [menuOpen, setMenuOpen] = useState(false);
  const { orgId } = useOrgScope();

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="skip-link" href="#main-content">
        {t('shell.skipToContent')}
      </a>
      <Layout.Header className="app-header">
        {narrow && (
          <Button
            type="text"
            icon={<MenuOutlined />}
            aria-label={t('shell.openMenu')}
            aria-expanded={menuOpen}
            onClick={() => setMenuOpen(true)}
            data-testid="nav-toggle"
          />
        )}
        <Link to="/orgs" className="app-brand" aria-label={t('app.title')}>
          <img src="/favicon.svg" alt="" />
          {!phone && <span>{t('app.title')}</span>}
        </Link>
        <div className="app-header-spacer" />
        <div className="app-header-tools">
          {!phone && <OrgSwitcher />}
          <LanguageSwitch compact={phone} />
          <UserMenu compact={phone} />
        </div>
      </Layout.Header>
      {phone && (
        <div className="app-mobile-scope" role="region" aria-label={t('shell.orgSwitcher')}>
          <OrgSwitcher block />
        </div>
      )}
      <Layout>
        {!narrow && (
          <Layout.Sider width={208} className="app-sider" theme="light">
            <SideNav />
          </Layout.Sider>
        )}
        <Layout.Content id="main-content" className="app-content" tabIndex={-1}>
          {/* Keyed by the chosen unit: a new scope starts each page afresh (first page, no stale filters). */}
          <Outlet key={orgId ?? '*'} />
        </Layout.Content>
      </Layout>
      {narrow && (
        <Drawer
          placement="left"
          open={menuOpen}
          onClose={() => setMenuOpen(false)}
          title={t('app.title')}
          size={240}
          styles={{ body: { padding: 0 } }}
        >
          <SideNav onNavigate={() => setMenuOpen(false)} />
        </Drawer>
      )}
    </Layout>
  );
}
