import { useState } from 'react';
import { EyeOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, Form, Input, Modal, Select, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ButtonProps } from 'antd';
import type { CreateLead, Lead } from '@youshe/shared';
import { api, errorText, problemText, type Page } from '../../app/api';
import { formatDateTimeShort } from '../../app/format';
import { applyServerErrors } from '../../app/forms';
import { useOrgScope } from '../../app/org-scope';
import { hasPermission, useSignedIn } from '../../app/session';
import { stationsApi } from '../stations/stations.api';

/**
 * Residents who asked to hear more (a subscription, a product), kept only with their consent. Their numbers are
 * masked; whoever may follow them up reveals one at a time, and each reveal is written to the audit log.
 */
export function LeadsTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useSignedIn();
  const { orgId } = useOrgScope();
  const canWrite = hasPermission(me, 'outcome.write');
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const [shown, setShown] = useState<Record<string, string>>({});
  const list = useQuery({
    queryKey: ['outcomes', 'leads', orgId, page],
    queryFn: () => api.get<Page<Lead>>('/api/leads', { orgId, page, pageSize: 20 }),
  });
  const reveal = useMutation({
    mutationFn: (id: string) => api.post<{ phone: string }>(`/api/leads/${id}/reveal`),
    onSuccess: (r, id) => setShown((s) => ({ ...s, [id]: r.phone })),
    onError: (e) => void message.error(problemText(e)),
  });

  return (
    <>
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, flexWrap: 'wrap', marginBottom: 12 }}>
        <Typography.Paragraph type="secondary" style={{ margin: 0, flex: 1, minWidth: 240 }}>
          {t('stations.outcomes.leadsIntro')}
        </Typography.Paragraph>
        {canWrite && (
          <Button icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="lead-create">
            {t('stations.outcomes.leadCreate')}
          </Button>
        )}
      </div>
      {list.isError && <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 12 }} />}
      <Table<Lead>
        rowKey="id"
        size="small"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 900 }}
        data-testid="leads-table"
        locale={{ emptyText: t('stations.outcomes.noLeads') }}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage }}
        columns={[
          { key: 'createdAt', title: t('common.createdAt'), render: (_v, l) => formatDateTimeShort(l.createdAt) },
          { key: 'name', title: t('stations.outcomes.leadName'), dataIndex: 'name' },
          {
            key: 'phone',
            title: t('stations.outcomes.leadPhone'),
            render: (_v, l) =>
              shown[l.id] ? (
                <span data-testid="lead-phone-full">{shown[l.id]}</span>
              ) : (
                <span style={{ whiteSpace: 'nowrap' }}>
                  <span data-testid="lead-phone">{l.phoneMasked}</span>{' '}
                  {canWrite && (
                    <Button
                      size="small"
                      type="link"
                      icon={<EyeOutlined />}
                      loading={reveal.isPending && reveal.variables === l.id}
                      onClick={() => reveal.mutate(l.id)}
                      aria-label={`${t('stations.outcomes.reveal')} ${l.name}`}
                      data-testid="lead-reveal"
                    >
                      {t('stations.outcomes.reveal')}
                    </Button>
                  )}
                </span>
              ),
          },
          { key: 'interest', title: t('stations.outcomes.interest'), dataIndex: 'interest' },
          { key: 'where', title: t('stations.outcomes.where'), render: (_v, l) => l.placeName ?? l.activityTitle ?? '' },
          { key: 'org', title: t('stations.outcomes.org'), dataIndex: 'orgName' },
          { key: 'consentAt', title: t('stations.outcomes.consentAt'), render: (_v, l) => formatDateTimeShort(l.consentAt) },
        ]}
      />
      {creating && <CreateLeadModal onClose={() => setCreating(false)} />}
    </>
  );
}

function CreateLeadModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const { orgId } = useOrgScope();
  const [form] = Form.useForm<CreateLead>();
  const [failure, setFailure] = useState<string | null>(null);
  const stations = useQuery({ queryKey: ['stations', 'list', orgId, true], queryFn: () => stationsApi.list(orgId) });
  const save = useMutation({
    mutationFn: (v: CreateLead) => api.post<Lead>('/api/leads', v),
    onSuccess: () => {
      void message.success(t('stations.outcomes.leadCreated'));
      void client.invalidateQueries({ queryKey: ['outcomes', 'leads'] });
      onClose();
    },
    onError: (e) => {
      const rest = applyServerErrors(form, e, ['placeId', 'name', 'phone', 'interest', 'consent']);
      setFailure(rest.length ? problemText(e) : null);
    },
  });
  return (
    <Modal
      open
      title={t('stations.outcomes.leadCreate')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'lead-save' } as ButtonProps}
    >
      <Form<CreateLead> form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item name="placeId" label={t('stations.outcomes.place')} rules={[{ required: true, message: t('validation.required') }]}>
          <Select data-testid="lead-place" options={(stations.data?.items ?? []).map((s) => ({ value: s.placeId, label: s.name }))} />
        </Form.Item>
        <Form.Item name="name" label={t('stations.outcomes.leadName')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={40} data-testid="lead-name" />
        </Form.Item>
        <Form.Item name="phone" label={t('stations.outcomes.leadPhone')} rules={[{ required: true }]}>
          <Input inputMode="tel" maxLength={11} data-testid="lead-phone-input" />
        </Form.Item>
        <Form.Item name="interest" label={t('stations.outcomes.interest')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={100} placeholder={t('stations.outcomes.interestPlaceholder')} data-testid="lead-interest" />
        </Form.Item>
        <Form.Item
          name="consent"
          valuePropName="checked"
          rules={[{ validator: (_r, v) => (v ? Promise.resolve() : Promise.reject(new Error(t('stations.outcomes.consentRequired')))) }]}
        >
          <Checkbox data-testid="lead-consent">{t('stations.outcomes.leadConsent')}</Checkbox>
        </Form.Item>
      </Form>
      {failure && <Alert type="error" showIcon title={failure} />}
    </Modal>
  );
}
