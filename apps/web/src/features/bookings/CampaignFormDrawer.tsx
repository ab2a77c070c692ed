import { useState } from 'react';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, DatePicker, Drawer, Form, Grid, Input, InputNumber, Select, Space, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { BOOKING_FIELD_KINDS } from '@youshe/shared';
import { ApiError, problemText } from '../../app/api';
import { applyServerErrors } from '../../app/forms';
import { useOrgScope } from '../../app/org-scope';
import { PlaceSelect } from '../activities/PlaceSelect';
import { OrgTreeSelect } from '../orgs/OrgTreeSelect';
import { campaignsApi, LUGGAGE_FIELDS, type CreateCampaign } from './bookings.api';

interface OutletRow {
  placeId: string;
  day: Dayjs;
  firstHour: number;
  minutes: number;
  count: number;
  capacity: number;
}
interface Values {
  orgId: string;
  title: string;
  description?: string;
  period: [Dayjs, Dayjs];
  fields: CreateCampaign['fields'];
  identityField: string;
  outlets: OutletRow[];
}

/** An outlet's day cut into equal slots: "from 09:00, 8 slots of 60 minutes, 20 people each". */
function slotsOf(o: OutletRow) {
  const start = o.day.hour(o.firstHour).minute(0).second(0).millisecond(0);
  return Array.from({ length: o.count }, (_, i) => ({
    startsAt: start.add(i * o.minutes, 'minute').toISOString(),
    endsAt: start.add((i + 1) * o.minutes, 'minute').toISOString(),
    capacity: o.capacity,
  }));
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
          outlets: [{ day: tomorrow, firstHour: 9, minutes: 60, count: 8, capacity: 20 }],
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
        <Form.List name="fields">
          {(rows, { add, remove }) => (
            <fieldset className="form-fieldset">
              <legend>{t('bookings.fields')}</legend>
              {rows.map((row) => (
                <Space key={row.key} wrap align="baseline">
                  <Form.Item name={[row.name, 'key']} rules={[{ required: true, pattern: /^[a-z][a-z0-9_]{0,30}$/ }]}>
                    <Input placeholder={t('bookings.fieldKey')} aria-label={t('bookings.fieldKey')} style={{ width: 110 }} />
                  </Form.Item>
                  <Form.Item name={[row.name, 'label']} rules={[{ required: true }]}>
                    <Input placeholder={t('bookings.fieldLabel')} aria-label={t('bookings.fieldLabel')} style={{ width: 140 }} />
                  </Form.Item>
                  <Form.Item name={[row.name, 'kind']} initialValue="text">
                    <Select
                      aria-label={t('bookings.fieldKind')}
                      style={{ width: 110 }}
                      options={BOOKING_FIELD_KINDS.map((k) => ({ value: k, label: t(`bookings.kind.${k}`) }))}
                    />
                  </Form.Item>
                  <Form.Item name={[row.name, 'pattern']}>
                    <Input placeholder={t('bookings.fieldPattern')} aria-label={t('bookings.fieldPattern')} style={{ width: 120 }} />
                  </Form.Item>
                  <Form.Item name={[row.name, 'hint']}>
                    <Input placeholder={t('bookings.fieldHint')} aria-label={t('bookings.fieldHint')} style={{ width: 160 }} />
                  </Form.Item>
                  <Form.Item name={[row.name, 'required']} valuePropName="checked" initialValue={true}>
                    <Switch checkedChildren={t('bookings.required')} unCheckedChildren={t('bookings.optional')} />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(row.name)} aria-label={t('common.delete')} />
                </Space>
              ))}
              <Button type="dashed" onClick={() => add({ kind: 'text', required: true })} icon={<PlusOutlined />}>
                {t('bookings.addField')}
              </Button>
            </fieldset>
          )}
        </Form.List>
        <Form.Item name="identityField" label={t('bookings.identityField')} extra={t('bookings.identityHint')} rules={[{ required: true }]}>
          <Select options={keys.map((k) => ({ value: k, label: k }))} />
        </Form.Item>
        <Form.List name="outlets">
          {(rows, { add, remove }) => (
            <fieldset className="form-fieldset">
              <legend>{t('bookings.outlets')}</legend>
              {rows.map((row) => (
                <Space key={row.key} wrap align="baseline">
                  <Form.Item name={[row.name, 'placeId']} rules={[{ required: true }]} style={{ minWidth: 200 }}>
                    <PlaceSelect />
                  </Form.Item>
                  <Form.Item name={[row.name, 'day']} rules={[{ required: true }]}>
                    <DatePicker aria-label={t('bookings.day')} />
                  </Form.Item>
                  <Form.Item name={[row.name, 'firstHour']} label={t('bookings.firstHour')}>
                    <InputNumber min={0} max={23} style={{ width: 70 }} />
                  </Form.Item>
                  <Form.Item name={[row.name, 'minutes']} label={t('bookings.minutes')}>
                    <InputNumber min={10} max={720} step={10} style={{ width: 80 }} />
                  </Form.Item>
                  <Form.Item name={[row.name, 'count']} label={t('bookings.count')}>
                    <InputNumber min={1} max={48} style={{ width: 70 }} />
                  </Form.Item>
                  <Form.Item name={[row.name, 'capacity']} label={t('bookings.capacity')}>
                    <InputNumber min={1} max={100000} style={{ width: 90 }} />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(row.name)} aria-label={t('common.delete')} />
                </Space>
              ))}
              <Button
                type="dashed"
                onClick={() => add({ day: tomorrow, firstHour: 9, minutes: 60, count: 8, capacity: 20 })}
                icon={<PlusOutlined />}
              >
                {t('bookings.addOutlet')}
              </Button>
            </fieldset>
          )}
        </Form.List>
        {failure && <Alert type="error" showIcon title={failure} style={{ marginTop: 16 }} />}
      </Form>
    </Drawer>
  );
}
