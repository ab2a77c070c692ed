import { useEffect, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Modal, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { loginNameSchema, type Role } from '@youshe/shared';
import { errorText } from '../../app/api';
import { applyServerErrors, zodRule } from '../../app/forms';
import { useOrgScope } from '../../app/org-scope';
import { accountKeys, accountsApi, type AccountWithPassword } from './accounts.api';
import { GrantFields, toGrant } from './GrantFields';
import { PersonPicker } from '../people/PersonPicker';

interface Values {
  login: string;
  personId?: string | null;
  grant: { role: Role; orgId?: string | null };
}
const FIELDS = ['login', 'personId', 'grant.role', 'grant.orgId'] as const;
const GRANT_PREFIX = ['grant'];

/** Creates an account with its first role; the one-time password goes to `onCreated`. */
export function AccountFormModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (result: AccountWithPassword) => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const { orgId } = useOrgScope();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setFailure(null);
    form.setFieldsValue({ grant: { role: 'volunteer', orgId: orgId ?? undefined } });
  }, [open, form, orgId]);

  const save = useMutation({
    mutationFn: (v: Values) => accountsApi.create({ login: v.login.trim(), personId: v.personId ?? null, grant: toGrant(v.grant) }),
    onSuccess: (result) => {
      void client.invalidateQueries({ queryKey: accountKeys.all });
      onCreated(result);
    },
    onError: (e) => {
      applyServerErrors(form, e, FIELDS);
      setFailure(errorText(e));
    },
  });

  return (
    <Modal
      open={open}
      title={t('accounts.createTitle')}
      onCancel={onClose}
      forceRender
      footer={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="account-save">
            {t('accounts.createSubmit')}
          </Button>
        </Space>
      }
    >
      {failure && (
        <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 16 }} data-testid="account-form-error" />
      )}
      <Form
        form={form}
        name="account-create"
        layout="vertical"
        onFinish={(v) => save.mutate(v)}
        data-testid="account-form"
        autoComplete="off"
      >
        <Form.Item
          name="login"
          label={t('accounts.login')}
          extra={t('accounts.loginHint')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }, zodRule(loginNameSchema)]}
        >
          <Input maxLength={32} autoCapitalize="none" spellCheck={false} data-testid="account-login" />
        </Form.Item>
        <Form.Item name="personId" label={t('accounts.person')} extra={t('accounts.personHint')}>
          <PersonPicker placeholder={t('accounts.personPick')} data-testid="account-person" />
        </Form.Item>
        <GrantFields prefix={GRANT_PREFIX} idPrefix="account" />
      </Form>
    </Modal>
  );
}
