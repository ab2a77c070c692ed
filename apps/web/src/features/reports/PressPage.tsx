import { useState } from 'react';
import { FileAddOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PressRelease } from '@youshe/shared';
import { errorText } from '../../app/api';
import { formatDate } from '../../app/format';
import { useOrgScope } from '../../app/org-scope';
import { hasPermission, useSignedIn } from '../../app/session';
import { usePageTitle } from '../../app/use-page-title';
import { activitiesApi } from '../activities/activities.api';
import { PressEditor } from './PressEditor';
import { pressApi, pressKeys } from './press.api';

/** Publicity (宣传): news releases drafted from activities' records, edited, then tracked once published. */
export default function PressPage() {
  const { t } = useTranslation();
  usePageTitle(t('reports.press.page'));
  const { message } = App.useApp();
  const me = useSignedIn();
  const { orgId } = useOrgScope();
  const qc = useQueryClient();
  const [search, setSearch] = useState('');
  const [activityId, setActivityId] = useState<string>();
  const [editing, setEditing] = useState<PressRelease | null>(null);
  const canWrite = hasPermission(me, 'press.write');

  const list = useQuery({ queryKey: pressKeys.list(orgId), queryFn: () => pressApi.list(orgId) });
  const held = useQuery({
    queryKey: ['press', 'activities', orgId, search],
    queryFn: () => activitiesApi.list({ orgId, status: 'closed', q: search || undefined, page: 1, pageSize: 30 }),
    enabled: canWrite,
  });
  const draft = useMutation({
    mutationFn: (id: string) => pressApi.draft(id),
    onSuccess: (r) => {
      void qc.invalidateQueries({ queryKey: pressKeys.all });
      setActivityId(undefined);
      setEditing(r);
    },
    onError: (e) => void message.error(errorText(e)),
  });

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22, marginBottom: 16 }}>
        {t('reports.press.page')}
      </Typography.Title>
      {canWrite && (
        <Space.Compact style={{ marginBottom: 16, maxWidth: 640, width: '100%' }}>
          <Select<string>
            showSearch={{ filterOption: false, onSearch: setSearch }}
            value={activityId}
            onChange={setActivityId}
            placeholder={t('reports.press.pickActivity')}
            aria-label={t('reports.press.pickActivity')}
            options={(held.data?.items ?? []).map((a) => ({ value: a.id, label: `${a.title} · ${a.orgName}` }))}
            style={{ flex: 1 }}
            data-testid="press-activity"
          />
          <Button
            type="primary"
            icon={<FileAddOutlined />}
            disabled={!activityId}
            loading={draft.isPending}
            onClick={() => activityId && draft.mutate(activityId)}
            data-testid="press-draft"
          >
            {t('reports.press.draft')}
          </Button>
        </Space.Compact>
      )}
      {list.isError && <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 16 }} />}
      <Table<PressRelease>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        data-testid="press-table"
        scroll={{ x: 900 }}
        locale={{ emptyText: t('reports.press.empty') }}
        columns={[
          { key: 'title', title: t('reports.press.title'), dataIndex: 'title', width: 320 },
          {
            key: 'activity',
            title: t('reports.press.activity'),
            render: (_v, r) => (r.activityId ? <Link to={`/activities/${r.activityId}`}>{r.activityTitle}</Link> : null),
          },
          {
            key: 'status',
            title: t('reports.press.status'),
            render: (_v, r) =>
              r.status === 'published' ? (
                <Tag color="green">{t('reports.press.statusPublished')}</Tag>
              ) : (
                <Tag>{t('reports.press.statusDraft')}</Tag>
              ),
          },
          {
            key: 'outlet',
            title: t('reports.press.outlet'),
            render: (_v, r) =>
              r.outlet ? (
                <span>
                  {r.link ? (
                    <a href={r.link} target="_blank" rel="noopener noreferrer">
                      {r.outlet}
                    </a>
                  ) : (
                    r.outlet
                  )}{' '}
                  {formatDate(r.publishedOn)}
                </span>
              ) : null,
          },
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_v, r) =>
              canWrite ? (
                <Button size="small" onClick={() => setEditing(r)} data-testid={`press-edit-${r.id}`}>
                  {t('common.edit')}
                </Button>
              ) : null,
          },
        ]}
      />
      <PressEditor release={editing} onClose={() => setEditing(null)} />
    </>
  );
}
