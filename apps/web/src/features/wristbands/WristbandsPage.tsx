import { useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, InputNumber, Modal, Select, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { WRISTBAND_STATUSES } from '@youshe/shared';
import { errorText, problemText } from '../../app/api';
import { formatDateTimeShort } from '../../app/format';
import { useOrgScope } from '../../app/org-scope';
import { usePageTitle } from '../../app/use-page-title';
import { OrgTreeSelect } from '../orgs/OrgTreeSelect';
import { wristbandKeys, wristbandsApi, type Batch, type Wristband, type WristbandStatus } from './wristbands.api';
import { PageHeader } from '../../app/PageHeader';

export const BAND_COLORS: Record<WristbandStatus, string> = { unbound: 'default', bound: 'success', lost: 'warning', retired: 'default' };
export const grouped = (code: string) => code.match(/.{1,4}/g)!.join('-');

/** Anti-lost wristbands (防走失黄手环): batches and their labels, who wears which band, and scans. */
export default function WristbandsPage() {
  const { t } = useTranslation();
  usePageTitle(t('outreach.wristbands.title'));
  const { message } = App.useApp();
  const [batchId, setBatchId] = useState<string | undefined>();
  const [status, setStatus] = useState<WristbandStatus | undefined>();
  const [code, setCode] = useState('');
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [creating, setCreating] = useState(false);
  const batches = useQuery({ queryKey: wristbandKeys.batches, queryFn: wristbandsApi.batches });
  const filters = { batchId, status, code: code || undefined, ...paging };
  const bands = useQuery({
    queryKey: wristbandKeys.bands(filters),
    queryFn: () => wristbandsApi.bands(filters),
    placeholderData: keepPreviousData,
  });
  const download = (id: string) => wristbandsApi.labels(id).catch((e: unknown) => void message.error(problemText(e)));

  return (
    <>
      <PageHeader title={t('outreach.wristbands.title')} />
      <div className="filter-bar">
        <span style={{ flex: 1 }} />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="batch-create">
          {t('outreach.wristbands.newBatch')}
        </Button>
      </div>
      {batches.isError && <Alert type="error" showIcon title={errorText(batches.error)} />}
      <Table<Batch>
        data-testid="batches-table"
        rowKey="id"
        size="small"
        dataSource={batches.data?.items ?? []}
        pagination={false}
        scroll={{ x: 640 }}
        locale={{ emptyText: <span className="empty-text">{t('outreach.wristbands.noBatches')}</span> }}
        columns={[
          { key: 'label', title: t('outreach.wristbands.batch'), dataIndex: 'label' },
          { key: 'org', title: t('outreach.wristbands.org'), dataIndex: 'orgName', width: 200 },
          { key: 'size', title: t('outreach.wristbands.bound'), width: 120, render: (_v, b) => `${b.bound} / ${b.size}` },
          { key: 'at', title: t('outreach.wristbands.createdAt'), width: 150, render: (_v, b) => formatDateTimeShort(b.createdAt) },
          {
            key: 'actions',
            title: t('common.actions'),
            width: 130,
            render: (_v, b) => (
              <Button size="small" onClick={() => void download(b.id)} data-testid={`batch-labels-${b.id}`}>
                {t('outreach.wristbands.labels')}
              </Button>
            ),
          },
        ]}
      />
      <div role="search" className="filter-bar" aria-label={t('common.filters')} style={{ marginTop: 24 }}>
        <Select<string>
          allowClear
          placeholder={t('outreach.wristbands.batch')}
          aria-label={t('outreach.wristbands.batch')}
          value={batchId}
          onChange={(v) => {
            setBatchId(v);
            setPaging((p) => ({ ...p, page: 1 }));
          }}
          options={(batches.data?.items ?? []).map((b) => ({ value: b.id, label: b.label }))}
          style={{ width: 200 }}
        />
        <Select<WristbandStatus>
          allowClear
          placeholder={t('outreach.wristbands.status')}
          aria-label={t('outreach.wristbands.status')}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPaging((p) => ({ ...p, page: 1 }));
          }}
          options={WRISTBAND_STATUSES.map((s) => ({ value: s, label: t(`outreach.wristbands.statuses.${s}`) }))}
          style={{ width: 140 }}
        />
        <Input.Search
          allowClear
          placeholder={t('outreach.wristbands.code')}
          aria-label={t('outreach.wristbands.code')}
          onSearch={setCode}
          style={{ width: 260 }}
        />
      </div>
      <Table<Wristband>
        data-testid="bands-table"
        rowKey="id"
        dataSource={bands.data?.items ?? []}
        scroll={{ x: 820 }}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: bands.data?.total ?? 0,
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
        columns={[
          {
            key: 'code',
            title: t('outreach.wristbands.code'),
            width: 240,
            render: (_v, w) => (
              <Link to={`/wristbands/${w.id}`} data-testid={`band-open-${w.id}`}>
                <code>{grouped(w.code)}</code>
              </Link>
            ),
          },
          {
            key: 'status',
            title: t('outreach.wristbands.status'),
            width: 100,
            render: (_v, w) => <Tag color={BAND_COLORS[w.status]}>{t(`outreach.wristbands.statuses.${w.status}`)}</Tag>,
          },
          { key: 'wearer', title: t('outreach.wristbands.wearer'), width: 140, render: (_v, w) => w.recipientName ?? '' },
          { key: 'scans', title: t('outreach.wristbands.scans'), width: 90, dataIndex: 'scans' },
          { key: 'last', title: t('outreach.wristbands.lastScan'), width: 150, render: (_v, w) => formatDateTimeShort(w.lastScanAt) },
        ]}
      />
      <BatchModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
}

function BatchModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { orgId } = useOrgScope();
  const client = useQueryClient();
  const [form] = Form.useForm<{ orgId: string; label: string; size: number }>();
  const [saving, setSaving] = useState(false);
  const submit = async (v: { orgId: string; label: string; size: number }) => {
    setSaving(true);
    try {
      await wristbandsApi.createBatch(v);
      void client.invalidateQueries({ queryKey: wristbandKeys.batches });
      void client.invalidateQueries({ queryKey: ['wristbands'] });
      form.resetFields();
      onClose();
    } catch (e) {
      void message.error(problemText(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={open}
      title={t('outreach.wristbands.newBatch')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={saving}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ orgId: orgId ?? undefined, size: 20 }}
        onFinish={submit}
        data-testid="batch-form"
      >
        <Form.Item name="orgId" label={t('outreach.wristbands.org')} rules={[{ required: true }]}>
          <OrgTreeSelect />
        </Form.Item>
        <Form.Item name="label" label={t('outreach.wristbands.batch')} rules={[{ required: true, whitespace: true, max: 60 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="size" label={t('outreach.wristbands.size')} rules={[{ required: true }]}>
          <InputNumber min={1} max={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
