import { useEffect, useState, type ReactNode } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Modal, type ButtonProps, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError, problemText } from '../../app/api';
import { applyServerErrors } from '../../app/forms';
import { ALL_LIST_KEYS } from './lists.api';

interface Props<V> {
  open: boolean;
  title: string;
  /** Field names, to put the server's messages beside them. */
  fields: readonly string[];
  initial?: Partial<V>;
  submit: (values: V) => Promise<unknown>;
  onClose: () => void;
  okText?: string;
  testId: string;
  /** The queries a save makes stale; the three lists unless told otherwise. */
  invalidate?: readonly (readonly unknown[])[];
  children: (form: FormInstance<V>) => ReactNode;
}

/** A small form in a modal (the three lists, zones and appointments): the server's field messages beside the fields, the rest above. */
export function FormModal<V extends object>({
  open,
  title,
  fields,
  initial,
  submit,
  onClose,
  okText,
  testId,
  invalidate = ALL_LIST_KEYS,
  children,
}: Props<V>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<V>();
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setFailure(null);
    if (initial) form.setFieldsValue(initial as Parameters<typeof form.setFieldsValue>[0]);
  }, [open, form]);

  const save = useMutation({
    mutationFn: submit,
    onMutate: () => setFailure(null),
    onSuccess: () => {
      void message.success(t('common.saved'));
      for (const key of invalidate) void client.invalidateQueries({ queryKey: key });
      onClose();
    },
    onError: (e) => {
      const rest = applyServerErrors(form, e, fields);
      setFailure(rest.length || !(e instanceof ApiError && e.details.length) ? problemText(e) : null);
    },
  });

  return (
    <Modal
      open={open}
      title={title}
      okText={okText ?? t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': `${testId}-save` } as ButtonProps}
      destroyOnHidden
      forceRender
    >
      {failure && <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 16 }} data-testid={`${testId}-error`} />}
      {/* Named, so that its fields' ids do not clash with another form's on the same page (labels find their field by id). */}
      <Form form={form} name={testId} layout="vertical" onFinish={(v) => save.mutate(v)} data-testid={testId}>
        {children(form)}
      </Form>
    </Modal>
  );
}
