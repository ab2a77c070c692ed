import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { phoneCheckinSchema, phoneSchema } from '@youshe/shared';
import { ApiError, problemText } from '../app/api';
import { applyServerErrors, zodRule } from '../app/forms';
import { CheckinResult, type CheckinState } from './CheckinResult';
import { isNetwork, isNotFound, publicApi } from './public.api';

interface Values {
  name: string;
  phone: string;
}

/** Checking in from a phone that does not hold the code: the name and number given at sign-up. What was typed stays on any failure. */
export function PhoneCheckin({ token }: { token: string }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [who, setWho] = useState('');
  const [state, setState] = useState<CheckinState | null>(null);
  const checkIn = useMutation({
    mutationFn: (v: Values) => publicApi.checkInByPhone(token, { name: v.name.trim(), phone: v.phone.trim() }),
    onMutate: (v) => {
      setWho(v.name.trim());
      setState({ state: 'pending' });
    },
    onSuccess: (res) => setState({ state: 'done', firstTime: res.firstTime }),
    onError: (e) => {
      const rest = applyServerErrors(form, e, ['name', 'phone']);
      if (e instanceof ApiError && e.details.length > 0 && rest.length === 0) return setState(null);
      const text = isNotFound(e) ? t('public.checkinUnknown') : isNetwork(e) ? t('public.offlineCheckin') : problemText(e);
      setState({ state: 'failed', text, network: isNetwork(e) });
    },
  });

  if (state?.state === 'done') return <CheckinResult signup={{ code: '', name: who }} result={state} onRetry={() => undefined} />;
  return (
    <section className="resident-card" aria-labelledby="phone-checkin-heading">
      <h2 id="phone-checkin-heading">{t('public.phoneCheckinHeading')}</h2>
      <Form<Values>
        form={form}
        layout="vertical"
        size="large"
        requiredMark={false}
        onFinish={(v) => checkIn.mutate(v)}
        data-testid="phone-checkin-form"
        aria-labelledby="phone-checkin-heading"
      >
        <Form.Item
          name="name"
          label={t('public.name')}
          rules={[{ required: true, whitespace: true, message: t('public.nameRequired') }, zodRule(phoneCheckinSchema.shape.name)]}
        >
          <Input autoComplete="name" maxLength={30} data-testid="phone-checkin-name" />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('public.phone')}
          rules={[{ required: true, message: t('public.phoneRequired') }, zodRule(phoneSchema)]}
          validateTrigger="onBlur"
        >
          <Input type="tel" inputMode="numeric" autoComplete="tel" maxLength={11} data-testid="phone-checkin-phone" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={checkIn.isPending} data-testid="phone-checkin-submit">
          {t('public.phoneCheckinSubmit')}
        </Button>
      </Form>
      {state?.state === 'failed' && (
        <div style={{ marginTop: 16 }}>
          <CheckinResult signup={{ code: '', name: who }} result={state} onRetry={() => form.submit()} />
        </div>
      )}
    </section>
  );
}
