import { useEffect } from 'react';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import type { LoginRequest, MeResponse } from '@youshe/shared';
import { api, errorText } from '../../app/api';
import { LanguageSwitch } from '../../app/layout/LanguageSwitch';
import { homeOf } from '../../app/home';
import { PageLoading } from '../../app/PageLoading';
import { useMe, useSetSession } from '../../app/session';

/** Only paths inside the console are followed after sign-in, never another site; without one, the account's home. */
function safeNext(next: string | null): string | null {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : null;
}

export function LoginPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const me = useMe();
  const setSession = useSetSession();
  const [form] = Form.useForm<LoginRequest>();
  const next = safeNext(params.get('next'));

  const login = useMutation({
    mutationFn: (values: LoginRequest) => api.post<MeResponse>('/api/auth/login', values),
    onSuccess: (data) => {
      setSession(data);
      void navigate(next ?? homeOf(data), { replace: true });
    },
    onError: () => form.setFieldValue('password', ''),
  });

  useEffect(() => {
    document.title = `${t('login.title')} · ${t('app.title')}`;
  }, [t]);

  if (me.isPending) return <PageLoading />;
  if (me.data) return <Navigate to={next ?? homeOf(me.data)} replace />;

  return (
    <div className="login-page">
      <header className="login-lang">
        <LanguageSwitch />
      </header>
      <main className="login-card">
        <Card variant="borderless" styles={{ body: { padding: '32px 28px' } }}>
          <div style={{ textAlign: 'center', marginBottom: 24 }}>
            <img src="/favicon.svg" alt="" width={56} height={56} />
            <Typography.Title level={1} style={{ fontSize: 26, margin: '12px 0 4px' }}>
              {t('app.title')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('login.subtitle')}</Typography.Text>
          </div>
          {login.error && (
            <Alert
              type="error"
              showIcon
              title={errorText(login.error)}
              style={{ marginBottom: 20 }}
              role="alert"
              data-testid="login-error"
            />
          )}
          <Form<LoginRequest>
            form={form}
            layout="vertical"
            size="large"
            requiredMark={false}
            onFinish={(values) => login.mutate(values)}
            data-testid="login-form"
            aria-label={t('login.title')}
          >
            <Form.Item
              name="login"
              label={t('login.login')}
              rules={[{ required: true, whitespace: true, message: t('login.loginRequired') }]}
            >
              <Input prefix={<UserOutlined aria-hidden />} autoComplete="username" autoFocus maxLength={64} />
            </Form.Item>
            <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
              <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="current-password" maxLength={256} />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
              {t('login.submit')}
            </Button>
          </Form>
        </Card>
      </main>
    </div>
  );
}
