import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Checkbox, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { phoneSchema, signupRequestSchema } from '@youshe/shared';
import { ApiError, problemText } from '../app/api';
import { applyServerErrors, zodRule } from '../app/forms';
import { Notice } from './Notice';
import { isNetwork, publicApi, publicKeys } from './public.api';
import { rememberSignup } from './signup-storage';

interface Values {
  name: string;
  phone: string;
  consent: boolean;
}

/**
 * Name, phone and consent. What was typed stays on any failure; a dropped connection offers
 * another try, which is safe: the same phone again returns the same sign-up.
 */
export function SignupForm({ token, full }: { token: string; full: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<{ text: string; network: boolean } | null>(null);

  const signUp = useMutation({
    mutationFn: (v: Values) => publicApi.signUp(token, { name: v.name.trim(), phone: v.phone.trim(), consent: true }),
    onSuccess: (signup) => {
      rememberSignup(token, { code: signup.code, name: signup.name });
      client.setQueryData(publicKeys.signup(signup.code), signup);
      void client.invalidateQueries({ queryKey: publicKeys.activity(token) });
      void navigate(`/s/${signup.code}`);
    },
    onError: (e) => {
      const rest = applyServerErrors(form, e, ['name', 'phone', 'consent']);
      const onlyFields = e instanceof ApiError && e.details.length > 0 && rest.length === 0;
      setFailure(onlyFields ? null : { text: isNetwork(e) ? t('public.offlineSignup') : problemText(e), network: isNetwork(e) });
      // The activity may have closed or filled up meanwhile: show its state as it is now.
      if (!isNetwork(e)) void client.invalidateQueries({ queryKey: publicKeys.activity(token) });
    },
  });

  return (
    <section className="resident-card" aria-labelledby="signup-heading">
      <h2 id="signup-heading">{full ? t('public.signupWaitlistHeading') : t('public.signupHeading')}</h2>
      <Form<Values>
        form={form}
        layout="vertical"
        size="large"
        requiredMark={false}
        onFinish={(v) => {
          setFailure(null);
          signUp.mutate(v);
        }}
        data-testid="signup-form"
        aria-labelledby="signup-heading"
      >
        <Form.Item
          name="name"
          label={t('public.name')}
          rules={[{ required: true, whitespace: true, message: t('public.nameRequired') }, zodRule(signupRequestSchema.shape.name)]}
        >
          <Input autoComplete="name" maxLength={30} data-testid="signup-name" />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('public.phone')}
          extra={t('public.phoneHint')}
          // The same rule and wording as the server's; the server's answer lands here too.
          rules={[{ required: true, message: t('public.phoneRequired') }, zodRule(phoneSchema)]}
          validateTrigger="onBlur"
        >
          <Input type="tel" inputMode="numeric" autoComplete="tel" maxLength={11} data-testid="signup-phone" />
        </Form.Item>
        <Form.Item
          name="consent"
          valuePropName="checked"
          rules={[
            {
              validator: async (_r, v: boolean) => {
                if (!v) throw new Error(t('public.consentRequired'));
              },
            },
          ]}
        >
          <Checkbox data-testid="signup-consent">{t('public.consent')}</Checkbox>
        </Form.Item>
        {failure && (
          <Notice tone="error" title={failure.text} testId="signup-error">
            {failure.network && (
              <Button size="large" block onClick={() => form.submit()} style={{ marginTop: 12 }} data-testid="signup-retry">
                {t('common.retry')}
              </Button>
            )}
          </Notice>
        )}
        <Button type="primary" htmlType="submit" size="large" block loading={signUp.isPending} data-testid="signup-submit">
          {full ? t('public.submitWaitlist') : t('public.submit')}
        </Button>
      </Form>
    </section>
  );
}
