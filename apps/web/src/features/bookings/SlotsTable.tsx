import { useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Drawer, Form, Grid, InputNumber, Modal, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ButtonProps } from 'antd';
import type { Campaign, CampaignSlot, UpdateSlot } from '@youshe/shared';
import { isApiError, problemText } from '../../app/api';
import { formatTimeRange } from '../../app/format';
import { applyServerErrors } from '../../app/forms';
import { campaignKeys, campaignsApi } from './bookings.api';
import { newOutletRow, OutletSlotsFields, slotsOf, type OutletRow } from './OutletSlotsFields';

type Row = CampaignSlot & { placeName: string };

/**
 * A campaign's slots and how full each is; its officers change a slot's capacity (the server refuses less than is
 * booked), close it to new bookings or reopen it, and add slots.
 */
export function SlotsTable({ campaign: c, canWrite }: { campaign: Campaign; canWrite: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [resizing, setResizing] = useState<Row | null>(null);
  const [adding, setAdding] = useState(false);
  const slots: Row[] = c.outlets.flatMap((o) => o.slots.map((s) => ({ ...s, placeName: o.name })));
  const saved = (next: Campaign) => {
    client.setQueryData(campaignKeys.detail(next.id), next);
    void client.invalidateQueries({ queryKey: ['booking-campaigns'] });
  };
  const toggle = useMutation({
    mutationFn: (s: Row) => campaignsApi.updateSlot(c.id, s.id, { version: s.version, closed: !s.closed }),
    onSuccess: (next, s) => {
      saved(next);
      void message.success(t(s.closed ? 'bookings.slotEdit.reopened' : 'bookings.slotEdit.closedDone'));
    },
    onError: (e) => {
      if (isApiError(e) && e.code === 'conflict') void client.invalidateQueries({ queryKey: campaignKeys.detail(c.id) });
      void message.error(problemText(e));
    },
  });

  return (
    <>
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, flexWrap: 'wrap', marginBottom: 8 }}>
        <Typography.Title level={2} style={{ fontSize: 18, margin: 0, flex: 1 }}>
          {t('bookings.slots')}
        </Typography.Title>
        {canWrite && c.status !== 'closed' && (
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="slots-add">
            {t('bookings.slotEdit.add')}
          </Button>
        )}
      </div>
      <Table<Row>
        rowKey="id"
        size="small"
        dataSource={slots}
        pagination={{ pageSize: 20 }}
        scroll={{ x: 720 }}
        data-testid="campaign-slots"
        onRow={(s) => ({ 'data-slot-id': s.id, 'data-closed': String(s.closed) }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { key: 'place', title: t('bookings.outlet'), dataIndex: 'placeName' },
          { key: 'time', title: t('bookings.slot'), render: (_v, s) => formatTimeRange(s.startsAt, s.endsAt) },
          {
            key: 'booked',
            title: t('bookings.booked'),
            render: (_v, s) => (
              <Space size={4}>
                <span data-testid="slot-booked">{`${s.booked} / ${s.capacity}`}</span>
                {s.closed && <Tag color="default">{t('bookings.slotEdit.closedTag')}</Tag>}
              </Space>
            ),
          },
          { key: 'waiting', title: t('bookings.waiting'), dataIndex: 'waiting' },
          ...(canWrite
            ? [
                {
                  key: 'actions',
                  title: t('common.actions'),
                  render: (_v: unknown, s: Row) => (
                    <Space wrap>
                      <Button size="small" onClick={() => setResizing(s)} data-testid="slot-capacity">
                        {t('bookings.slotEdit.capacity')}
                      </Button>
                      <Button
                        size="small"
                        danger={!s.closed}
                        loading={toggle.isPending && toggle.variables?.id === s.id}
                        onClick={() => toggle.mutate(s)}
                        data-testid="slot-toggle"
                      >
                        {t(s.closed ? 'bookings.slotEdit.reopen' : 'bookings.slotEdit.close')}
                      </Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {resizing && <CapacityModal campaignId={c.id} slot={resizing} onSaved={saved} onClose={() => setResizing(null)} />}
      {adding && <AddSlotsDrawer campaignId={c.id} onSaved={saved} onClose={() => setAdding(false)} />}
    </>
  );
}

function CapacityModal(props: { campaignId: string; slot: Row; onSaved: (c: Campaign) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ capacity: number }>();
  const [failure, setFailure] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (body: UpdateSlot) => campaignsApi.updateSlot(props.campaignId, props.slot.id, body),
    onSuccess: (c) => {
      props.onSaved(c);
      props.onClose();
    },
    onError: (e) => {
      const rest = applyServerErrors(form, e, ['capacity']);
      setFailure(rest.length || !isApiError(e) || !e.details.length ? problemText(e) : null);
    },
  });
  return (
    <Modal
      open
      title={t('bookings.slotEdit.capacityTitle', {
        place: props.slot.placeName,
        time: formatTimeRange(props.slot.startsAt, props.slot.endsAt),
      })}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      okButtonProps={{ 'data-testid': 'slot-capacity-save' } as ButtonProps}
      confirmLoading={save.isPending}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ capacity: props.slot.capacity }}
        onFinish={(v) => save.mutate({ version: props.slot.version, capacity: v.capacity })}
      >
        <Form.Item
          name="capacity"
          label={t('bookings.capacity')}
          extra={t('bookings.slotEdit.bookedNow', { count: props.slot.booked })}
          rules={[{ required: true }]}
        >
          <InputNumber min={1} max={100000} precision={0} style={{ width: 160 }} data-testid="slot-capacity-input" />
        </Form.Item>
      </Form>
      {failure && <Alert type="error" showIcon title={failure} />}
    </Modal>
  );
}

function AddSlotsDrawer(props: { campaignId: string; onSaved: (c: Campaign) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<{ outlets: OutletRow[] }>();
  const [failure, setFailure] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (v: { outlets: OutletRow[] }) =>
      campaignsApi.addSlots(props.campaignId, { outlets: v.outlets.map((o) => ({ placeId: o.placeId, slots: slotsOf(o) })) }),
    onSuccess: (c) => {
      props.onSaved(c);
      props.onClose();
    },
    onError: (e) => {
      const rest = applyServerErrors(form, e, ['outlets']);
      setFailure(rest.length || !isApiError(e) || !e.details.length ? problemText(e) : null);
    },
  });
  return (
    <Drawer
      open
      onClose={props.onClose}
      title={t('bookings.slotEdit.add')}
      size={screens.sm === false ? '100%' : 720}
      footer={
        <Space style={{ justifyContent: 'flex-end', width: '100%' }}>
          <Button onClick={props.onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="slots-add-save">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" initialValues={{ outlets: [newOutletRow()] }} onFinish={(v) => save.mutate(v)}>
        <OutletSlotsFields />
      </Form>
      {failure && <Alert type="error" showIcon title={failure} style={{ marginTop: 16 }} />}
    </Drawer>
  );
}
