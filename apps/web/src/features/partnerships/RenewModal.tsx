import { useEffect, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, DatePicker, Form, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Partnership } from '@youshe/shared';
import { ApiError, problemText } from '../../app/api';
import { applyServerErrors } from '../../app/forms';
import { partnershipKeys, partnershipsApi } from './partnerships.api';

interface Values {
  signedOn?: Dayjs | null;
  period: [Dayjs, Dayjs];
}
const DATE = 'YYYY-MM-DD';

/** A new period for the same pairing: same members and goals, progress counted afresh. */
export function RenewModal({
  partnership,
  open,
  onClose,
  onRenewed,
}: {
  partnership: Partnership;
  open: boolean;
  onClose: () => void;
  onRenewed: (p: Partnership) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setFailure(null);
    // The next period: from the day after this one ends, for as long as this one ran.
    const start = dayjs(partnership.endsOn).add(1, 'day');
    const length = dayjs(partnership.endsOn).diff(dayjs(partnership.startsOn), 'day');
    form.setFieldsValue({ period: [start, start.add(length, 'day')] });
  }, [open, form, partnership]);

  const renew = useMutation({
    mutationFn: (v: Values) =>
      partnershipsApi.renew(partnership.id, {
        signedOn: v.signedOn ? v.signedOn.format(DATE) : null,
        startsOn: v.period[0].format(DATE),
        endsOn: v.period[1].format(DATE),
      }),
    onSuccess: (p) => {
      void message.success(t('partnerships.renewed'));
      void client.invalidateQueries({ queryKey: partnershipKeys.all });
      onRenewed(p);
    },
    onError: (e) => {
      const mapped =
        e instanceof ApiError
          ? new ApiError(
              e.status,
              e.code,
              e.message,
              e.details.map((d) => (d.path === 'startsOn' || d.path === 'endsOn' ? { ...d, path: 'period' } : d)),
            )
          : e;
      const rest = applyServerErrors(form, mapped, ['signedOn', 'period']);
      setFailure(rest.length || !(e instanceof ApiError && e.details.length) ? problemText(e) : null);
    },
  });

  return (
    <Modal
      open={open}
      title={t('partnerships.renewTitle', { title: partnership.title })}
      okText={t('partnerships.renew')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={renew.isPending}
      destroyOnHidden
      forceRender
    >
      <Typography.Paragraph type="secondary">{t('partnerships.renewHint')}</Typography.Paragraph>
      {failure && <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => renew.mutate(v)} data-testid="renew-form">
        <Form.Item name="period" label={t('partnerships.period')} rules={[{ required: true, message: t('validation.required') }]}>
          <DatePicker.RangePicker style={{ width: '100%' }} placeholder={[t('partnerships.startsOn'), t('partnerships.endsOn')]} />
        </Form.Item>
        <Form.Item name="signedOn" label={t('partnerships.signedOn')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
