import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Button, Checkbox, Form, Input, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { phoneSchema, publicNeedRequestSchema } from '@youshe/shared';
import { ApiError, problemText } from '../app/api';
import { applyServerErrors, zodRule } from '../app/forms';
import { usePageTitle } from '../app/use-page-title';
import { Notice } from './Notice';
import { isNetwork, publicApi, publicKeys } from './public.api';

interface Values {
  orgId: string;
  kind: 'need' | 'wish';
  title: string;
  description?: string;
  name: string;
  phone: string;
  consent: boolean;
}

/** 居民点单: a resident tells their community what they need; a tracking code lets them follow it. */
export default function NeedOrderPage() {
  const { t } = useTranslation();
  usePageTitle(t('need.pageTitle'));
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [term, setTerm] = useState('');
  const [failure, setFailure] = useState<{ text: string; network: boolean } | null>(null);
  const q = term.trim();
  const communities = useQuery({ queryKey: publicKeys.communities(q), queryFn: () => publicApi.communities(q), enabled: q.length > 0 });

  const order = useMutation({
    mutationFn: (v: Values) =>
      publicApi.order({
        orgId: v.orgId,
        kind: v.kind,
        title: v.title.trim(),
        description: v.description?.trim() ?? '',
        name: v.name.trim(),
        phone: v.phone.trim(),
        consent: true,
      }),
    onSuccess: (need) => void navigate(`/need/${need.trackingCode}`, { state: { justPosted: true } }),
    onError: (e) => {
      const rest = applyServerErrors(form, e, ['orgId', 'kind', 'title', 'description', 'name', 'phone', 'consent']);
      const onlyFields = e instanceof ApiError && e.details.length > 0 && rest.length === 0;
      setFailure(onlyFields ? null : { text: isNetwork(e) ? t('need.offline') : problemText(e), network: isNetwork(e) });
    },
  });

  return (
    <>
      <h1>{t('need.pageTitle')}</h1>
      <p>{t('need.intro')}</p>
      <section className="resident-card" aria-labelledby="need-heading">
        <h2 id="need-heading">{t('need.heading')}</h2>
        <Form<Values>
          form={form}
          layout="vertical"
          size="large"
          requiredMark={false}
          initialValues={{ kind: 'wish' }}
          onFinish={(v) => {
            setFailure(null);
            order.mutate(v);
          }}
          data-testid="need-order-form"
          aria-labelledby="need-heading"
        >
          <Form.Item
            name="orgId"
            label={t('need.community')}
            extra={t('need.communityHint')}
            rules={[{ required: true, message: t('need.communityRequired') }]}
          >
            <Select
              showSearch={{ searchValue: term, onSearch: setTerm, filterOption: false }}
              options={(communities.data?.items ?? []).map((c) => ({
                value: c.id,
                label: c.parentName ? `${c.name}（${c.parentName}）` : c.name,
              }))}
              loading={communities.isFetching}
              notFoundContent={q ? (communities.isFetching ? t('common.loading') : t('need.noCommunity')) : t('need.typeCommunity')}
              placeholder={t('need.communityPlaceholder')}
              data-testid="need-community"
            />
          </Form.Item>
          <Form.Item name="kind" label={t('need.kind')}>
            <Radio.Group optionType="button" buttonStyle="solid" data-testid="need-kind">
              <Radio.Button value="wish">{t('needKind.wish')}</Radio.Button>
              <Radio.Button value="need">{t('needKind.need')}</Radio.Button>
            </Radio.Group>
          </Form.Item>
          <Form.Item
            name="title"
            label={t('need.title')}
            rules={[{ required: true, whitespace: true, message: t('need.titleRequired') }, zodRule(publicNeedRequestSchema.shape.title)]}
          >
            <Input maxLength={100} placeholder={t('need.titlePlaceholder')} data-testid="need-title" />
          </Form.Item>
          <Form.Item name="description" label={t('need.description')}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={1000} data-testid="need-description" />
          </Form.Item>
          <Form.Item
            name="name"
            label={t('public.name')}
            rules={[{ required: true, whitespace: true, message: t('public.nameRequired') }, zodRule(publicNeedRequestSchema.shape.name)]}
          >
            <Input autoComplete="name" maxLength={30} data-testid="need-name" />
          </Form.Item>
          <Form.Item
            name="phone"
            label={t('public.phone')}
            extra={t('need.phoneHint')}
            rules={[{ required: true, message: t('public.phoneRequired') }, zodRule(phoneSchema)]}
            validateTrigger="onBlur"
          >
            <Input type="tel" inputMode="numeric" autoComplete="tel" maxLength={11} data-testid="need-phone" />
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
            <Checkbox data-testid="need-consent">{t('need.consent')}</Checkbox>
          </Form.Item>
          {failure && (
            <Notice tone="error" title={failure.text} testId="need-error">
              {failure.network && (
                <Button size="large" block onClick={() => form.submit()} style={{ marginTop: 12 }} data-testid="need-retry">
                  {t('common.retry')}
                </Button>
              )}
            </Notice>
          )}
          <Button type="primary" htmlType="submit" size="large" block loading={order.isPending} data-testid="need-submit">
            {t('need.submit')}
          </Button>
        </Form>
      </section>
    </>
  );
}
