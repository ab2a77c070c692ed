import { useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Radio, Segmented, Select, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { NEED_KINDS, NEED_STATUSES, type Need } from '@youshe/shared';
import { errorText, problemText } from '../../app/api';
import { formatDateTimeShort } from '../../app/format';
import { useOrgScope } from '../../app/org-scope';
import { usePaging } from '../../app/use-paging';
import { OrgTreeSelect } from '../orgs/OrgTreeSelect';
import { FormModal } from './FormModal';
import { ALL_LIST_KEYS, listKeys, listsApi, type CreateNeed, type NeedFilters, type NeedKind, type NeedStatus } from './lists.api';
import { NewProjectModal } from './ProjectForms';

export const NEED_STATUS_COLORS: Record<NeedStatus, string> = {
  open: 'processing',
  matched: 'warning',
  done: 'success',
  closed: 'default',
};

/** 需求清单: what communities and residents asked for; anyone who plans activities may take one on. */
export function NeedsTab({ canWrite }: { canWrite: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const { orgId } = useOrgScope();
  const [kind, setKind] = useState<NeedKind | undefined>();
  const [status, setStatus] = useState<NeedStatus | undefined>('open');
  const { paging, firstPage, pagination } = usePaging();
  const [creating, setCreating] = useState(false);
  const [matching, setMatching] = useState<Need | null>(null);
  // 结对社区: only what the communities one's units are paired with asked for, optionally one of them.
  const [partnersOnly, setPartnersOnly] = useState(false);
  const [partnerId, setPartnerId] = useState<string | undefined>();
  const partners = useQuery({ queryKey: listKeys.partnerCommunities, queryFn: listsApi.partnerCommunities, enabled: partnersOnly });
  // Not narrowed to the switcher's unit: the needs that matter to a postal branch are its partner
  // communities', which sit outside its own tree; the server shows those of one's agreements.
  const filters: NeedFilters = { kind, status, ...paging, ...(partnersOnly ? { partners: 'true', orgId: partnerId } : {}) };
  const list = useQuery({ queryKey: listKeys.needs(filters), queryFn: () => listsApi.needs(filters), placeholderData: keepPreviousData });
  const claim = useMutation({
    mutationFn: (id: string) => listsApi.claimNeed(id),
    onSuccess: () => void message.success(t('lists.claimedAsProject')),
    onError: (e) => void message.error(problemText(e)),
    onSettled: () => {
      for (const key of ALL_LIST_KEYS) void client.invalidateQueries({ queryKey: key });
    },
  });

  return (
    <>
      <div role="search" className="filter-bar" aria-label={t('common.filters')}>
        <Segmented<'all' | 'partners'>
          value={partnersOnly ? 'partners' : 'all'}
          onChange={(v) => {
            setPartnersOnly(v === 'partners');
            setPartnerId(undefined);
            firstPage();
          }}
          options={[
            { value: 'all', label: <span data-testid="need-view-all">{t('lists.allNeeds')}</span> },
            { value: 'partners', label: <span data-testid="need-view-partners">{t('lists.partnerNeeds')}</span> },
          ]}
          aria-label={t('lists.needView')}
        />
        {partnersOnly && (
          <Select<string>
            allowClear
            placeholder={t('lists.allPartners')}
            aria-label={t('lists.partnerCommunity')}
            value={partnerId}
            loading={partners.isFetching}
            onChange={(v) => {
              setPartnerId(v);
              firstPage();
            }}
            options={(partners.data?.items ?? []).map((c) => ({
              value: c.id,
              label: t('lists.partnerOption', { name: c.name, count: c.openNeeds }),
              title: c.partnerships.map((p) => p.title).join('、'),
            }))}
            notFoundContent={<span className="empty-text">{t('lists.noPartners')}</span>}
            style={{ width: 240 }}
            data-testid="need-partner-filter"
          />
        )}
        <Select<NeedKind>
          allowClear
          placeholder={t('lists.kind')}
          aria-label={t('lists.kind')}
          value={kind}
          onChange={(v) => {
            setKind(v);
            firstPage();
          }}
          options={NEED_KINDS.map((k) => ({ value: k, label: t(`needKind.${k}`) }))}
          style={{ width: 130 }}
          data-testid="need-kind-filter"
        />
        <Select<NeedStatus>
          allowClear
          placeholder={t('lists.status')}
          aria-label={t('lists.status')}
          value={status}
          onChange={(v) => {
            setStatus(v);
            firstPage();
          }}
          options={NEED_STATUSES.map((s) => ({ value: s, label: t(`needStatus.${s}`) }))}
          style={{ width: 130 }}
          data-testid="need-status-filter"
        />
        <span style={{ flex: 1 }} />
        {canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="need-create">
            {t('lists.addNeed')}
          </Button>
        )}
      </div>
      {partnersOnly && partners.data && partners.data.items.length > 0 && (
        <p className="empty-text" data-testid="need-partner-hint">
          {t('lists.partnerHint', { names: partners.data.items.map((c) => c.name).join('、') })}
        </p>
      )}
      {list.isError && <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 16 }} />}
      <Table<Need>
        data-testid="needs-table"
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 960 }}
        locale={{ emptyText: <span className="empty-text">{t('lists.noNeeds')}</span> }}
        onRow={(n) => ({ 'data-testid': `need-row-${n.id}` }) as React.HTMLAttributes<HTMLElement>}
        pagination={pagination(list.data?.total)}
        columns={[
          {
            key: 'title',
            title: t('lists.title'),
            width: 280,
            render: (_v, n) => (
              <>
                <div>{n.title}</div>
                {n.description && <div className="empty-text">{n.description}</div>}
              </>
            ),
          },
          { key: 'kind', title: t('lists.kind'), width: 90, render: (_v, n) => <Tag>{t(`needKind.${n.kind}`)}</Tag> },
          { key: 'org', title: t('lists.community'), dataIndex: 'orgName', width: 160 },
          {
            key: 'source',
            title: t('lists.source'),
            width: 170,
            render: (_v, n) =>
              n.source === 'resident'
                ? `${t('lists.resident')} ${n.requesterName ?? ''} ${n.requesterPhoneMasked ?? ''}`
                : t('lists.communityPost'),
          },
          {
            key: 'status',
            title: t('lists.status'),
            width: 90,
            render: (_v, n) => <Tag color={NEED_STATUS_COLORS[n.status]}>{t(`needStatus.${n.status}`)}</Tag>,
          },
          { key: 'createdAt', title: t('lists.postedAt'), width: 130, render: (_v, n) => formatDateTimeShort(n.createdAt) },
          {
            key: 'actions',
            title: t('common.actions'),
            width: 150,
            fixed: 'right',
            render: (_v, n) =>
              canWrite && n.status === 'open' ? (
                <Space size={4}>
                  <Button
                    size="small"
                    type="primary"
                    ghost
                    loading={claim.isPending && claim.variables === n.id}
                    onClick={() => claim.mutate(n.id)}
                    data-testid={`need-claim-${n.id}`}
                  >
                    {t('lists.claim')}
                  </Button>
                  {/* 对接: the unit takes it on as a project, with a resource and a due date, for a member to claim. */}
                  <Button size="small" onClick={() => setMatching(n)} data-testid={`need-match-${n.id}`}>
                    {t('lists.match')}
                  </Button>
                </Space>
              ) : null,
          },
        ]}
      />
      <NewProjectModal open={matching !== null} need={matching ?? undefined} onClose={() => setMatching(null)} />
      <FormModal<CreateNeed>
        open={creating}
        title={t('lists.addNeed')}
        fields={['orgId', 'kind', 'title', 'description']}
        initial={{ orgId: orgId ?? undefined, kind: 'need' }}
        submit={(v) => listsApi.createNeed({ ...v, title: v.title.trim(), description: v.description?.trim() ?? '' })}
        onClose={() => setCreating(false)}
        testId="need-form"
      >
        {() => (
          <>
            <Form.Item name="orgId" label={t('lists.community')} rules={[{ required: true, message: t('validation.required') }]}>
              <OrgTreeSelect />
            </Form.Item>
            <Form.Item name="kind" label={t('lists.kind')}>
              <Radio.Group options={NEED_KINDS.map((k) => ({ value: k, label: t(`needKind.${k}`) }))} />
            </Form.Item>
            <Form.Item
              name="title"
              label={t('lists.title')}
              rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
            >
              <Input maxLength={100} data-testid="need-title" />
            </Form.Item>
            <Form.Item name="description" label={t('lists.description')}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={2000} data-testid="need-description" />
            </Form.Item>
          </>
        )}
      </FormModal>
    </>
  );
}
