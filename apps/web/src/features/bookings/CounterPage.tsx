import { useRef, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Input, type InputRef, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CounterBooking } from '@youshe/shared';
import { ApiError, problemText } from '../../app/api';
import { formatDateTimeShort, formatTimeRange } from '../../app/format';
import { usePageTitle } from '../../app/use-page-title';
import { campaignsApi } from './bookings.api';
import { CameraScanner } from '../../app/CameraScanner';

/**
 * The counter (网点柜台): a resident's code read by a handheld scanner (which types it and presses
 * Enter), pasted from their page's address or typed; the booking shows masked; one tap fulfils it.
 * Works on a phone as well: the page is one column.
 */
export default function CounterPage() {
  const { t } = useTranslation();
  usePageTitle(t('bookings.counter.title'));
  const input = useRef<InputRef>(null);
  const [code, setCode] = useState('');
  const [found, setFound] = useState<CounterBooking | null>(null);
  const [error, setError] = useState<string | null>(null);
  const failed = (e: unknown) => {
    setFound(null);
    setError(e instanceof ApiError && e.code === 'not_found' ? t('bookings.counter.unknown') : problemText(e));
  };
  const lookup = useMutation({
    mutationFn: (c: string) => campaignsApi.lookup(c),
    onSuccess: (b) => {
      setError(null);
      setFound(b);
    },
    onError: failed,
  });
  const fulfil = useMutation({
    mutationFn: (c: string) => campaignsApi.fulfil(c),
    onSuccess: (b) => {
      setFound(b);
      setCode('');
      input.current?.focus();
    },
    onError: failed,
  });

  return (
    <div style={{ maxWidth: 640 }}>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('bookings.counter.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('bookings.counter.intro')}</Typography.Paragraph>
      <Input.Search
        ref={input}
        size="large"
        autoFocus
        value={code}
        onChange={(e) => setCode(e.target.value)}
        onSearch={(v) => v.trim() && lookup.mutate(v.trim())}
        enterButton={t('bookings.counter.find')}
        loading={lookup.isPending}
        placeholder={t('bookings.counter.placeholder')}
        aria-label={t('bookings.counter.placeholder')}
        data-testid="counter-code"
      />
      <div style={{ marginTop: 8 }}>
        <CameraScanner
          onCode={(text) => {
            setCode(text.trim());
            lookup.mutate(text.trim());
          }}
        />
      </div>
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 16 }} data-testid="counter-error" />}
      {found && (
        <Card style={{ marginTop: 16 }} data-testid="counter-booking" data-status={found.status}>
          {found.justFulfilled && (
            <Alert type="success" showIcon title={t('bookings.counter.done')} style={{ marginBottom: 12 }} data-testid="counter-done" />
          )}
          {found.status === 'fulfilled' && !found.justFulfilled && (
            <Alert
              type="warning"
              showIcon
              title={t('bookings.counter.already', { time: formatDateTimeShort(found.fulfilledAt), by: found.fulfilledBy ?? '' })}
              style={{ marginBottom: 12 }}
              data-testid="counter-already"
            />
          )}
          <Descriptions column={1} size="small" title={found.campaignTitle}>
            <Descriptions.Item label={t('bookings.counter.status')}>
              <Tag color={found.status === 'confirmed' ? 'blue' : found.status === 'fulfilled' ? 'green' : 'default'}>
                {t(`bookings.status.${found.status}`)}
              </Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('bookings.counter.slot')}>
              {found.slot.placeName} · {formatTimeRange(found.slot.startsAt, found.slot.endsAt)}
            </Descriptions.Item>
            {found.fields.map((f) => (
              <Descriptions.Item key={f.key} label={f.label}>
                {found.values[f.key] ?? '—'}
              </Descriptions.Item>
            ))}
          </Descriptions>
          {found.status === 'confirmed' && (
            <Button
              type="primary"
              size="large"
              block
              style={{ marginTop: 16 }}
              loading={fulfil.isPending}
              onClick={() => fulfil.mutate(found.code)}
              data-testid="counter-fulfil"
            >
              {t('bookings.counter.fulfil')}
            </Button>
          )}
        </Card>
      )}
    </div>
  );
}
