import { useEffect, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrgDetail } from '@youshe/shared';
import { errorText } from '../../app/api';
import { applyServerErrors } from '../../app/forms';
import { OrgTreeSelect } from './OrgTreeSelect';
import { orgsApi } from './orgs.api';

export function MoveOrgModal({ org, onClose, onMoved }: { org: OrgDetail | null; onClose: () => void; onMoved: (org: OrgDetail) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<{ parentId: string | null }>();
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (org) {
      form.resetFields();
      setFailure(null);
    }
  }, [org, form]);

  const move = useMutation({
    mutationFn: (parentId: string) => orgsApi.move(org!.id, parentId),
    onSuccess: (moved) => {
      void message.success(t('orgs.moved'));
      void client.invalidateQueries({ queryKey: ['orgs'] });
      onMoved(moved);
    },
    onError: (e) => {
      applyServerErrors(form, e, ['parentId']);
      setFailure(errorText(e));
    },
  });

  return (
    <Modal
      open={org !== null}
      title={org ? t('orgs.moveTitle', { name: org.name }) : ''}
      okText={t('orgs.move')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={move.isPending}
      forceRender
    >
      {failure && <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => v.parentId && move.mutate(v.parentId)}>
        {org && (
          <p>
            {t('orgs.currentParent')}: {org.ancestors.at(-1)?.name ?? t('orgs.noParent')}
          </p>
        )}
        <Form.Item
          name="parentId"
          label={t('orgs.newParent')}
          rules={[{ required: true, message: t('validation.required') }]}
          extra={t('orgs.moveHint')}
        >
          <OrgTreeSelect disabledIds={org ? [org.id, ...(org.parentId ? [org.parentId] : [])] : []} data-testid="org-move-target" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
