import { useEffect, useState } from 'react';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, AutoComplete, Button, DatePicker, Form, Input, Modal, type ButtonProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Partnership } from '@youshe/shared';
import { ApiError, problemText } from '../../app/api';
import { applyServerErrors } from '../../app/forms';
import { partnershipKeys, partnershipsApi } from './partnerships.api';

interface TaskValue {
  title: string;
  ownerName: string;
  dueOn: Dayjs;
}
interface Values {
  heldOn: Dayjs;
  location?: string;
  attendees?: string;
  minutes?: string;
  tasks?: TaskValue[];
}
const DATE = 'YYYY-MM-DD';

/** Records a joint meeting (联席会议): minutes, and the decisions as tasks with an owner and a due date. */
export function MeetingModal({ partnership, open, onClose }: { partnership: Partnership; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<string | null>(null);
  const units = [{ id: partnership.orgId, name: partnership.orgName }, ...partnership.members];

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setFailure(null);
    form.setFieldsValue({ heldOn: dayjs(), attendees: units.map((u) => u.name).join('、'), tasks: [] });
  }, [open, form]);

  const save = useMutation({
    mutationFn: (v: Values) =>
      partnershipsApi.addMeeting(partnership.id, {
        heldOn: v.heldOn.format(DATE),
        location: v.location?.trim() || null,
        attendees: v.attendees?.trim() ?? '',
        minutes: v.minutes?.trim() ?? '',
        tasks: (v.tasks ?? []).map((task) => {
          const unit = units.find((u) => u.name === task.ownerName.trim());
          return {
            title: task.title.trim(),
            ownerName: task.ownerName.trim(),
            ownerOrgId: unit?.id ?? null,
            dueOn: task.dueOn.format(DATE),
          };
        }),
      }),
    onSuccess: () => {
      void message.success(t('common.saved'));
      void client.invalidateQueries({ queryKey: partnershipKeys.meetings(partnership.id) });
      onClose();
    },
    onError: (e) => {
      const rest = applyServerErrors(form, e, ['heldOn', 'location', 'attendees', 'minutes', 'tasks']);
      setFailure(rest.length || !(e instanceof ApiError && e.details.length) ? problemText(e) : null);
    },
  });
  const required = { required: true, whitespace: true, message: t('validation.required') };

  return (
    <Modal
      open={open}
      title={t('meetings.add')}
      width={720}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'meeting-save' } as ButtonProps}
      destroyOnHidden
      forceRender
    >
      {failure && <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} data-testid="meeting-form">
        <div className="form-row">
          <Form.Item name="heldOn" label={t('meetings.heldOn')} rules={[{ required: true, message: t('validation.required') }]}>
            <DatePicker style={{ width: '100%' }} data-testid="meeting-held-on" />
          </Form.Item>
          <Form.Item name="location" label={t('meetings.location')}>
            <Input maxLength={100} data-testid="meeting-location" />
          </Form.Item>
        </div>
        <Form.Item name="attendees" label={t('meetings.attendees')}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} data-testid="meeting-attendees" />
        </Form.Item>
        <Form.Item name="minutes" label={t('meetings.minutes')}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} maxLength={20000} data-testid="meeting-minutes" />
        </Form.Item>
        <Form.List name="tasks">
          {(fields, { add, remove }) => (
            <fieldset className="plain-fieldset">
              <legend>{t('meetings.tasks')}</legend>
              {fields.map((f, i) => (
                <div key={f.key} className="form-row" data-testid={`meeting-task-${i}`}>
                  <Form.Item name={[f.name, 'title']} label={t('meetings.taskTitle')} rules={[required]} style={{ flex: 2 }}>
                    <Input maxLength={200} data-testid="task-title" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'ownerName']} label={t('meetings.owner')} rules={[required]}>
                    <AutoComplete options={units.map((u) => ({ value: u.name }))} maxLength={50} data-testid="task-owner" />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'dueOn']}
                    label={t('meetings.dueOn')}
                    rules={[{ required: true, message: t('validation.required') }]}
                  >
                    <DatePicker data-testid="task-due" />
                  </Form.Item>
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    onClick={() => remove(f.name)}
                    aria-label={t('meetings.removeTask', { n: i + 1 })}
                    style={{ marginTop: 30 }}
                  />
                </div>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ dueOn: dayjs().add(1, 'month') })} data-testid="meeting-task-add">
                {t('meetings.addTask')}
              </Button>
            </fieldset>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
