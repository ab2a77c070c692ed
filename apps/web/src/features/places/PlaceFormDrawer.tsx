import { useEffect, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Drawer, Form, Grid, Input, InputNumber, Select, Space, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { createPlaceSchema, PLACE_KINDS, type Place, type PlaceKind } from '@youshe/shared';
import { errorText } from '../../app/api';
import { applyServerErrors, blankToNull, zodRule } from '../../app/forms';
import { useOrgScope } from '../../app/org-scope';
import { OrgTreeSelect } from '../orgs/OrgTreeSelect';
import { placesApi } from './places.api';

interface Values {
  orgId: string;
  kind: PlaceKind;
  name: string;
  address?: string | null;
  lat?: number | null;
  lng?: number | null;
  openingHours?: string | null;
  hasPartyMember: boolean;
}
const FIELDS = ['orgId', 'kind', 'name', 'address', 'lat', 'lng', 'openingHours', 'hasPartyMember'] as const;
const shape = createPlaceSchema.shape;

/** Creates a place (target 'new') or edits one. */
export function PlaceFormDrawer({ target, onClose }: { target: Place | 'new' | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const { orgId: scopeOrgId } = useOrgScope();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<string | null>(null);
  const editing = target !== null && target !== 'new' ? target : null;

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    setFailure(null);
    if (target === 'new') form.setFieldsValue({ orgId: scopeOrgId ?? undefined, kind: 'outlet', hasPartyMember: false });
    else {
      const { orgId, kind, name, address, lat, lng, openingHours, hasPartyMember } = target;
      form.setFieldsValue({ orgId, kind, name, address, lat, lng, openingHours, hasPartyMember });
    }
  }, [target, form, scopeOrgId]);

  const save = useMutation({
    mutationFn: (values: Values) => {
      const body = blankToNull(values);
      return editing ? placesApi.update(editing.id, body) : placesApi.create(body);
    },
    onSuccess: () => {
      void message.success(t('common.saved'));
      void client.invalidateQueries({ queryKey: ['places'] });
      void client.invalidateQueries({ queryKey: ['orgs', 'detail'] });
      onClose();
    },
    onError: (e) => {
      applyServerErrors(form, e, FIELDS);
      setFailure(errorText(e));
    },
  });

  return (
    <Drawer
      open={target !== null}
      onClose={onClose}
      title={editing ? t('places.editTitle', { name: editing.name }) : t('places.createTitle')}
      size={screens.sm === false ? '100%' : 520}
      forceRender
      footer={
        <Space style={{ justifyContent: 'flex-end', width: '100%' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="place-save">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {failure && <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} data-testid="place-form">
        <Form.Item name="orgId" label={t('places.org')} rules={[{ required: true, message: t('validation.required') }]}>
          <OrgTreeSelect valueLabel={editing?.orgName} />
        </Form.Item>
        <Form.Item name="kind" label={t('places.kind')} rules={[{ required: true, message: t('validation.required') }]}>
          <Select options={PLACE_KINDS.map((k) => ({ value: k, label: t(`placeKind.${k}`) }))} />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('places.name')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }, zodRule(shape.name)]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="address" label={t('places.address')} rules={[zodRule(shape.address)]}>
          <Input maxLength={200} />
        </Form.Item>
        <div style={{ display: 'flex', gap: 12 }}>
          <Form.Item name="lat" label={t('places.lat')} rules={[zodRule(shape.lat)]} style={{ flex: 1 }}>
            <InputNumber min={-90} max={90} step={0.000001} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="lng" label={t('places.lng')} rules={[zodRule(shape.lng)]} style={{ flex: 1 }}>
            <InputNumber min={-180} max={180} step={0.000001} style={{ width: '100%' }} />
          </Form.Item>
        </div>
        <Form.Item
          name="openingHours"
          label={t('places.openingHours')}
          rules={[zodRule(shape.openingHours)]}
          extra={t('places.openingHoursHint')}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="hasPartyMember" label={t('places.hasPartyMember')} valuePropName="checked" extra={t('places.hasPartyMemberHint')}>
          <Switch />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
