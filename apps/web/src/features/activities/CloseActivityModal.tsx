import { useEffect, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, InputNumber, Modal, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Activity, ActivityKind } from '@youshe/shared';
import { ApiError, problemText } from '../../app/api';
import { applyServerErrors } from '../../app/forms';
import { activitiesApi, activityKeys } from './activities.api';
import { isMoneyField, outcomeFromForm, toInputValue } from './outcome';

interface Props {
  activity: Activity;
  kind: ActivityKind | undefined;
  open: boolean;
  onClose: () => void;
}

type Values = { outcome: Record<string, number | null | undefined>; attendanceByHand?: number | null };

/**
 * Closes an activity with the outcome figures its kind records. Required ones are asked for here;
 * if the server still finds one missing, its message stands beside that field.
 */
export function CloseActivityModal({ activity, kind, open, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<string | null>(null);
  const fields = kind?.outcomeFields ?? [];
  const checkins = activity.attendanceCount - activity.attendanceByHand;
  /** Whether people served still holds the figure offered from attendance, and so follows the headcount typed. */
  const [servedFollows, setServedFollows] = useState(false);
  const served = Form.useWatch(['outcome', 'people_served'], form);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setFailure(null);
    const initial: Record<string, number | undefined> = {};
    for (const f of fields) initial[f.key] = toInputValue(f.key, activity.outcome[f.key]);
    // Attendance is known: offered as the starting figure for the people served, which may be more.
    const follows = fields.some((f) => f.key === 'people_served') && initial.people_served === undefined;
    setServedFollows(follows);
    if (follows && activity.attendanceCount > 0) initial.people_served = activity.attendanceCount;
    form.setFieldsValue({ outcome: initial, attendanceByHand: activity.attendanceByHand });
    // Only when the dialog opens: later refreshes of the activity must not overwrite what is being typed.
  }, [open]);

  const close = useMutation({
    mutationFn: (v: Values) => activitiesApi.transition(activity.id, 'closed', outcomeFromForm(v.outcome ?? {}), v.attendanceByHand ?? 0),
    onSuccess: () => {
      void message.success(t('activities.closed'));
      void client.invalidateQueries({ queryKey: activityKeys.all });
      void client.invalidateQueries({ queryKey: ['partnerships'] });
      onClose();
    },
    onError: (e) => {
      const rest = applyServerErrors(form, e, ['attendanceByHand', ...fields.map((f) => `outcome.${f.key}`)]);
      setFailure(rest.length || !(e instanceof ApiError && e.details.length) ? problemText(e) : t('activities.outcomeMissing'));
    },
  });

  return (
    <Modal
      open={open}
      title={t('activities.closeTitle', { title: activity.title })}
      onCancel={onClose}
      destroyOnHidden
      forceRender
      footer={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={close.isPending} onClick={() => form.submit()} data-testid="close-confirm">
            {t('activities.closeConfirm')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        {t('activities.closeIntro', { count: checkins })}
      </Typography.Paragraph>
      {failure && <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => close.mutate(v)}
        onValuesChange={(changed: Partial<Values>) => {
          // Once someone types the people served themselves, the headcount no longer changes it.
          if (changed.outcome && 'people_served' in changed.outcome) setServedFollows(false);
          if ('attendanceByHand' in changed && servedFollows) {
            const total = checkins + (changed.attendanceByHand ?? 0);
            form.setFieldValue(['outcome', 'people_served'], total > 0 ? total : undefined);
          }
        }}
        data-testid="close-form"
      >
        <Form.Item name="attendanceByHand" label={t('activities.attendanceByHand')} extra={t('activities.attendanceByHandHint')}>
          <InputNumber
            min={0}
            max={1_000_000}
            precision={0}
            suffix={t('outcomeUnit.people_served')}
            style={{ width: 240 }}
            data-testid="attendance-by-hand"
          />
        </Form.Item>
        {fields.length === 0 && <Typography.Paragraph>{t('activities.noOutcomeFields')}</Typography.Paragraph>}
        {fields.map((f) => (
          <Form.Item
            key={f.key}
            name={['outcome', f.key]}
            label={t(`outcomeField.${f.key}`)}
            required={f.required}
            rules={f.required ? [{ required: true, message: t('activities.outcomeRequired') }] : []}
            extra={f.key === 'people_served' && servedFollows && served != null ? t('activities.peopleServedHint') : undefined}
          >
            <InputNumber
              min={0}
              max={isMoneyField(f.key) ? 1e10 : 1e12}
              precision={isMoneyField(f.key) ? 2 : 0}
              suffix={t(`outcomeUnit.${f.key}`)}
              style={{ width: 240 }}
              data-testid={`outcome-${f.key}`}
            />
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}
