import { useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, InputNumber, Modal, Segmented, Select, Table, Tabs, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { OUTCOME_KINDS, OUTCOME_PERIODS, type CreateOutcome, type Outcome, type OutcomeSummary } from '@youshe/shared';
import { PageHeader } from '../../app/PageHeader';
import { api, errorText, type Page } from '../../app/api';
import { formatDate, formatNumber } from '../../app/format';
import { applyServerErrors } from '../../app/forms';
import { useOrgScope } from '../../app/org-scope';
import { hasPermission, useSignedIn } from '../../app/session';
import { usePageTitle } from '../../app/use-page-title';
import { stationsApi } from '../stations/stations.api';
import { LeadsTab } from './LeadsTab';

type Period = (typeof OUTCOME_PERIODS)[number];
const TABS = ['summary', 'list', 'leads'] as const;
type Tab = (typeof TABS)[number];
/** The tab a link asks for (`?tab=list`, `?tab=leads`); the summary when it names none or an unknown one. */
const tabOf = (params: URLSearchParams): Tab => TABS.find((k) => k === params.get('tab')) ?? 'summary';
const yuan = (fen: number) => formatNumber(fen / 100);

/**
 * 党建+业务: what was sold and won, where. The summary is a table per period and kind; ECharts is named
 * in the design but is not a dependency yet, so no chart is drawn here.
 */
export default function OutcomesPage() {
  const { t } = useTranslation();
  usePageTitle(t('nav.outcomes'));
  const me = useSignedIn();
  const scope = useOrgScope();
  // A dashboard figure links here with its unit and period (inclusive days), which narrow both tabs.
  const [params, setParams] = useSearchParams();
  const orgId = params.get('orgId') ?? scope.orgId ?? undefined;
  const from = params.get('from') ?? undefined;
  const to = params.get('to') ?? undefined;
  const tab = tabOf(params);
  const showTab = (key: string) =>
    setParams(
      (prev) => {
        const out = new URLSearchParams(prev);
        if (key === 'summary') out.delete('tab');
        else out.set('tab', key);
        return out;
      },
      { replace: true },
    );
  const [period, setPeriod] = useState<Period>('month');
  const [creating, setCreating] = useState(false);
  const summary = useQuery({
    queryKey: ['outcomes', 'summary', orgId, period, from, to],
    queryFn: () => api.get<OutcomeSummary>('/api/outcomes/summary', { orgId, period, from, to }),
  });
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['outcomes', 'list', orgId, page, from, to],
    queryFn: () => api.get<Page<Outcome>>('/api/outcomes', { orgId, page, pageSize: 20, from, to }),
  });
  const kindLabel = (k: string) => t(`stations.outcomes.kind.${k}`);

  return (
    <>
      <PageHeader title={t('nav.outcomes')}>
        {hasPermission(me, 'outcome.write') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="outcome-create">
            {t('stations.outcomes.create')}
          </Button>
        )}
      </PageHeader>
      {(from || to) && (
        <div style={{ marginBottom: 12 }}>
          <Tag data-testid="outcomes-period">{t('reports.periodFilter', { from: from ?? '…', to: to ?? '…' })}</Tag>
          <Button
            type="link"
            size="small"
            onClick={() => {
              // The period and unit go; the tab stays.
              setParams(tab === 'summary' ? {} : { tab });
              setPage(1);
            }}
            data-testid="outcomes-period-clear"
          >
            {t('reports.clearPeriod')}
          </Button>
        </div>
      )}
      <Tabs
        activeKey={tab}
        onChange={showTab}
        items={[
          {
            key: 'summary',
            label: t('stations.outcomes.summary'),
            children: (
              <>
                <Segmented
                  value={period}
                  onChange={(v) => setPeriod(v as Period)}
                  options={OUTCOME_PERIODS.map((p) => ({ value: p, label: t(`stations.outcomes.period.${p}`) }))}
                  style={{ marginBottom: 12 }}
                />
                {summary.isError && <Alert type="error" showIcon message={errorText(summary.error)} />}
                <Table
                  rowKey={(r) => `${r.bucket}-${r.kind}`}
                  loading={summary.isPending}
                  dataSource={summary.data?.rows ?? []}
                  pagination={false}
                  size="small"
                  scroll={{ x: 600 }}
                  data-testid="outcome-summary"
                  columns={[
                    { title: t('stations.outcomes.bucket'), dataIndex: 'bucket' },
                    { title: t('stations.outcomes.kindLabel'), dataIndex: 'kind', render: kindLabel },
                    { title: t('stations.outcomes.records'), dataIndex: 'records', align: 'right' },
                    { title: t('stations.outcomes.quantity'), dataIndex: 'quantity', align: 'right', render: formatNumber },
                    { title: t('stations.outcomes.amount'), dataIndex: 'amountFen', align: 'right', render: yuan },
                  ]}
                  summary={() =>
                    (summary.data?.totals ?? []).map((r) => (
                      <Table.Summary.Row key={r.kind}>
                        <Table.Summary.Cell index={0}>{t('stations.outcomes.total')}</Table.Summary.Cell>
                        <Table.Summary.Cell index={1}>{kindLabel(r.kind)}</Table.Summary.Cell>
                        <Table.Summary.Cell index={2} align="right">
                          {r.records}
                        </Table.Summary.Cell>
                        <Table.Summary.Cell index={3} align="right">
                          {formatNumber(r.quantity)}
                        </Table.Summary.Cell>
                        <Table.Summary.Cell index={4} align="right">
                          {yuan(r.amountFen)}
                        </Table.Summary.Cell>
                      </Table.Summary.Row>
                    ))
                  }
                />
              </>
            ),
          },
          {
            key: 'list',
            label: <span data-testid="outcomes-list-tab">{t('stations.outcomes.list')}</span>,
            children: (
              <Table<Outcome>
                rowKey="id"
                loading={list.isPending}
                dataSource={list.data?.items ?? []}
                scroll={{ x: 900 }}
                pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage }}
                columns={[
                  { title: t('stations.outcomes.occurredOn'), dataIndex: 'occurredOn', render: formatDate },
                  { title: t('stations.outcomes.kindLabel'), dataIndex: 'kind', render: kindLabel },
                  { title: t('stations.outcomes.product'), dataIndex: 'product' },
                  { title: t('stations.outcomes.quantity'), render: (_v, o) => `${formatNumber(o.quantity)} ${o.unit}` },
                  { title: t('stations.outcomes.amount'), dataIndex: 'amountFen', align: 'right', render: yuan },
                  { title: t('stations.outcomes.place'), render: (_v, o) => o.placeName ?? '' },
                  { title: t('stations.outcomes.activity'), render: (_v, o) => o.activityTitle ?? '' },
                ]}
              />
            ),
          },
          { key: 'leads', label: <span data-testid="leads-tab">{t('stations.outcomes.leads')}</span>, children: <LeadsTab /> },
        ]}
      />
      {creating && <CreateOutcomeModal onClose={() => setCreating(false)} />}
    </>
  );
}

function CreateOutcomeModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const { orgId } = useOrgScope();
  const [form] = Form.useForm<CreateOutcome & { amountYuan?: number }>();
  const stations = useQuery({ queryKey: ['stations', 'list', orgId, true], queryFn: () => stationsApi.list(orgId) });
  const save = useMutation({
    mutationFn: ({ amountYuan, ...v }: CreateOutcome & { amountYuan?: number }) =>
      api.post<Outcome>('/api/outcomes', { ...v, amountFen: Math.round((amountYuan ?? 0) * 100) }),
    onSuccess: () => {
      void message.success(t('stations.outcomes.created'));
      void client.invalidateQueries({ queryKey: ['outcomes'] });
      onClose();
    },
    onError: (e) => {
      applyServerErrors(form, e, ['placeId', 'kind', 'product', 'quantity', 'unit', 'occurredOn', 'note']);
      void message.error(errorText(e));
    },
  });
  return (
    <Modal open title={t('stations.outcomes.create')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending}>
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => save.mutate(v)}
        initialValues={{ kind: 'produce_sale', occurredOn: new Date().toISOString().slice(0, 10) }}
      >
        <Form.Item name="placeId" label={t('stations.outcomes.place')} rules={[{ required: true, message: t('validation.required') }]}>
          <Select options={(stations.data?.items ?? []).map((s) => ({ value: s.placeId, label: s.name }))} />
        </Form.Item>
        <Form.Item name="kind" label={t('stations.outcomes.kindLabel')}>
          <Select options={OUTCOME_KINDS.map((k) => ({ value: k, label: t(`stations.outcomes.kind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="product" label={t('stations.outcomes.product')}>
          <Input placeholder="西吉土豆" />
        </Form.Item>
        <Form.Item name="quantity" label={t('stations.outcomes.quantity')}>
          <InputNumber min={0} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="unit" label={t('stations.outcomes.unit')}>
          <Input placeholder="斤" />
        </Form.Item>
        <Form.Item name="amountYuan" label={t('stations.outcomes.amount')}>
          <InputNumber min={0} precision={2} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="occurredOn"
          label={t('stations.outcomes.occurredOn')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Input type="date" />
        </Form.Item>
        <Form.Item name="note" label={t('stations.outcomes.note')}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}
