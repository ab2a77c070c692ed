import { useEffect, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { createOrgSchema, ORG_KINDS, type OrgDetail, type OrgKind } from '@youshe/shared';
import { errorText } from '../../app/api';
import { applyServerErrors, blankToNull, zodRule } from '../../app/forms';
import { orgsApi } from './orgs.api';

interface Values {
  kind: OrgKind;
  name: string;
  shortName?: string | null;
  code?: string | null;
}
const FIELDS = ['kind', 'name', 'shortName', 'code'] as const;

/** The kind a new child most likely has, given its parent's kind. */
const LIKELY_CHILD: Partial<Record<OrgKind, OrgKind>> = {
  group: 'province_committee',
  province_committee: 'city_committee',
  city_committee: 'county_committee',
  county_committee: 'branch',
  general_branch: 'branch',
  district: 'street',
  street: 'community',
  community: 'grid',
};

export type OrgFormTarget = { mode: 'create'; parent: OrgDetail | null } | { mode: 'edit'; org: OrgDetail };

export function OrgFormModal({
  target,
  onClose,
  onSaved,
}: {
  target: OrgFormTarget | null;
  onClose: () => void;
  onSaved: (org: OrgDetail) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (!target) return;
    setFailure(null);
    form.resetFields();
    if (target.mode === 'edit') {
      const { kind, name, shortName, code } = target.org;
      form.setFieldsValue({ kind, name, shortName, code });
    } else {
      form.setFieldsValue({ kind: (target.parent && LIKELY_CHILD[target.parent.kind]) ?? 'branch' });
    }
  }, [target, form]);

  const save = useMutation({
    mutationFn: (values: Values) => {
      const body = blankToNull(values);
      if (target?.mode === 'edit') return orgsApi.update(target.org.id, body);
      return orgsApi.create({ ...body, parentId: target?.parent?.id ?? null });
    },
    onSuccess: (org) => {
      void message.success(t('common.saved'));
      void client.invalidateQueries({ queryKey: ['orgs'] });
      onSaved(org);
    },
    onError: (e) => {
      applyServerErrors(form, e, FIELDS);
      setFailure(errorText(e));
    },
  });

  const title =
    target?.mode === 'edit'
      ? t('orgs.editTitle', { name: target.org.name })
      : target?.parent
        ? t('orgs.createChildTitle', { name: target.parent.name })
        : t('orgs.createTopTitle');

  return (
    <Modal
      open={target !== null}
      title={title}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      forceRender
    >
      {failure && <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} data-testid="org-form">
        <Form.Item name="kind" label={t('orgs.kind')} rules={[{ required: true, message: t('validation.required') }]}>
          <Select options={ORG_KINDS.map((k) => ({ value: k, label: t(`orgKind.${k}`) }))} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('orgs.name')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }, zodRule(createOrgSchema.shape.name)]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="shortName" label={t('orgs.shortName')} rules={[zodRule(createOrgSchema.shape.shortName)]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="code" label={t('orgs.code')} rules={[zodRule(createOrgSchema.shape.code)]}>
          <Input maxLength={40} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
