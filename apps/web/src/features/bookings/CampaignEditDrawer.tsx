import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, DatePicker, Drawer, Form, Grid, Input, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { BookingField, Campaign } from '@youshe/shared';
import { ApiError, isApiError, problemText } from '../../app/api';
import { applyServerErrors } from '../../app/forms';
import { campaignKeys, campaignsApi } from './bookings.api';
import { FieldListFields } from './FieldListFields';

interface Values {
  title: string;
  description?: string;
  period: [Dayjs, Dayjs];
  fields: BookingField[];
  identityField: string;
}

const valuesOf = (c: Campaign): Values => ({
  title: c.title,
  description: c.description,
  period: [dayjs(c.opensAt), dayjs(c.closesAt)],
  fields: c.fields,
  identityField: c.identityField,
});

const FIELD_PARTS = ['key', 'label', 'kind', 'pattern', 'hint', 'required'];

/**
 * Editing a campaign after it was set up. The save carries the version it was based on: when another officer saved
 * first, the server refuses it and the officer reloads what is there now. Once residents have booked, the server
 * refuses field changes that would invalidate their bookings and says so beside the field.
 */
export function CampaignEditDrawer({ campaign, onClose }: { campaign: Campaign; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<Values>();
  const [base, setBase] = useState(campaign);
  const [failure, setFailure] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const keys = (Form.useWatch('fields', form) ?? []).map((f) => f?.key).filter(Boolean);
  const answered = base.bookingCount > 0 ? new Set(base.fields.map((f) => f.key)) : undefined;

  const save = useMutation({
    mutationFn: (v: Values) =>
      campaignsApi.update(base.id, {
        version: base.version,
        title: v.title,
        description: v.description ?? '',
        opensAt: v.period[0].toISOString(),
        closesAt: v.period[1].toISOString(),
        fields: v.fields.map((f) => ({ ...f, pattern: f.pattern || undefined, hint: f.hint || undefined })),
        identityField: v.identityField,
      }),
    onSuccess: (c) => {
      client.setQueryData(campaignKeys.detail(c.id), c);
      void client.invalidateQueries({ queryKey: ['booking-campaigns'] });
      onClose();
    },
    onError: (e) => {
      if (isApiError(e) && e.code === 'conflict') setStale(true);
      const known = [
        'title',
        'description',
        'identityField',
        ...base.fields.concat(form.getFieldValue('fields') ?? []).flatMap((_, i) => FIELD_PARTS.map((p) => `fields.${i}.${p}`)),
      ];
      const rest = applyServerErrors(form, e, known);
      setFailure(e instanceof ApiError && e.details.length > 0 && rest.length === 0 ? null : problemText(e));
    },
  });

  async function reload() {
    const latest = await campaignsApi.get(base.id);
    client.setQueryData(campaignKeys.detail(latest.id), latest);
    setBase(latest);
    form.resetFields();
    form.setFieldsValue(valuesOf(latest));
    setStale(false);
    setFailure(null);
  }

  return (
    <Drawer
      open
      onClose={onClose}
      title={t('bookings.edit.title')}
      size={screens.sm === false ? '100%' : 720}
      footer={
        <Space style={{ justifyContent: 'flex-end', width: '100%' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} disabled={stale} onClick={() => form.submit()} data-testid="campaign-edit-save">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {answered && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('bookings.edit.bookedNote', { count: base.bookingCount })}
          data-testid="campaign-edit-booked-note"
        />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={valuesOf(base)}
        onFinish={(v) => {
          setFailure(null);
          save.mutate(v);
        }}
      >
        <Form.Item name="title" label={t('bookings.titleField')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={100} data-testid="campaign-edit-title" />
        </Form.Item>
        <Form.Item name="description" label={t('bookings.description')}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <Form.Item name="period" label={t('bookings.period')} rules={[{ required: true }]}>
          <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
        <FieldListFields fixedKeys={answered} />
        <Form.Item name="identityField" label={t('bookings.identityField')} extra={t('bookings.identityHint')} rules={[{ required: true }]}>
          <Select options={keys.map((k) => ({ value: k, label: k }))} />
        </Form.Item>
      </Form>
      {failure && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 16 }}
          title={failure}
          data-testid="campaign-edit-failure"
          action={
            stale ? (
              <Button size="small" onClick={() => void reload()} data-testid="campaign-edit-reload">
                {t('bookings.edit.reload')}
              </Button>
            ) : undefined
          }
        />
      )}
    </Drawer>
  );
}
