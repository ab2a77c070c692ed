import { useMemo } from 'react';
import { Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Role } from '@youshe/shared';
import { useSignedIn } from '../../app/session';
import { OrgTreeSelect } from '../orgs/OrgTreeSelect';
import { grantableRoles, isPlatformWide } from './grantable-roles';

/**
 * The role and the unit it is granted on, for a form whose values hold them under `prefix`
 * (['grant'] when creating an account, [] when adding a grant). Turn the values into a request with
 * `toGrant`: a platform-wide role has no unit.
 */
export function GrantFields({ prefix, idPrefix }: { prefix: string[]; idPrefix: string }) {
  const { t } = useTranslation();
  const me = useSignedIn();
  const form = Form.useFormInstance();
  const roleName = useMemo(() => [...prefix, 'role'], [prefix]);
  const orgName = useMemo(() => [...prefix, 'orgId'], [prefix]);
  const role = Form.useWatch(roleName, form) as Role | undefined;
  const platformWide = isPlatformWide(role);
  const roles = useMemo(() => grantableRoles(me.grants), [me.grants]);

  return (
    <>
      <Form.Item name={roleName} label={t('accounts.role')} rules={[{ required: true, message: t('validation.required') }]}>
        <Select<Role>
          options={roles.map((r) => ({ value: r, label: t(`role.${r}`) }))}
          placeholder={t('accounts.rolePick')}
          data-testid={`${idPrefix}-role`}
        />
      </Form.Item>
      {/* A platform admin holds the role on the whole platform, never on one unit: no unit to pick. */}
      {platformWide ? (
        <p className="empty-text">{t('accounts.platformWide')}</p>
      ) : (
        <Form.Item
          name={orgName}
          label={t('accounts.grantOrg')}
          extra={t('accounts.grantOrgHint')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <OrgTreeSelect data-testid={`${idPrefix}-org`} />
        </Form.Item>
      )}
    </>
  );
}

export function toGrant(values: { role: Role; orgId?: string | null }): { role: Role; orgId: string | null } {
  return { role: values.role, orgId: isPlatformWide(values.role) ? null : (values.orgId ?? null) };
}
