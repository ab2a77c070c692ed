import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OutboxMessage, OutboxStatus } from '@youshe/shared';
import { errorText, problemText } from '../../app/api';
import { formatDateTimeShort } from '../../app/format';
import { outboxApi, outboxKeys, type OutboxFilters } from './outbox.api';

const STATUS_COLORS: Record<OutboxStatus, string> = {
  pending: 'processing',
  sending: 'processing',
  sent: 'success',
  held: 'default',
  failed: 'error',
};

/** Messages and how their delivery went; shared by the outbox page and a wristband's detail (its family's messages). */
export function OutboxTable({
  filters,
  onPage,
  testId = 'outbox-table',
}: {
  filters: OutboxFilters;
  onPage?: (page: number, pageSize: number) => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const list = useQuery({
    queryKey: outboxKeys.list(filters),
    queryFn: () => outboxApi.list(filters),
    placeholderData: keepPreviousData,
    refetchInterval: 10_000,
  });
  const retry = useMutation({
    mutationFn: (id: string) => outboxApi.retry(id),
    onSuccess: () => void message.success(t('outreach.outbox.retried')),
    onError: (e) => void message.error(problemText(e)),
    onSettled: () => void client.invalidateQueries({ queryKey: ['outbox'] }),
  });
  return (
    <>
      {list.data?.demo && (
        <Alert type="info" showIcon title={t('outreach.outbox.demoNote')} style={{ marginBottom: 16 }} data-testid="outbox-demo-note" />
      )}
      {list.isError && <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 16 }} />}
      <Table<OutboxMessage>
        data-testid={testId}
        rowKey="id"
        loading={list.isFetching && !list.data}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 1000 }}
        locale={{ emptyText: <span className="empty-text">{t('outreach.outbox.empty')}</span> }}
        onRow={(m) => ({ 'data-testid': `outbox-row-${m.id}`, 'data-kind': m.kind }) as React.HTMLAttributes<HTMLElement>}
        pagination={
          onPage
            ? {
                current: filters.page,
                pageSize: filters.pageSize,
                total: list.data?.total ?? 0,
                showTotal: (n) => t('common.total', { count: n }),
                onChange: onPage,
              }
            : false
        }
        expandable={{ expandedRowRender: (m) => <p style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{m.body}</p> }}
        columns={[
          { key: 'createdAt', title: t('outreach.outbox.createdAt'), width: 140, render: (_v, m) => formatDateTimeShort(m.createdAt) },
          {
            key: 'kind',
            title: t('outreach.outbox.kind'),
            width: 130,
            render: (_v, m) => t(`outreach.outbox.kinds.${m.kind}`, { defaultValue: m.kind }),
          },
          {
            key: 'to',
            title: t('outreach.outbox.recipient'),
            width: 200,
            render: (_v, m) => (
              <>
                {m.recipientNameMasked} <span className="empty-text">{m.recipientMasked}</span>
                <div className="empty-text">{t(`outreach.outbox.channels.${m.channel}`)}</div>
              </>
            ),
          },
          { key: 'subject', title: t('outreach.outbox.subject'), dataIndex: 'subject', width: 260 },
          {
            key: 'status',
            title: t('outreach.outbox.status'),
            width: 150,
            render: (_v, m) => (
              <>
                <Tag color={STATUS_COLORS[m.status]} data-testid={`outbox-status-${m.id}`}>
                  {t(`outreach.outbox.statuses.${m.status}`)}
                </Tag>
                {m.attempts > 0 && <div className="empty-text">{t('outreach.outbox.attempts', { count: m.attempts })}</div>}
              </>
            ),
          },
          { key: 'error', title: t('outreach.outbox.lastError'), dataIndex: 'lastError', width: 180 },
          {
            key: 'actions',
            title: t('common.actions'),
            width: 100,
            fixed: 'right',
            render: (_v, m) =>
              m.status === 'failed' ? (
                <Button
                  size="small"
                  onClick={() => retry.mutate(m.id)}
                  loading={retry.isPending && retry.variables === m.id}
                  data-testid={`outbox-retry-${m.id}`}
                >
                  {t('outreach.outbox.retry')}
                </Button>
              ) : null,
          },
        ]}
      />
    </>
  );
}
