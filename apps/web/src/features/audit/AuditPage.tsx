import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, AutoComplete, Button, DatePicker, Input, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '@youshe/shared';
import { errorText } from '../../app/api';
import { formatDateTime } from '../../app/format';
import { useOrgScope } from '../../app/org-scope';
import { usePageTitle } from '../../app/use-page-title';
import { usePaging } from '../../app/use-paging';
import { auditApi, auditKeys, KNOWN_ACTIONS, KNOWN_ENTITIES, type AuditFilters } from './audit.api';

interface Draft {
  actor: string;
  action: string;
  entity: string;
  range: [Dayjs | null, Dayjs | null] | null;
}
const EMPTY: Draft = { actor: '', action: '', entity: '', range: null };

export default function AuditPage() {
  const { t } = useTranslation();
  usePageTitle(t('nav.audit'));
  const { orgId } = useOrgScope();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [applied, setApplied] = useState<Draft>(EMPTY);
  const { paging, firstPage, pagination } = usePaging(50);

  const filters: AuditFilters = {
    actor: applied.actor.trim() || undefined,
    action: applied.action.trim() || undefined,
    entity: applied.entity.trim() || undefined,
    orgId,
    from: applied.range?.[0]?.startOf('day').toISOString(),
    to: applied.range?.[1]?.endOf('day').toISOString(),
    ...paging,
  };
  const list = useQuery({ queryKey: auditKeys.list(filters), queryFn: () => auditApi.list(filters), placeholderData: keepPreviousData });
  const apply = (next: Draft) => {
    setApplied(next);
    firstPage();
  };
  const actionLabel = (action: string) => t(`auditAction.${action}`, { defaultValue: action });

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22, margin: '0 0 16px' }}>
        {t('nav.audit')}
      </Typography.Title>
      <form
        role="search"
        aria-label={t('common.filters')}
        className="filter-bar"
        onSubmit={(e) => {
          e.preventDefault();
          apply(draft);
        }}
      >
        <Input
          placeholder={t('audit.actor')}
          aria-label={t('audit.actor')}
          value={draft.actor}
          onChange={(e) => setDraft({ ...draft, actor: e.target.value })}
          allowClear
          maxLength={64}
          style={{ width: 160 }}
          data-testid="audit-actor"
        />
        <AutoComplete
          placeholder={t('audit.action')}
          aria-label={t('audit.action')}
          value={draft.action}
          onChange={(v: string) => setDraft({ ...draft, action: v ?? '' })}
          options={KNOWN_ACTIONS.map((a) => ({ value: a, label: `${actionLabel(a)} (${a})` }))}
          showSearch={{
            filterOption: (input, option) =>
              String(option?.label ?? '')
                .toLowerCase()
                .includes(input.toLowerCase()),
          }}
          allowClear
          style={{ width: 220 }}
          data-testid="audit-action"
        />
        <AutoComplete
          placeholder={t('audit.entity')}
          aria-label={t('audit.entity')}
          value={draft.entity}
          onChange={(v: string) => setDraft({ ...draft, entity: v ?? '' })}
          options={KNOWN_ENTITIES.map((e) => ({ value: e, label: `${t(`auditEntity.${e}`)} (${e})` }))}
          allowClear
          style={{ width: 160 }}
          data-testid="audit-entity"
        />
        <DatePicker.RangePicker
          value={draft.range}
          onChange={(range) => setDraft({ ...draft, range })}
          aria-label={t('audit.range')}
          placeholder={[t('audit.from'), t('audit.to')]}
          allowEmpty={[true, true]}
          data-testid="audit-range"
        />
        <Button type="primary" htmlType="submit" data-testid="audit-apply">
          {t('common.search')}
        </Button>
        <Button
          onClick={() => {
            setDraft(EMPTY);
            apply(EMPTY);
          }}
        >
          {t('common.reset')}
        </Button>
      </form>
      {list.isError && <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 16 }} />}
      <Table<AuditEntry>
        data-testid="audit-table"
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 1250 }}
        expandable={{
          columnTitle: <span className="sr-only">{t('audit.details')}</span>,
          rowExpandable: (e) => Boolean(e.details && Object.keys(e.details).length),
          expandedRowRender: (e) => <pre className="audit-details">{JSON.stringify(e.details, null, 2)}</pre>,
        }}
        pagination={pagination(list.data?.total, [20, 50, 100, 200])}
        columns={[
          { key: 'at', title: t('audit.at'), width: 190, render: (_v, e) => <time dateTime={e.at}>{formatDateTime(e.at)}</time> },
          { key: 'actor', title: t('audit.actor'), width: 140, render: (_v, e) => e.actorLogin ?? <Tag>{t('audit.anonymous')}</Tag> },
          {
            key: 'action',
            title: t('audit.action'),
            width: 260,
            render: (_v, e) => (
              <span>
                {actionLabel(e.action)} <code className="audit-code">{e.action}</code>
              </span>
            ),
          },
          {
            key: 'entity',
            title: t('audit.entity'),
            width: 110,
            render: (_v, e) => t(`auditEntity.${e.entity}`, { defaultValue: e.entity }),
          },
          {
            key: 'entityId',
            title: t('audit.entityId'),
            width: 160,
            ellipsis: true,
            render: (_v, e) => (
              <code className="audit-code" title={e.entityId ?? undefined}>
                {e.entityId ?? '—'}
              </code>
            ),
          },
          { key: 'org', title: t('audit.org'), width: 200, render: (_v, e) => e.orgName ?? '—' },
          { key: 'ip', title: t('audit.ip'), width: 140, render: (_v, e) => e.ip ?? '—' },
        ]}
      />
    </>
  );
}
