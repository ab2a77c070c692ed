import { useEffect, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError, problemText } from '../../app/api';
import { applyServerErrors } from '../../app/forms';
import { GoalFields, goalFormValue, goalRequest, type GoalFormValue } from './GoalFields';
import { partnershipKeys, partnershipsApi, type Goal } from './partnerships.api';

/** Adds a goal to an agreement (target 'new') or changes one. */
export function GoalModal({ partnershipId, target, onClose }: { partnershipId: string; target: Goal | 'new' | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<GoalFormValue>();
  const [failure, setFailure] = useState<string | null>(null);
  const editing = target !== null && target !== 'new' ? target : null;

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    setFailure(null);
    form.setFieldsValue(target === 'new' ? { metric: 'activities', target: 1 } : goalFormValue(target));
  }, [target, form]);

  const save = useMutation({
    mutationFn: (v: GoalFormValue) =>
      editing
        ? partnershipsApi.updateGoal(partnershipId, editing.id, goalRequest(v))
        : partnershipsApi.addGoal(partnershipId, goalRequest(v)),
    onSuccess: (p) => {
      void message.success(t('common.saved'));
      client.setQueryData(partnershipKeys.detail(partnershipId), p);
      void client.invalidateQueries({ queryKey: partnershipKeys.all });
      onClose();
    },
    onError: (e) => {
      const rest = applyServerErrors(form, e, ['title', 'metric', 'kindId', 'target']);
      setFailure(rest.length || !(e instanceof ApiError && e.details.length) ? problemText(e) : null);
    },
  });

  return (
    <Modal
      open={target !== null}
      title={editing ? t('goals.editTitle') : t('goals.addTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      destroyOnHidden
      forceRender
    >
      {failure && <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} data-testid="goal-form">
        <GoalFields prefix={[]} watchPath={[]} />
      </Form>
    </Modal>
  );
}
