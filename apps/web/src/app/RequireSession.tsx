import { useEffect } from 'react';
import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { errorText } from './api';
import { homeOf } from './home';
import { followAccountLocale } from './i18n';
import { PageLoading } from './PageLoading';
import { OrgScopeProvider } from './org-scope';
import { canManageAccounts, canReadAudit, hasPermission, SignedInContext, useMe, useSignedIn } from './session';

/** Renders the signed-in shell, or sends the visitor to the sign-in page and back afterwards. */
export function RequireSession() {
  const { t } = useTranslation();
  const location = useLocation();
  const me = useMe();
  const accountLocale = me.data?.account.locale;
  useEffect(() => {
    if (accountLocale) void followAccountLocale(accountLocale);
  }, [accountLocale]);
  if (me.isPending) return <PageLoading />;
  if (me.isError) {
    return (
      <main className="centered-page">
        <Result
          status="error"
          title={t('errors.sessionLoad')}
          subTitle={errorText(me.error)}
          extra={
            <Button type="primary" onClick={() => void me.refetch()}>
              {t('common.retry')}
            </Button>
          }
        />
      </main>
    );
  }
  if (!me.data) {
    const next = location.pathname + location.search;
    return <Navigate to={next && next !== '/' ? `/login?next=${encodeURIComponent(next)}` : '/login'} replace />;
  }
  return (
    <SignedInContext.Provider value={me.data}>
      <OrgScopeProvider me={me.data}>
        <Outlet />
      </OrgScopeProvider>
    </SignedInContext.Provider>
  );
}

export function RequireAudit() {
  const me = useSignedIn();
  return canReadAudit(me) ? <Outlet /> : <Navigate to="/orgs" replace />;
}

export function RequireAccountManager() {
  const me = useSignedIn();
  return canManageAccounts(me) ? <Outlet /> : <Navigate to="/orgs" replace />;
}

export function RequireActivities() {
  const me = useSignedIn();
  return hasPermission(me, 'activity.read') ? <Outlet /> : <Navigate to="/orgs" replace />;
}

/** The console's root, and any path it does not know: the signed-in account's home (homeOf). */
export function GoHome() {
  return <Navigate to={homeOf(useSignedIn())} replace />;
}
