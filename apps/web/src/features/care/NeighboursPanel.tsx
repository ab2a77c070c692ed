import { useEffect, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Space, Table, Typography } from 'antd';
import { MAX_NEIGHBOURS, phoneSchema, type CareRecipient } from '@youshe/shared';
import { useTranslation } from 'react-i18next';
import { problemText } from '../../app/api';
import { zodRule } from '../../app/forms';
import { careApi, careKeys } from './care.api';
import { SaveModal, useSave } from './PlanModals';

type Contact = CareRecipient['contacts'][number];
interface NeighbourForm {
  name?: string;
  relation: string;
  phone?: string;
}

/**
 * The trusted neighbours texted in an emergency (under consent for alerts), masked as every list is; those who
 * manage care in the grid add, change and remove them here.
 */
export function NeighboursPanel({ recipient, may }: { recipient: CareRecipient; may: boolean }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const [editing, setEditing] = useState<Contact | 'new' | null>(null);
  const neighbours = recipient.contacts.filter((c) => c.kind === 'neighbour');
  const remove = useMutation({
    mutationFn: (c: Contact) => careApi.removeNeighbour(recipient.id, c.id),
    onSuccess: () => void message.success(t('common.saved')),
    onError: (e) => void message.error(problemText(e)),
    onSettled: () => void qc.invalidateQueries({ queryKey: careKeys.all }),
  });
  const full = neighbours.length >= MAX_NEIGHBOURS;
  return (
    <section style={{ marginTop: 24 }} data-testid="care-neighbours">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('care.neighbours.title', { max: MAX_NEIGHBOURS })}
        </Typography.Title>
        {may && (
          <Button icon={<PlusOutlined />} onClick={() => setEditing('new')} disabled={full} data-testid="care-neighbour-add">
            {full ? t('care.neighbours.full', { max: MAX_NEIGHBOURS }) : t('care.neighbours.add')}
          </Button>
        )}
      </Space>
      <Typography.Paragraph type="secondary">{t('care.neighbours.intro')}</Typography.Paragraph>
      <Table<Contact>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={neighbours}
        locale={{ emptyText: t('care.neighbours.none') }}
        columns={[
          { key: 'name', title: t('care.enrol.contactName'), dataIndex: 'name' },
          { key: 'relation', title: t('care.enrol.relation'), dataIndex: 'relation' },
          { key: 'phone', title: t('care.columns.phone'), dataIndex: 'addressMasked' },
          ...(may
            ? [
                {
                  key: 'actions',
                  title: t('common.actions'),
                  render: (_v: unknown, c: Contact) => (
                    <Space>
                      <Button size="small" onClick={() => setEditing(c)}>
                        {t('common.edit')}
                      </Button>
                      <Button
                        size="small"
                        danger
                        onClick={() =>
                          modal.confirm({
                            title: t('care.neighbours.removeConfirm', { name: c.name }),
                            onOk: () => remove.mutateAsync(c),
                          })
                        }
                      >
                        {t('common.delete')}
                      </Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {may && <NeighbourModal recipient={recipient} editing={editing} onClose={() => setEditing(null)} />}
    </section>
  );
}

/**
 * Adds a neighbour, or changes one. A neighbour's name and phone are only ever shown masked, so when changing,
 * those fields start empty and are kept as they were unless something is typed in.
 */
function NeighbourModal({
  recipient,
  editing,
  onClose,
}: {
  recipient: CareRecipient;
  editing: Contact | 'new' | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<NeighbourForm>();
  const current = editing && editing !== 'new' ? editing : null;
  // What was typed goes with the dialog: a neighbour's name and phone are not left in the page once it closes.
  const close = () => {
    form.resetFields();
    onClose();
  };
  const { mutation, failure, clear } = useSave(
    form,
    ['name', 'relation', 'phone'],
    (v) => {
      const body = { name: v.name?.trim() || undefined, relation: v.relation, phone: v.phone?.trim() || undefined };
      return current
        ? careApi.updateNeighbour(recipient.id, current.id, body)
        : careApi.addNeighbour(recipient.id, { ...body, name: body.name ?? '', phone: body.phone ?? '' });
    },
    close,
  );
  useEffect(() => {
    if (!editing) return;
    clear();
    form.resetFields();
    form.setFieldsValue({ relation: current?.relation ?? '' });
  }, [editing]);
  const required = { required: !current, whitespace: true, message: t('care.enrol.required') };
  const keep = (masked: string) => (current ? t('care.neighbours.keep', { current: masked }) : undefined);
  return (
    <SaveModal
      open={editing !== null}
      title={current ? t('care.neighbours.editTitle', { name: current.name }) : t('care.neighbours.addTitle', { name: recipient.name })}
      onClose={close}
      form={form}
      save={{ mutation, failure }}
      testId="care-neighbour-form"
    >
      <Form.Item name="name" label={t('care.enrol.contactName')} rules={[required]} extra={keep(current?.name ?? '')}>
        <Input maxLength={40} autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="relation"
        label={t('care.enrol.relation')}
        rules={[{ required: true, whitespace: true, message: t('care.enrol.required') }]}
      >
        <Input maxLength={20} placeholder={t('care.neighbours.relationExample')} />
      </Form.Item>
      <Form.Item
        name="phone"
        label={t('care.neighbours.phone')}
        rules={[required, zodRule(phoneSchema)]}
        extra={keep(current?.addressMasked ?? '')}
      >
        <Input maxLength={11} inputMode="tel" autoComplete="off" />
      </Form.Item>
    </SaveModal>
  );
}
