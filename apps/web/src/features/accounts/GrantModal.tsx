import { useEffect, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Modal, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Account, Role } from '@youshe/shared';
import { errorText } from '../../app/api';
import { applyServerErrors } from '../../app/forms';
import { useOrgScope } from '../../app/org-scope';
import { accountKeys, accountsApi } from './accounts.api';
import { GrantFields, toGrant } from './GrantFields';

interface Values {
  role: Role;
  orgId?: string | null;
}
const FIELDS = ['role', 'orgId'] as const;
const NO_PREFIX: string[] = [];

/** Grants one more role on a unit to an existing account. */
export function GrantModal({ account, onClose }: { account: Account | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const { orgId } = useOrgScope();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (!account) return;
    form.resetFields();
    setFailure(null);
    form.setFieldsValue({ orgId: orgId ?? undefined });
  }, [account, form, orgId]);

  const save = useMutation({
    mutationFn: (v: Values) => accountsApi.grant(account!.id, toGrant(v)),
    onSuccess: () => {
      void message.success(t('accounts.granted'));
      void client.invalidateQueries({ queryKey: accountKeys.all });
      onClose();
    },
    onError: (e) => {
      applyServerErrors(form, e, FIELDS);
      setFailure(errorText(e));
    },
  });

  return (
    <Modal
      open={account !== null}
      title={t('accounts.grantTitle', { login: account?.login })}
      onCancel={onClose}
      forceRender
      footer={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="grant-save">
            {t('accounts.grant')}
          </Button>
        </Space>
      }
    >
      {failure && <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 16 }} />}
      <Form form={form} name="account-grant" layout="vertical" onFinish={(v) => save.mutate(v)} data-testid="grant-form">
        <GrantFields prefix={NO_PREFIX} idPrefix="grant" />
      </Form>
    </Modal>
  );
}
