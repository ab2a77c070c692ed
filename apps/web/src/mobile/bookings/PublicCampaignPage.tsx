import { useMemo, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Checkbox, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { BookingField, PublicCampaign, SlotAlternative } from '@youshe/shared';
import { ApiError, problemText } from '../../app/api';
import { formatDateTimeShort, formatTimeRange } from '../../app/format';
import { applyServerErrors } from '../../app/forms';
import { PageLoading } from '../../app/PageLoading';
import { usePageTitle } from '../../app/use-page-title';
import { Notice } from '../Notice';
import { isNetwork, retryNetworkOnly } from '../public.api';
import { ResidentError } from '../ResidentError';
import { bookingApi, bookingKeys, newIdempotencyKey, SlotFullError } from './bookings.api';
import { SlotPicker } from './SlotPicker';
import './bookings.css';

/** A campaign's public page: first pick an outlet's slot (places left shown), then fill in the campaign's own questions. */
export default function PublicCampaignPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const campaign = useQuery({
    queryKey: bookingKeys.campaign(token),
    queryFn: () => bookingApi.campaign(token),
    retry: retryNetworkOnly,
    staleTime: 10_000,
  });
  usePageTitle(campaign.data?.title ?? t('bookings.public.title'));
  const [slotId, setSlotId] = useState<string | null>(null);

  if (campaign.isPending) return <PageLoading />;
  if (campaign.isError || !campaign.data) {
    return <ResidentError error={campaign.error} notFound={t('bookings.public.notFound')} onRetry={() => void campaign.refetch()} />;
  }
  const c = campaign.data;
  return (
    <>
      <section className="resident-card" aria-labelledby="campaign-title">
        <h1 id="campaign-title" style={{ marginTop: 0 }}>
          {c.title}
        </h1>
        <p style={{ margin: 0 }}>{c.orgName}</p>
        {c.description && <p className="resident-description">{c.description}</p>}
        <p style={{ marginBottom: 0 }}>
          {t('bookings.public.period', { from: formatDateTimeShort(c.opensAt), to: formatDateTimeShort(c.closesAt) })}
        </p>
      </section>
      {!c.open ? (
        <Notice tone="muted" title={t('bookings.public.closed')} testId="booking-closed" />
      ) : slotId ? (
        <BookingForm campaign={c} token={token} slotId={slotId} onChangeSlot={setSlotId} />
      ) : (
        <>
          <h2 className="booking-chosen">{t('bookings.public.pickSlot')}</h2>
          <SlotPicker campaign={c} onPick={setSlotId} />
        </>
      )}
    </>
  );
}

function slotLabel(c: PublicCampaign, slotId: string) {
  for (const o of c.outlets) {
    const s = o.slots.find((x) => x.id === slotId);
    if (s) return `${o.name} · ${formatTimeRange(s.startsAt, s.endsAt, true)}`;
  }
  return '';
}

function BookingForm({
  campaign: c,
  token,
  slotId,
  onChangeSlot,
}: {
  campaign: PublicCampaign;
  token: string;
  slotId: string;
  onChangeSlot: (id: string | null) => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [form] = Form.useForm<{ values: Record<string, string>; consent: boolean }>();
  // One key per filled-in form: pressing "retry" after a dropped answer cannot book twice.
  const key = useMemo(newIdempotencyKey, []);
  const [failure, setFailure] = useState<{ text: string; network: boolean; alternatives?: SlotAlternative[] } | null>(null);
  const fieldNames = c.fields.map((f) => `values.${f.key}`);

  const book = useMutation({
    mutationFn: ({ values, waitlist }: { values: Record<string, string>; waitlist: boolean }) =>
      bookingApi.book(token, { slotId, values, consent: true, waitlist }, key),
    onSuccess: (b) => {
      client.setQueryData(bookingKeys.booking(b.code), b);
      void client.invalidateQueries({ queryKey: bookingKeys.campaign(token) });
      void navigate(`/bk/${b.code}`);
    },
    onError: (e) => {
      void client.invalidateQueries({ queryKey: bookingKeys.campaign(token) });
      if (e instanceof SlotFullError) return setFailure({ text: e.message, network: false, alternatives: e.alternatives });
      const rest = applyServerErrors(form, e, fieldNames);
      const onlyFields = e instanceof ApiError && e.details.length > 0 && rest.length === 0;
      setFailure(onlyFields ? null : { text: isNetwork(e) ? t('bookings.public.offline') : problemText(e), network: isNetwork(e) });
    },
  });
  const submit = (waitlist: boolean) =>
    form.validateFields().then(
      (v) => {
        setFailure(null);
        book.mutate({ values: v.values ?? {}, waitlist });
      },
      () => undefined,
    );

  return (
    <section className="resident-card" aria-labelledby="booking-heading">
      <h2 id="booking-heading" style={{ marginTop: 0 }}>
        {t('bookings.public.formHeading')}
      </h2>
      <p className="booking-chosen" data-testid="booking-chosen-slot">
        {slotLabel(c, slotId)}
      </p>
      <Button size="large" block onClick={() => onChangeSlot(null)} style={{ marginBottom: 16 }} data-testid="booking-other-slot">
        {t('bookings.public.otherSlot')}
      </Button>
      <Form
        form={form}
        layout="vertical"
        size="large"
        requiredMark={false}
        onFinish={() => void submit(false)}
        className="booking-form"
        data-testid="booking-form"
      >
        {c.fields.map((f) => (
          <FieldInput key={f.key} field={f} />
        ))}
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
          <Checkbox data-testid="booking-consent">{t('bookings.public.consent', { org: c.orgName })}</Checkbox>
        </Form.Item>
        {failure && (
          <Notice tone={failure.alternatives ? 'warning' : 'error'} title={failure.text} testId="booking-error">
            {failure.alternatives && failure.alternatives.length > 0 && (
              <>
                <p>{t('bookings.public.alternatives')}</p>
                {failure.alternatives.map((a) => (
                  <Button
                    key={a.slotId}
                    size="large"
                    block
                    style={{ marginBottom: 8, height: 'auto', whiteSpace: 'normal' }}
                    onClick={() => {
                      setFailure(null);
                      onChangeSlot(a.slotId);
                    }}
                    data-testid="booking-alternative"
                  >
                    {a.placeName} · {formatTimeRange(a.startsAt, a.endsAt, true)} ·{' '}
                    {t('bookings.public.placesLeft', { count: a.placesLeft })}
                  </Button>
                ))}
              </>
            )}
            {failure.alternatives && (
              <Button size="large" block onClick={() => void submit(true)} data-testid="booking-waitlist">
                {t('bookings.public.waitHere')}
              </Button>
            )}
            {failure.network && (
              <Button size="large" block onClick={() => form.submit()} style={{ marginTop: 12 }} data-testid="booking-retry">
                {t('common.retry')}
              </Button>
            )}
          </Notice>
        )}
        <Button type="primary" htmlType="submit" size="large" block loading={book.isPending} data-testid="booking-submit">
          {t('bookings.public.submit')}
        </Button>
      </Form>
    </section>
  );
}

function FieldInput({ field: f }: { field: BookingField }) {
  const { t } = useTranslation();
  const input =
    f.kind === 'phone' ? (
      <Input type="tel" inputMode="numeric" autoComplete="tel" maxLength={11} data-testid={`booking-field-${f.key}`} />
    ) : (
      <Input autoComplete={f.kind === 'name' ? 'name' : 'off'} maxLength={100} data-testid={`booking-field-${f.key}`} />
    );
  return (
    <Form.Item
      name={['values', f.key]}
      label={f.label}
      extra={f.hint}
      rules={f.required ? [{ required: true, whitespace: true, message: t('bookings.public.required', { label: f.label }) }] : []}
    >
      {input}
    </Form.Item>
  );
}
