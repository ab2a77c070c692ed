import { CloseOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Popconfirm, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Account, Role } from '@youshe/shared';
import { errorText } from '../../app/api';
import { accountKeys, accountsApi } from './accounts.api';

/** Only presets whose text keeps 4.5:1 contrast on their own background. */
const ROLE_COLORS: Record<Role, string | undefined> = {
  platform_admin: 'magenta',
  committee_officer: 'red',
  branch_secretary: 'purple',
  station_head: 'blue',
  volunteer: 'geekblue',
  community_partner: undefined,
};

/**
 * An account's roles as tags (role · unit), each with its own confirmed revoke where `canRevoke`
 * allows it (the server still decides for the unit the role is on).
 */
export function GrantTags({ account, canRevoke }: { account: Account; canRevoke: (role: Role) => boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const revoke = useMutation({
    mutationFn: (grantId: string) => accountsApi.revoke(account.id, grantId),
    onSuccess: () => {
      void message.success(t('accounts.revoked'));
      void client.invalidateQueries({ queryKey: accountKeys.all });
    },
    onError: (e) => void message.error(errorText(e)),
  });

  if (account.grants.length === 0) return <span className="empty-text">{t('accounts.noRoles')}</span>;
  return (
    <ul className="grant-tags" aria-label={t('accounts.rolesOf', { login: account.login })}>
      {account.grants.map((g) => {
        const role = t(`role.${g.role}`);
        const org = g.orgName ?? t('shell.allOrgs');
        return (
          <li key={g.id}>
            <Tag color={ROLE_COLORS[g.role]} data-testid={`account-role-${g.id}`}>
              {role} · {org}
              {canRevoke(g.role) && (
                <Popconfirm
                  title={t('accounts.revokeConfirm', { role, org, login: account.login })}
                  okText={t('accounts.revoke')}
                  okButtonProps={{ danger: true }}
                  cancelText={t('common.cancel')}
                  onConfirm={() => revoke.mutateAsync(g.id).catch(() => undefined)}
                >
                  <Button
                    type="text"
                    size="small"
                    className="grant-revoke"
                    icon={<CloseOutlined />}
                    aria-label={t('accounts.revokeLabel', { role, org })}
                    data-testid={`account-revoke-${g.id}`}
                  />
                </Popconfirm>
              )}
            </Tag>
          </li>
        );
      })}
    </ul>
  );
}
