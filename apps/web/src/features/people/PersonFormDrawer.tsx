import { useEffect, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, DatePicker, Drawer, Form, Grid, Input, Radio, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { createPersonSchema, PERSON_KINDS, type Person, type PersonKind } from '@youshe/shared';
import { errorText } from '../../app/api';
import { applyServerErrors, blankToNull, zodRule } from '../../app/forms';
import { useOrgScope } from '../../app/org-scope';
import { OrgTreeSelect } from '../orgs/OrgTreeSelect';
import { peopleApi, type CreatePerson } from './people.api';

interface Values {
  orgId: string;
  name: string;
  /** '' while the form shows “not given”; sent as null. */
  gender?: 'male' | 'female' | '' | null;
  kinds: PersonKind[];
  partyJoinDate?: Dayjs | null;
  partyBranchId?: string | null;
  phone?: string;
  idNumber?: string;
  address?: string;
}
const FIELDS = ['orgId', 'name', 'gender', 'kinds', 'partyJoinDate', 'partyBranchId', 'phone', 'idNumber', 'address'] as const;
const SECRET_FIELDS = ['phone', 'idNumber', 'address'] as const;
const shape = createPersonSchema.shape;

function toBody(values: Values, editing: boolean): CreatePerson {
  const { partyJoinDate, ...rest } = values;
  const body: Record<string, unknown> = blankToNull({ ...rest, partyJoinDate: partyJoinDate ? partyJoinDate.format('YYYY-MM-DD') : null });
  // Personal fields are never shown in full in the form; left empty while editing they stay as they are.
  if (editing) for (const f of SECRET_FIELDS) if (body[f] === null || body[f] === undefined) delete body[f];
  if (!values.kinds.includes('party_member')) {
    body.partyJoinDate = null;
    body.partyBranchId = null;
  }
  return body as CreatePerson;
}

/** Adds a person (target 'new') or edits one. */
export function PersonFormDrawer({ target, onClose }: { target: Person | 'new' | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const { orgId: scopeOrgId } = useOrgScope();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<string | null>(null);
  const editing = target !== null && target !== 'new' ? target : null;
  const kinds = Form.useWatch('kinds', form) ?? [];

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    setFailure(null);
    if (target === 'new') form.setFieldsValue({ orgId: scopeOrgId ?? undefined, gender: '', kinds: ['resident'] });
    else {
      const { orgId, name, gender, kinds: k, partyJoinDate, partyBranchId } = target;
      form.setFieldsValue({
        orgId,
        name,
        gender: gender ?? '',
        kinds: k,
        partyJoinDate: partyJoinDate ? dayjs(partyJoinDate) : null,
        partyBranchId,
      });
    }
  }, [target, form, scopeOrgId]);

  const save = useMutation({
    mutationFn: (values: Values) =>
      editing ? peopleApi.update(editing.id, toBody(values, true)) : peopleApi.create(toBody(values, false)),
    onSuccess: () => {
      void message.success(t('common.saved'));
      void client.invalidateQueries({ queryKey: ['people'] });
      void client.invalidateQueries({ queryKey: ['orgs', 'detail'] });
      onClose();
    },
    onError: (e) => {
      applyServerErrors(form, e, FIELDS);
      setFailure(errorText(e));
    },
  });

  const keepHint = (masked: string | null | undefined) => (editing && masked ? t('people.keepHint', { masked }) : undefined);

  return (
    <Drawer
      open={target !== null}
      onClose={onClose}
      title={editing ? t('people.editTitle', { name: editing.name }) : t('people.createTitle')}
      size={screens.sm === false ? '100%' : 560}
      forceRender
      footer={
        <Space style={{ justifyContent: 'flex-end', width: '100%' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="person-save">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {failure && <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 16 }} data-testid="person-form-error" />}
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} data-testid="person-form">
        <Form.Item name="orgId" label={t('people.org')} rules={[{ required: true, message: t('validation.required') }]}>
          <OrgTreeSelect valueLabel={editing?.orgName} />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('people.name')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }, zodRule(shape.name)]}
        >
          <Input maxLength={50} autoComplete="off" />
        </Form.Item>
        <Form.Item name="gender" label={t('people.gender')}>
          <Radio.Group
            options={[
              { value: 'male', label: t('gender.male') },
              { value: 'female', label: t('gender.female') },
              { value: '', label: t('gender.unknown') },
            ]}
          />
        </Form.Item>
        {/* A validator rather than `required`: antd would put aria-required on the checkbox group, which ARIA does not allow there. */}
        <Form.Item
          name="kinds"
          label={t('people.kinds')}
          rules={[
            {
              validator: async (_r, value: PersonKind[] | undefined) => {
                if (!value?.length) throw new Error(t('people.kindsRequired'));
              },
            },
          ]}
        >
          <Checkbox.Group options={PERSON_KINDS.map((k) => ({ value: k, label: t(`personKind.${k}`) }))} />
        </Form.Item>
        {kinds.includes('party_member') && (
          <>
            <Form.Item name="partyJoinDate" label={t('people.partyJoinDate')}>
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs())} />
            </Form.Item>
            <Form.Item name="partyBranchId" label={t('people.partyBranch')}>
              <OrgTreeSelect allowClear valueLabel={editing?.partyBranchName} />
            </Form.Item>
          </>
        )}
        <Form.Item
          name="phone"
          label={t('people.phone')}
          validateTrigger="onBlur"
          rules={[zodRule(shape.phone)]}
          extra={keepHint(editing?.phoneMasked)}
        >
          <Input inputMode="numeric" maxLength={11} autoComplete="off" data-testid="person-phone" />
        </Form.Item>
        <Form.Item
          name="idNumber"
          label={t('people.idNumber')}
          validateTrigger="onBlur"
          rules={[zodRule(shape.idNumber)]}
          extra={keepHint(editing?.idNumberMasked)}
        >
          <Input maxLength={18} autoComplete="off" />
        </Form.Item>
        <Form.Item name="address" label={t('people.address')} rules={[zodRule(shape.address)]} extra={keepHint(editing?.addressMasked)}>
          <Input maxLength={200} autoComplete="off" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
