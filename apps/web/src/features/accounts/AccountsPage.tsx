import { useMemo, useState } from 'react';
import { KeyOutlined, PlusOutlined, StopOutlined, UnlockOutlined, UserAddOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Grid, Input, Popconfirm, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Account } from '@youshe/shared';
import { PageHeader } from '../../app/PageHeader';
import { errorText } from '../../app/api';
import { formatDateTime } from '../../app/format';
import { useOrgScope } from '../../app/org-scope';
import { useSignedIn } from '../../app/session';
import { usePageTitle } from '../../app/use-page-title';
import { usePaging } from '../../app/use-paging';
import { AccountFormModal } from './AccountFormModal';
import { accountKeys, accountsApi, type AccountFilters } from './accounts.api';
import { grantableRoles, outranks } from './grantable-roles';
import { GrantTags } from './GrantTags';
import { GrantModal } from './GrantModal';
import { OneTimePasswordModal, type OneTimePassword } from './OneTimePasswordModal';

/** Status tags; colours are picked for 4.5:1 text contrast (antd's derived success/warning tags fall short with this theme). */
function StatusTags({ account }: { account: Account }) {
  const { t } = useTranslation();
  const tags = [
    account.disabled && (
      <Tag key="disabled" color="red">
        {t('accounts.disabled')}
      </Tag>
    ),
    account.lockedUntil && (
      <Tag key="locked" color="#ad6800">
        {t('accounts.lockedUntil', { time: formatDateTime(account.lockedUntil) })}
      </Tag>
    ),
    account.mustChangePassword && (
      <Tag key="password" color="processing">
        {t('accounts.mustChangePassword')}
      </Tag>
    ),
  ].filter(Boolean);
  return <div className="grant-tags">{tags.length ? tags : <Tag>{t('accounts.active')}</Tag>}</div>;
}

export default function AccountsPage() {
  const { t } = useTranslation();
  usePageTitle(t('nav.accounts'));
  const me = useSignedIn();
  const { message } = App.useApp();
  const client = useQueryClient();
  const { orgId } = useOrgScope();
  const pinColumns = Grid.useBreakpoint().md !== false;
  const [q, setQ] = useState('');
  const { paging, firstPage, pagination } = usePaging();
  const [creating, setCreating] = useState(false);
  const [granting, setGranting] = useState<Account | null>(null);
  const [password, setPassword] = useState<OneTimePassword | null>(null);
  // Roles the actor can hand out are the ones they can take back; never from themselves.
  const revocable = useMemo(() => new Set(grantableRoles(me.grants)), [me.grants]);

  const filters: AccountFilters = { q: q.trim() || undefined, orgId, ...paging };
  const list = useQuery({
    queryKey: accountKeys.list(filters),
    queryFn: () => accountsApi.list(filters),
    placeholderData: keepPreviousData,
  });
  const refresh = () => void client.invalidateQueries({ queryKey: accountKeys.all });

  const setDisabled = useMutation({
    mutationFn: ({ account, disabled }: { account: Account; disabled: boolean }) =>
      disabled ? accountsApi.disable(account.id) : accountsApi.enable(account.id),
    onSuccess: (a) => {
      void message.success(a.disabled ? t('accounts.disabledDone', { login: a.login }) : t('accounts.enabledDone', { login: a.login }));
      refresh();
    },
    onError: (e) => void message.error(errorText(e)),
  });
  const reset = useMutation({
    mutationFn: (account: Account) => accountsApi.resetPassword(account.id),
    onSuccess: ({ account, initialPassword }) => {
      setPassword({ login: account.login, password: initialPassword, reset: true });
      refresh();
    },
    onError: (e) => void message.error(errorText(e)),
  });

  return (
    <>
      <PageHeader title={t('nav.accounts')}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="account-create">
          {t('accounts.create')}
        </Button>
      </PageHeader>
      <div role="search" className="filter-bar" aria-label={t('common.filters')}>
        <Input.Search
          allowClear
          placeholder={t('accounts.searchLogin')}
          aria-label={t('accounts.searchLogin')}
          onSearch={(v) => {
            setQ(v);
            firstPage();
          }}
          maxLength={64}
          autoCapitalize="none"
          style={{ width: 220 }}
          data-testid="accounts-search"
        />
      </div>
      {list.isError && <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 16 }} />}
      <div data-testid="accounts-table">
        <Table<Account>
          rowKey="id"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 1100 }}
          pagination={pagination(list.data?.total, [20, 50, 100])}
          columns={[
            {
              key: 'login',
              title: t('accounts.login'),
              fixed: pinColumns ? 'left' : undefined,
              width: 150,
              render: (_v, a) => (
                <span>
                  <code className="account-login">{a.login}</code>
                  {a.id === me.account.id && (
                    <Tag variant="outlined" style={{ marginInlineStart: 6 }}>
                      {t('accounts.you')}
                    </Tag>
                  )}
                </span>
              ),
            },
            {
              key: 'person',
              title: t('accounts.person'),
              width: 100,
              render: (_v, a) => a.personName ?? <span className="empty-text">—</span>,
            },
            {
              key: 'grants',
              title: t('accounts.roles'),
              width: 260,
              render: (_v, a) => <GrantTags account={a} canRevoke={(role) => a.id !== me.account.id && revocable.has(role)} />,
            },
            { key: 'status', title: t('accounts.status'), width: 150, render: (_v, a) => <StatusTags account={a} /> },
            {
              key: 'createdAt',
              title: t('common.createdAt'),
              width: 170,
              render: (_v, a) => (
                <time dateTime={a.createdAt} className="nowrap">
                  {formatDateTime(a.createdAt)}
                </time>
              ),
            },
            {
              key: 'actions',
              title: t('common.actions'),
              fixed: pinColumns ? 'right' : undefined,
              width: 270,
              render: (_v, a) => {
                // Nobody disables or resets themselves here (their own password is changed from the account menu),
                // nor an account holding a role above theirs.
                const handsOff = a.id === me.account.id || outranks(a.grants, me.grants);
                return (
                  <Space size={0} wrap>
                    <Button
                      size="small"
                      type="link"
                      icon={<UserAddOutlined />}
                      onClick={() => setGranting(a)}
                      data-testid={`account-grant-${a.id}`}
                      aria-label={t('accounts.grantLabel', { login: a.login })}
                    >
                      {t('accounts.grant')}
                    </Button>
                    {!handsOff &&
                      (a.disabled ? (
                        <Button
                          size="small"
                          type="link"
                          icon={<UnlockOutlined />}
                          onClick={() => setDisabled.mutate({ account: a, disabled: false })}
                          data-testid={`account-enable-${a.id}`}
                          aria-label={t('accounts.enableLabel', { login: a.login })}
                        >
                          {t('accounts.enable')}
                        </Button>
                      ) : (
                        <Popconfirm
                          title={t('accounts.disableConfirm', { login: a.login })}
                          okText={t('accounts.disable')}
                          okButtonProps={{ danger: true }}
                          cancelText={t('common.cancel')}
                          onConfirm={() => setDisabled.mutateAsync({ account: a, disabled: true }).catch(() => undefined)}
                        >
                          <Button
                            size="small"
                            type="link"
                            danger
                            icon={<StopOutlined />}
                            data-testid={`account-disable-${a.id}`}
                            aria-label={t('accounts.disableLabel', { login: a.login })}
                          >
                            {t('accounts.disable')}
                          </Button>
                        </Popconfirm>
                      ))}
                    {!handsOff && (
                      <Popconfirm
                        title={t('accounts.resetConfirm', { login: a.login })}
                        okText={t('accounts.reset')}
                        cancelText={t('common.cancel')}
                        onConfirm={() => reset.mutateAsync(a).catch(() => undefined)}
                      >
                        <Button
                          size="small"
                          type="link"
                          icon={<KeyOutlined />}
                          data-testid={`account-reset-${a.id}`}
                          aria-label={t('accounts.resetLabel', { login: a.login })}
                        >
                          {t('accounts.reset')}
                        </Button>
                      </Popconfirm>
                    )}
                  </Space>
                );
              },
            },
          ]}
        />
      </div>
      <AccountFormModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={({ account, initialPassword }) => {
          setCreating(false);
          setPassword({ login: account.login, password: initialPassword, reset: false });
        }}
      />
      <GrantModal account={granting} onClose={() => setGranting(null)} />
      <OneTimePasswordModal value={password} onClose={() => setPassword(null)} />
    </>
  );
}
