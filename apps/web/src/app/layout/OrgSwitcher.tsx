import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { ALL_ORGS_VALUE, useOrgScope } from '../org-scope';

/** Chooses which of the actor's units the pages look at. */
export function OrgSwitcher({ block = false }: { block?: boolean }) {
  const { t } = useTranslation();
  const { options, orgId, setOrgId } = useOrgScope();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  if (options.length === 0) return null;
  return (
    <Select<string>
      data-testid="org-switcher"
      aria-label={t('shell.orgSwitcher')}
      value={orgId ?? ALL_ORGS_VALUE}
      onChange={(value) => {
        setOrgId(value === ALL_ORGS_VALUE ? null : value);
        // A unit chosen on the organisations page may lie outside the new scope: start from its top.
        if (pathname.startsWith('/orgs')) void navigate('/orgs', { replace: true });
      }}
      options={options.map((o) => ({
        value: o.orgId ?? ALL_ORGS_VALUE,
        label: `${o.orgId ? o.orgName : t('shell.allOrgs')} · ${o.roles.map((r) => t(`role.${r}`)).join('、')}`,
      }))}
      popupMatchSelectWidth={false}
      style={block ? { width: '100%' } : { width: 280, maxWidth: '32vw' }}
      showSearch={options.length > 6 ? { optionFilterProp: 'label' } : false}
    />
  );
}
