import { useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ButtonProps } from 'antd';
import { FUNCTION_GROUPS, type StationFunction } from '@youshe/shared';
import { errorText, isApiError, problemText } from '../../app/api';
import { applyServerErrors } from '../../app/forms';
import { hasRole, useSignedIn } from '../../app/session';
import { stationKeys, stationsApi, type CreateFunction } from './stations.api';

type Editing = { mode: 'add' } | { mode: 'edit'; fn: StationFunction };

/**
 * The "315" catalogue the stations choose their functions from. Everyone may read it; platform admins add
 * functions, rename them, and retire those no longer run (a retired one leaves the stations' public pages and
 * can be restored). How many stations run each is shown, so nobody retires one unawares.
 */
export function FunctionCatalogue() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const me = useSignedIn();
  const admin = hasRole(me, ['platform_admin']);
  const client = useQueryClient();
  const list = useQuery({ queryKey: stationKeys.functions, queryFn: stationsApi.functions });
  const [editing, setEditing] = useState<Editing | null>(null);
  const groupLabel = (g: string) => t(`stations.group.${g}`);
  const retire = useMutation({
    mutationFn: (f: StationFunction) => stationsApi.updateFunction(f.id, { archived: !f.archived }),
    onSuccess: (f) => {
      void client.invalidateQueries({ queryKey: stationKeys.all });
      void client.invalidateQueries({ queryKey: stationKeys.functions });
      void message.success(t(f.archived ? 'stations.catalogue.retiredDone' : 'stations.catalogue.restoredDone', { name: f.name }));
    },
    onError: (e) => void message.error(problemText(e)),
  });
  const askRetire = (f: StationFunction) =>
    f.archived || f.stationCount === 0
      ? retire.mutate(f)
      : void modal.confirm({
          title: t('stations.catalogue.retireConfirm', { name: f.name }),
          content: t('stations.catalogue.retireConfirmSub', { count: f.stationCount }),
          okText: t('stations.catalogue.retire'),
          okButtonProps: { danger: true, 'data-testid': 'function-retire-confirm' } as ButtonProps,
          cancelText: t('common.cancel'),
          onOk: () => retire.mutateAsync(f),
        });

  return (
    <>
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, flexWrap: 'wrap', marginBottom: 12 }}>
        <Typography.Paragraph type="secondary" style={{ margin: 0, flex: 1, minWidth: 240 }}>
          {t('stations.catalogue.intro')}
        </Typography.Paragraph>
        {admin && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ mode: 'add' })} data-testid="function-add">
            {t('stations.catalogue.add')}
          </Button>
        )}
      </div>
      {list.isError && <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 16 }} />}
      <Table<StationFunction>
        rowKey="id"
        size="small"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        pagination={false}
        scroll={{ x: 820 }}
        data-testid="function-table"
        onRow={(f) => ({ 'data-function-id': f.id }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { key: 'group', title: t('stations.catalogue.group'), render: (_v, f) => groupLabel(f.groupKey), width: 110 },
          {
            key: 'name',
            title: t('stations.catalogue.name'),
            render: (_v, f) => (
              <Space size={4} wrap>
                <span data-testid="function-name">{f.name}</span>
                {f.archived && <Tag>{t('stations.catalogue.retired')}</Tag>}
              </Space>
            ),
          },
          { key: 'description', title: t('stations.catalogue.description'), dataIndex: 'description' },
          { key: 'id', title: t('stations.catalogue.id'), dataIndex: 'id', render: (v: string) => <code>{v}</code> },
          { key: 'count', title: t('stations.catalogue.stations'), dataIndex: 'stationCount', align: 'right', width: 90 },
          ...(admin
            ? [
                {
                  key: 'actions',
                  title: t('common.actions'),
                  render: (_v: unknown, f: StationFunction) => (
                    <Space wrap>
                      <Button size="small" onClick={() => setEditing({ mode: 'edit', fn: f })} data-testid="function-edit">
                        {t('stations.catalogue.edit')}
                      </Button>
                      <Button size="small" danger={!f.archived} onClick={() => askRetire(f)} data-testid="function-retire">
                        {t(f.archived ? 'stations.catalogue.restore' : 'stations.catalogue.retire')}
                      </Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && <FunctionModal editing={editing} groupLabel={groupLabel} onClose={() => setEditing(null)} />}
    </>
  );
}

function FunctionModal({ editing, groupLabel, onClose }: { editing: Editing; groupLabel: (g: string) => string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<CreateFunction>();
  const [failure, setFailure] = useState<string | null>(null);
  const fn = editing.mode === 'edit' ? editing.fn : null;
  const save = useMutation({
    mutationFn: (v: CreateFunction) =>
      fn
        ? stationsApi.updateFunction(fn.id, { groupKey: v.groupKey, name: v.name, description: v.description ?? '', sort: v.sort })
        : stationsApi.createFunction({ ...v, description: v.description ?? '' }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: stationKeys.functions });
      void client.invalidateQueries({ queryKey: stationKeys.all });
      void message.success(t('common.saved'));
      onClose();
    },
    onError: (e) => {
      const rest = applyServerErrors(form, e, ['id', 'groupKey', 'name', 'description', 'sort']);
      // Problems with a field are shown beside it; anything else above the buttons.
      setFailure(rest.length || !isApiError(e) || !e.details.length ? problemText(e) : null);
    },
  });
  return (
    <Modal
      open
      title={t(fn ? 'stations.catalogue.editTitle' : 'stations.catalogue.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'function-save' } as ButtonProps}
    >
      <Form<CreateFunction>
        form={form}
        layout="vertical"
        initialValues={fn ?? { groupKey: 'service', sort: 200 }}
        onFinish={(v) => {
          setFailure(null);
          save.mutate(v);
        }}
      >
        <Form.Item
          name="id"
          label={t('stations.catalogue.id')}
          extra={fn ? undefined : t('stations.catalogue.idHint')}
          rules={[{ required: true, pattern: /^[a-z][a-z0-9_]{1,39}$/, message: t('stations.catalogue.idHint') }]}
        >
          <Input disabled={Boolean(fn)} maxLength={40} data-testid="function-id" />
        </Form.Item>
        <Form.Item name="groupKey" label={t('stations.catalogue.group')} rules={[{ required: true }]}>
          <Select options={FUNCTION_GROUPS.map((g) => ({ value: g, label: groupLabel(g) }))} />
        </Form.Item>
        <Form.Item name="name" label={t('stations.catalogue.name')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={40} data-testid="function-name-input" />
        </Form.Item>
        <Form.Item name="description" label={t('stations.catalogue.description')}>
          <Input.TextArea rows={2} maxLength={200} />
        </Form.Item>
        <Form.Item name="sort" label={t('stations.catalogue.sort')} extra={t('stations.catalogue.sortHint')}>
          <InputNumber min={0} max={10000} precision={0} style={{ width: 140 }} />
        </Form.Item>
      </Form>
      {failure && <Alert type="error" showIcon title={failure} />}
    </Modal>
  );
}
