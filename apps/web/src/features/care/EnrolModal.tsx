import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, Divider, Form, Input, Modal, Select, Switch, type ButtonProps } from 'antd';
import {
  CARE_CIRCUMSTANCES,
  CARE_FREQUENCIES,
  CONSENT_PURPOSES,
  EXTRA_ITEMS,
  HELP_KINDS,
  type createRecipientSchema,
} from '@youshe/shared';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { api, ApiError, problemText } from '../../app/api';
import { applyServerErrors } from '../../app/forms';
import { OrgTreeSelect } from '../orgs/OrgTreeSelect';
import { careKeys } from './care.api';

type Input = z.input<typeof createRecipientSchema>;
const FIELDS = [
  'orgId',
  'name',
  'phone',
  'address',
  'healthNotes',
  'circumstances',
  'frequency',
  'helpWanted',
  'extraItems',
  'family',
  'consent',
  'mainVolunteerId',
  'backupVolunteerId',
];

/**
 * Picks a carrier by name: only names and units are shown, nothing personal. `current` is the carrier already
 * chosen (when editing a pairing), so the field shows their name before anyone searches.
 */
export function VolunteerSelect({
  value,
  onChange,
  id,
  current,
}: {
  value?: string | null;
  onChange?: (v: string | undefined) => void;
  id?: string;
  current?: { id: string; name: string } | null;
}) {
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: ['care', 'volunteers', q],
    queryFn: () => api.get<{ items: { id: string; name: string; orgName: string }[] }>('/api/care/volunteers', { q }),
  });
  return (
    <Select
      id={id}
      showSearch
      allowClear
      filterOption={false}
      value={value}
      onChange={onChange}
      onSearch={setQ}
      options={[
        ...(current && !found.data?.items.some((v) => v.id === current.id) ? [{ value: current.id, label: current.name }] : []),
        ...(found.data?.items ?? []).map((v) => ({ value: v.id, label: `${v.name}（${v.orgName}）` })),
      ]}
    />
  );
}

/** Enrolling someone: who they are, the plan, up to three family contacts, the carriers, and explicit consent. */
export function EnrolModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Input>();
  const [failure, setFailure] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (v: Input) => api.post('/api/care/recipients', v),
    onMutate: () => setFailure(null),
    onSuccess: () => {
      void message.success(t('common.saved'));
      void qc.invalidateQueries({ queryKey: careKeys.all });
      form.resetFields();
      onClose();
    },
    onError: (e) => {
      const rest = applyServerErrors(form, e, FIELDS);
      setFailure(rest.length || !(e instanceof ApiError && e.details.length) ? [problemText(e), ...rest].join('；') : null);
    },
  });
  const required = [{ required: true, message: t('care.enrol.required') }];
  return (
    <Modal
      open={open}
      title={t('care.enrol.title')}
      width={640}
      onOk={() => form.submit()}
      onCancel={onClose}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'care-enrol-save' } as ButtonProps}
      destroyOnHidden
      forceRender
    >
      {failure && <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          frequency: 'weekly',
          circumstances: ['living_alone'],
          family: [],
          consent: { byProxy: false, purposes: ['visits', 'family_reports', 'alerts'] },
        }}
        onFinish={(v) => save.mutate({ ...v, phone: v.phone || undefined, healthNotes: v.healthNotes || undefined })}
      >
        <Form.Item name="orgId" label={t('care.columns.grid')} rules={required}>
          <OrgTreeSelect />
        </Form.Item>
        <Form.Item name="name" label={t('care.columns.recipient')} rules={required}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="phone" label={t('care.columns.phone')}>
          <Input maxLength={11} inputMode="tel" />
        </Form.Item>
        <Form.Item name="address" label={t('care.columns.address')} rules={required}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="healthNotes" label={t('care.columns.healthNotes')}>
          <Input.TextArea maxLength={2000} rows={2} />
        </Form.Item>
        {/* Checkbox groups carry no "required" rule: antd would put aria-required on a plain div; the server names the field. */}
        <Form.Item name="circumstances" label={t('care.enrol.circumstances')}>
          <Checkbox.Group options={CARE_CIRCUMSTANCES.map((c) => ({ value: c, label: t(`care.circumstances.${c}`) }))} />
        </Form.Item>
        <Form.Item name="frequency" label={t('care.columns.frequencyCol')}>
          <Select options={CARE_FREQUENCIES.map((f) => ({ value: f, label: t(`care.frequency.${f}`) }))} />
        </Form.Item>
        <Form.Item name="helpWanted" label={t('care.enrol.helpWanted')}>
          <Checkbox.Group options={HELP_KINDS.map((h) => ({ value: h, label: t(`care.helpKinds.${h}`) }))} />
        </Form.Item>
        <Form.Item name="extraItems" label={t('care.enrol.extraItems')}>
          <Select mode="multiple" maxCount={3} options={EXTRA_ITEMS.map((i) => ({ value: i, label: t(`care.items.${i}`) }))} />
        </Form.Item>
        <Form.Item name="mainVolunteerId" label={t('care.enrol.main')}>
          <VolunteerSelect />
        </Form.Item>
        <Form.Item name="backupVolunteerId" label={t('care.enrol.backup')}>
          <VolunteerSelect />
        </Form.Item>
        <Divider>{t('care.enrol.family')}</Divider>
        <Form.List name="family">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <div key={f.key} className="filter-bar">
                  <Form.Item name={[f.name, 'name']} rules={required} aria-label={t('care.enrol.contactName')}>
                    <Input placeholder={t('care.enrol.contactName')} aria-label={t('care.enrol.contactName')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'relation']} rules={required}>
                    <Input placeholder={t('care.enrol.relation')} aria-label={t('care.enrol.relation')} style={{ width: 90 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'channel']} initialValue="webhook">
                    <Select
                      aria-label={t('care.enrol.channel')}
                      style={{ width: 110 }}
                      options={[
                        { value: 'webhook', label: t('care.enrol.sms') },
                        { value: 'email', label: 'Email' },
                      ]}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'to']} rules={required}>
                    <Input placeholder={t('care.enrol.to')} aria-label={t('care.enrol.to')} />
                  </Form.Item>
                  <Button type="link" danger onClick={() => remove(f.name)}>
                    {t('common.delete')}
                  </Button>
                </div>
              ))}
              {fields.length < 3 && (
                <Button type="dashed" onClick={() => add()}>
                  {t('care.enrol.addFamily')}
                </Button>
              )}
            </>
          )}
        </Form.List>
        <Divider>{t('care.enrol.consent')}</Divider>
        <Form.Item name={['consent', 'givenBy']} label={t('care.enrol.givenBy')} rules={required}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name={['consent', 'byProxy']} label={t('care.enrol.byProxy')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name={['consent', 'proxyRelation']} label={t('care.enrol.relation')}>
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name={['consent', 'purposes']} label={t('care.enrol.purposes')}>
          <Checkbox.Group options={CONSENT_PURPOSES.map((p) => ({ value: p, label: t(`care.purposes.${p}`) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
