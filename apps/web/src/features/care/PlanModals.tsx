import { useEffect, useState, type ReactNode } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Modal, Select, type FormInstance } from 'antd';
import { CARE_FREQUENCIES, EXTRA_ITEMS, HELP_KINDS, type CarePlanInput, type CareRecipient } from '@youshe/shared';
import { useTranslation } from 'react-i18next';
import { ApiError, problemText } from '../../app/api';
import { applyServerErrors } from '../../app/forms';
import { careApi, careKeys } from './care.api';
import { VolunteerSelect } from './EnrolModal';

/** Saves through `save`, puts field problems beside their fields and anything else above the form. */
export function useSave<T>(
  form: ReturnType<typeof Form.useForm<T>>[0],
  fields: string[],
  save: (v: T) => Promise<unknown>,
  onDone: () => void,
) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: save,
    onMutate: () => setFailure(null),
    onSuccess: () => {
      void message.success(t('common.saved'));
      void qc.invalidateQueries({ queryKey: careKeys.all });
      onDone();
    },
    onError: (e) => {
      const rest = applyServerErrors(form, e, fields);
      setFailure(rest.length || !(e instanceof ApiError && e.details.length) ? [problemText(e), ...rest].join('；') : null);
    },
  });
  return { mutation, failure, clear: () => setFailure(null) };
}

/**
 * A care edit in a dialog: the form, a problem that belongs to no field above it, saved by the dialog's
 * button through `useSave`. Rendered even while closed, so that the form exists for `setFieldsValue`.
 */
export function SaveModal<T>({
  open,
  title,
  onClose,
  form,
  save,
  testId,
  intro,
  children,
}: {
  open: boolean;
  title: string;
  onClose: () => void;
  form: FormInstance<T>;
  save: Pick<ReturnType<typeof useSave<T>>, 'mutation' | 'failure'>;
  testId: string;
  intro?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open={open}
      title={title}
      okText={t('common.save')}
      onOk={() => form.submit()}
      confirmLoading={save.mutation.isPending}
      onCancel={onClose}
      destroyOnHidden
      forceRender
    >
      {save.failure && <Alert type="error" showIcon title={save.failure} style={{ marginBottom: 16 }} />}
      {intro}
      <Form form={form} layout="vertical" onFinish={(v: T) => save.mutation.mutate(v)} data-testid={testId}>
        {children}
      </Form>
    </Modal>
  );
}

/** The care plan after enrolment: how often, the help wanted, and the (up to three) items the family chose. */
export function PlanModal({ recipient, open, onClose }: { recipient: CareRecipient; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CarePlanInput>();
  const { mutation, failure, clear } = useSave(
    form,
    ['frequency', 'helpWanted', 'extraItems'],
    (v) => careApi.setPlan(recipient.id, v),
    onClose,
  );
  useEffect(() => {
    if (!open) return;
    clear();
    form.setFieldsValue({
      frequency: recipient.frequency,
      helpWanted: recipient.helpWanted as CarePlanInput['helpWanted'],
      extraItems: recipient.extraItems as CarePlanInput['extraItems'],
    });
    // Filled again each time it opens, from the recipient as it is now (form and clear are stable).
  }, [open, recipient]);
  return (
    <SaveModal
      open={open}
      title={t('care.console.planTitle', { name: recipient.name })}
      onClose={onClose}
      form={form}
      save={{ mutation, failure }}
      testId="care-plan-form"
    >
      <Form.Item name="frequency" label={t('care.columns.frequencyCol')} rules={[{ required: true, message: t('care.enrol.required') }]}>
        <Select options={CARE_FREQUENCIES.map((f) => ({ value: f, label: t(`care.frequency.${f}`) }))} />
      </Form.Item>
      <Form.Item name="helpWanted" label={t('care.enrol.helpWanted')}>
        <Select mode="multiple" options={HELP_KINDS.map((h) => ({ value: h, label: t(`care.helpKinds.${h}`) }))} />
      </Form.Item>
      <Form.Item name="extraItems" label={t('care.enrol.extraItems')} extra={t('care.console.planNote')}>
        <Select mode="multiple" maxCount={3} options={EXTRA_ITEMS.map((i) => ({ value: i, label: t(`care.items.${i}`) }))} />
      </Form.Item>
    </SaveModal>
  );
}

interface PairingForm {
  mainVolunteerId?: string | null;
  backupVolunteerId?: string | null;
}

/** The main and the backup carrier; the change shows on both carriers' rounds at their next refresh. */
export function PairingModal({ recipient, open, onClose }: { recipient: CareRecipient; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<PairingForm>();
  const { mutation, failure, clear } = useSave(
    form,
    ['mainVolunteerId', 'backupVolunteerId'],
    (v) => careApi.setPairing(recipient.id, { mainVolunteerId: v.mainVolunteerId ?? null, backupVolunteerId: v.backupVolunteerId ?? null }),
    onClose,
  );
  useEffect(() => {
    if (!open) return;
    clear();
    form.setFieldsValue({ mainVolunteerId: recipient.mainVolunteer?.id, backupVolunteerId: recipient.backupVolunteer?.id });
  }, [open, recipient]);
  return (
    <SaveModal
      open={open}
      title={t('care.console.pairingTitle', { name: recipient.name })}
      onClose={onClose}
      form={form}
      save={{ mutation, failure }}
      testId="care-pairing-form"
    >
      <Form.Item name="mainVolunteerId" label={t('care.enrol.main')}>
        <VolunteerSelect current={recipient.mainVolunteer} />
      </Form.Item>
      <Form.Item name="backupVolunteerId" label={t('care.enrol.backup')}>
        <VolunteerSelect current={recipient.backupVolunteer} />
      </Form.Item>
    </SaveModal>
  );
}
