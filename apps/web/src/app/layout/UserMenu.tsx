import { useState } from 'react';
import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, errorText } from '../api';
import { ME_KEY, useSetSession, useSignedIn } from '../session';
import { ChangePasswordModal } from './ChangePasswordModal';

export function UserMenu({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const me = useSignedIn();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const client = useQueryClient();
  const setSession = useSetSession();
  const [changing, setChanging] = useState(false);
  const logout = useMutation({
    mutationFn: () => api.post('/api/auth/logout'),
    onSettled: (_data, error) => {
      if (error) void message.error(errorText(error));
      setSession(null);
      void navigate('/login', { replace: true });
    },
  });
  const forced = me.account.mustChangePassword;
  const who = me.person?.name ?? me.account.login;

  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            { key: 'who', label: `${who} (${me.account.login})`, disabled: true },
            { type: 'divider' },
            { key: 'password', icon: <KeyOutlined />, label: <span data-testid="change-password">{t('password.title')}</span> },
            { key: 'logout', icon: <LogoutOutlined />, danger: true, label: <span data-testid="logout">{t('shell.logout')}</span> },
          ],
          onClick: ({ key }) => {
            if (key === 'password') setChanging(true);
            if (key === 'logout') logout.mutate();
          },
        }}
      >
        <Button data-testid="user-menu" aria-label={t('shell.userMenu', { name: who })} icon={<UserOutlined />} loading={logout.isPending}>
          {!compact && (
            <>
              <span className="user-menu-name">{who}</span> <DownOutlined />
            </>
          )}
        </Button>
      </Dropdown>
      <ChangePasswordModal
        open={changing || forced}
        forced={forced}
        onDone={() => {
          setChanging(false);
          void client.invalidateQueries({ queryKey: ME_KEY });
        }}
      />
    </>
  );
}
