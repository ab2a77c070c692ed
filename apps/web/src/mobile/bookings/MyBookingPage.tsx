import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, QRCode } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { Booking } from '@youshe/shared';
import { problemText } from '../../app/api';
import { formatDateTimeShort, formatTimeRange } from '../../app/format';
import { PageLoading } from '../../app/PageLoading';
import { usePageTitle } from '../../app/use-page-title';
import { LinkButton } from '../LinkButton';
import { Notice } from '../Notice';
import { isNetwork, retryNetworkOnly } from '../public.api';
import { ResidentError } from '../ResidentError';
import { bookingApi, bookingKeys, SlotFullError } from './bookings.api';
import { SlotPicker } from './SlotPicker';
import './bookings.css';

const TONE: Record<Booking['status'], 'success' | 'warning' | 'info' | 'muted'> = {
  confirmed: 'success',
  fulfilled: 'success',
  waitlisted: 'warning',
  offered: 'info',
  cancelled: 'muted',
  expired: 'muted',
};

/** My booking: its status, the code with its QR for the counter, moving to another slot, and cancelling. */
export default function MyBookingPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const { modal, message } = App.useApp();
  const client = useQueryClient();
  const [changing, setChanging] = useState(false);
  const booking = useQuery({
    queryKey: bookingKeys.booking(code),
    queryFn: () => bookingApi.booking(code),
    retry: retryNetworkOnly,
    refetchInterval: (q) => (q.state.data?.status === 'waitlisted' || q.state.data?.status === 'offered' ? 30_000 : false),
  });
  const b = booking.data;
  const campaign = useQuery({
    queryKey: bookingKeys.campaign(b?.campaignToken ?? ''),
    queryFn: () => bookingApi.campaign(b!.campaignToken),
    enabled: Boolean(b) && changing,
    retry: retryNetworkOnly,
  });
  usePageTitle(t('bookings.public.myTitle'));

  const update = (next: Booking) => {
    client.setQueryData(bookingKeys.booking(code), next);
    void client.invalidateQueries({ queryKey: bookingKeys.campaign(next.campaignToken) });
  };
  const failed = (e: unknown) => void message.error(isNetwork(e) ? t('bookings.public.offline') : problemText(e), 6);
  const cancel = useMutation({ mutationFn: () => bookingApi.cancel(code), onSuccess: update, onError: failed });
  const accept = useMutation({ mutationFn: () => bookingApi.accept(code), onSuccess: update, onError: failed });
  const move = useMutation({
    mutationFn: (slotId: string) => bookingApi.changeSlot(code, slotId),
    onSuccess: (next) => {
      update(next);
      setChanging(false);
      void message.success(t('bookings.public.moved'));
    },
    onError: (e) => {
      if (e instanceof SlotFullError) void campaign.refetch();
      failed(e);
    },
  });

  if (booking.isPending) return <PageLoading />;
  if (booking.isError || !b) {
    return <ResidentError error={booking.error} notFound={t('bookings.public.bookingNotFound')} onRetry={() => void booking.refetch()} />;
  }

  const confirmCancel = () =>
    modal.confirm({
      title: t('bookings.public.cancelConfirm'),
      content: t('bookings.public.cancelConfirmSub'),
      okText: t('bookings.public.cancelYes'),
      okButtonProps: { danger: true, size: 'large' },
      cancelText: t('bookings.public.cancelNo'),
      cancelButtonProps: { size: 'large' },
      onOk: () => cancel.mutateAsync().catch(() => undefined),
    });

  if (changing) {
    return (
      <>
        <h1 className="booking-chosen">{t('bookings.public.changeHeading')}</h1>
        {campaign.data ? <SlotPicker campaign={campaign.data} current={b.slot.id} onPick={(id) => move.mutate(id)} /> : <PageLoading />}
        <Button size="large" block onClick={() => setChanging(false)} data-testid="booking-change-back">
          {t('bookings.public.keepSlot')}
        </Button>
      </>
    );
  }

  return (
    <div data-testid="my-booking" data-status={b.status}>
      <section className={`resident-card resident-status ${TONE[b.status]}`} role="status" aria-live="polite" data-testid="booking-status">
        <h1 className="resident-status-text">{t(`bookings.status.${b.status}`)}</h1>
        <p className="resident-status-sub">{b.campaignTitle}</p>
        {b.status === 'waitlisted' && (
          <p className="resident-status-sub">{t('bookings.public.position', { n: b.waitlistPosition ?? '—' })}</p>
        )}
        {b.status === 'offered' && (
          <p className="resident-status-sub">{t('bookings.public.offered', { time: formatDateTimeShort(b.offerExpiresAt) })}</p>
        )}
        {b.fulfilledAt && (
          <p className="resident-status-sub">{t('bookings.public.fulfilledAt', { time: formatDateTimeShort(b.fulfilledAt) })}</p>
        )}
      </section>
      <section className="resident-card" aria-labelledby="slot-heading">
        <h2 id="slot-heading" style={{ marginTop: 0 }}>
          {t('bookings.public.where')}
        </h2>
        <p className="booking-chosen" data-testid="booking-slot-text">
          {b.slot.placeName} · {formatTimeRange(b.slot.startsAt, b.slot.endsAt, true)}
        </p>
        {b.slot.address && <p>{b.slot.address}</p>}
        <dl className="resident-facts">
          {Object.entries(b.values).map(([k, v]) => (
            <div key={k}>
              <dt>{b.labels[k] ?? k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
      </section>
      {(b.status === 'confirmed' || b.status === 'fulfilled') && (
        <section className="resident-card resident-code" aria-labelledby="code-heading">
          <h2 id="code-heading">{t('bookings.public.codeHeading')}</h2>
          <QRCode
            value={b.code}
            size={232}
            errorLevel="M"
            bordered={false}
            role="img"
            aria-label={t('bookings.public.codeQr')}
            data-testid="booking-qr"
          />
          <div className="resident-code-text" data-testid="booking-code">
            {b.code}
          </div>
          <p style={{ margin: 0 }}>{t('bookings.public.codeHint')}</p>
        </section>
      )}
      {b.status === 'offered' && (
        <Notice tone="info" title={t('bookings.public.offeredTitle')}>
          <Button type="primary" size="large" block loading={accept.isPending} onClick={() => accept.mutate()} data-testid="booking-accept">
            {t('bookings.public.accept')}
          </Button>
        </Notice>
      )}
      <div className="resident-actions">
        {b.status === 'confirmed' && (
          <Button type="primary" size="large" block onClick={() => setChanging(true)} data-testid="booking-change">
            {t('bookings.public.change')}
          </Button>
        )}
        {['confirmed', 'waitlisted', 'offered'].includes(b.status) && (
          <Button danger size="large" block loading={cancel.isPending} onClick={confirmCancel} data-testid="booking-cancel">
            {t('bookings.public.cancel')}
          </Button>
        )}
        <LinkButton to={`/b/${b.campaignToken}`} block data-testid="booking-back">
          {t('bookings.public.back')}
        </LinkButton>
      </div>
    </div>
  );
}
