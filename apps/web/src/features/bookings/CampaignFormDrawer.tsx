import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, DatePicker, Drawer, Form, Grid, Input, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError, problemText } from '../../app/api';
import { applyServerErrors } from '../../app/forms';
import { useOrgScope } from '../../app/org-scope';
import { OrgTreeSelect } from '../orgs/OrgTreeSelect';
import { campaignsApi, LUGGAGE_FIELDS, type CreateCampaign } from './bookings.api';
import { FieldListFields } from './FieldListFields';
import { newOutletRow, OutletSlotsFields, slotsOf, type OutletRow } from './OutletSlotsFields';

interface Values {
  orgId: string;
  title: string;
  description?: string;
  period: [Dayjs, Dayjs];
  fields: CreateCampaign['fields'];
  identityField: string;
  outlets: OutletRow[];
}

export function CampaignFormDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { orgId } = useOrgScope();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<string | null>(null);
  const keys = (Form.useWatch('fields', form) ?? []).map((f) => f?.key).filter(Boolean);
  const save = useMutation({
    mutationFn: (v: Values) =>
      campaignsApi.create({
        orgId: v.orgId,
        title: v.title,
        description: v.description ?? '',
        opensAt: v.period[0].toISOString(),
        closesAt: v.period[1].toISOString(),
        fields: v.fields.map((f) => ({ ...f, pattern: f.pattern || undefined, hint: f.hint || undefined })),
        identityField: v.identityField,
        outlets: v.outlets.map((o) => ({ placeId: o.placeId, slots: slotsOf(o) })),
      }),
    onSuccess: (c) => {
      void client.invalidateQueries({ queryKey: ['booking-campaigns'] });
      onClose();
      void navigate(`/bookings/${c.id}`);
    },
    onError: (e) => {
      const rest = applyServerErrors(form, e, ['orgId', 'title', 'description', 'fields', 'identityField', 'outlets']);
      setFailure(e instanceof ApiError && e.details.length > 0 && rest.length === 0 ? null : problemText(e));
    },
  });
  const tomorrow = dayjs().add(1, 'day').startOf('day');
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('bookings.create')}
      size={screens.sm === false ? '100%' : 720}
      forceRender
      footer={
        <Space style={{ justifyContent: 'flex-end', width: '100%' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="campaign-save">
            {t('bookings.saveDraft')}
          </Button>
        </Space>
      }
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          orgId: orgId ?? undefined,
          fields: LUGGAGE_FIELDS,
          identityField: 'notice_no',
          period: [dayjs().startOf('hour'), tomorrow.add(30, 'day')],
          outlets: [newOutletRow()],
        }}
        onFinish={(v) => {
          setFailure(null);
          save.mutate(v);
        }}
      >
        <Form.Item name="orgId" label={t('bookings.org')} rules={[{ required: true }]}>
          <OrgTreeSelect />
        </Form.Item>
        <Form.Item name="title" label={t('bookings.titleField')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={100} data-testid="campaign-title" />
        </Form.Item>
        <Form.Item name="description" label={t('bookings.description')}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <Form.Item name="period" label={t('bookings.period')} rules={[{ required: true }]}>
          <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
        <FieldListFields />
        <Form.Item name="identityField" label={t('bookings.identityField')} extra={t('bookings.identityHint')} rules={[{ required: true }]}>
          <Select options={keys.map((k) => ({ value: k, label: k }))} />
        </Form.Item>
        <OutletSlotsFields />
        {failure && <Alert type="error" showIcon title={failure} style={{ marginTop: 16 }} />}
      </Form>
    </Drawer>
  );
}
