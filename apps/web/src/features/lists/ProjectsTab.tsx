import { useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, Image, Select, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { PROJECT_STATUSES, type Project } from '@youshe/shared';
import { errorText, problemText } from '../../app/api';
import { formatDate } from '../../app/format';
import { useOrgScope } from '../../app/org-scope';
import { useSignedIn } from '../../app/session';
import { usePaging } from '../../app/use-paging';
import { ALL_LIST_KEYS, listKeys, listsApi, proofPhotoUrl, type ProjectFilters, type ProjectStatus } from './lists.api';
import { CompleteProjectModal, NewProjectModal } from './ProjectForms';

const STATUS_COLORS: Record<ProjectStatus, string> = { open: 'processing', claimed: 'warning', done: 'success', cancelled: 'default' };

/** 项目清单: needs matched with resources, claimed by members, done with proof. */
export function ProjectsTab({ canWrite }: { canWrite: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const me = useSignedIn();
  const { orgId } = useOrgScope();
  const [status, setStatus] = useState<ProjectStatus | undefined>();
  const [mine, setMine] = useState(false);
  const { paging, firstPage, pagination } = usePaging();
  const [creating, setCreating] = useState(false);
  const [completing, setCompleting] = useState<Project | null>(null);
  const filters: ProjectFilters = { orgId: mine ? undefined : orgId, status, mine: mine ? 'true' : undefined, ...paging };
  const list = useQuery({
    queryKey: listKeys.projects(filters),
    queryFn: () => listsApi.projects(filters),
    placeholderData: keepPreviousData,
  });
  const claim = useMutation({
    mutationFn: (id: string) => listsApi.claimProject(id),
    onSuccess: () => void message.success(t('lists.claimed')),
    onError: (e) => void message.error(problemText(e)),
    onSettled: () => {
      for (const key of ALL_LIST_KEYS) void client.invalidateQueries({ queryKey: key });
    },
  });

  return (
    <>
      <div role="search" className="filter-bar" aria-label={t('common.filters')}>
        <Select<ProjectStatus>
          allowClear
          placeholder={t('lists.status')}
          aria-label={t('lists.status')}
          value={status}
          onChange={(v) => {
            setStatus(v);
            firstPage();
          }}
          options={PROJECT_STATUSES.map((s) => ({ value: s, label: t(`projectStatus.${s}`) }))}
          style={{ width: 130 }}
          data-testid="project-status-filter"
        />
        <Checkbox checked={mine} onChange={(e) => setMine(e.target.checked)} data-testid="project-mine">
          {t('lists.mine')}
        </Checkbox>
        <span style={{ flex: 1 }} />
        {canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="project-create">
            {t('lists.addProject')}
          </Button>
        )}
      </div>
      {list.isError && <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 16 }} />}
      <Table<Project>
        data-testid="projects-table"
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 1040 }}
        locale={{ emptyText: <span className="empty-text">{t('lists.noProjects')}</span> }}
        onRow={(p) => ({ 'data-testid': `project-row-${p.id}`, 'data-status': p.status }) as React.HTMLAttributes<HTMLElement>}
        pagination={pagination(list.data?.total)}
        columns={[
          {
            key: 'title',
            title: t('lists.title'),
            width: 280,
            render: (_v, p) => (
              <>
                <div>{p.title}</div>
                {(p.needTitle || p.resourceTitle) && (
                  <div className="empty-text">
                    {[p.needTitle && `${t('lists.need')}：${p.needTitle}`, p.resourceTitle && `${t('lists.resource')}：${p.resourceTitle}`]
                      .filter(Boolean)
                      .join('；')}
                  </div>
                )}
              </>
            ),
          },
          { key: 'org', title: t('lists.ownerUnit'), dataIndex: 'orgName', width: 160 },
          { key: 'claimedBy', title: t('lists.claimedBy'), width: 110, render: (_v, p) => p.claimedByName ?? p.claimedByLogin ?? '—' },
          { key: 'dueOn', title: t('lists.dueOn'), width: 110, render: (_v, p) => (p.dueOn ? formatDate(p.dueOn) : '—') },
          {
            key: 'status',
            title: t('lists.status'),
            width: 90,
            render: (_v, p) => <Tag color={STATUS_COLORS[p.status]}>{t(`projectStatus.${p.status}`)}</Tag>,
          },
          {
            key: 'outcome',
            title: t('lists.outcome'),
            width: 220,
            render: (_v, p) =>
              p.status === 'done' ? (
                <>
                  <div>{p.outcome}</div>
                  <div className="empty-text">{p.beneficiaryConfirmed ? t('lists.beneficiaryConfirmed') : p.proofNote}</div>
                  {p.hasProofPhoto && (
                    <Image
                      width={48}
                      src={proofPhotoUrl(p.id, 'thumb')}
                      preview={{ src: proofPhotoUrl(p.id, 'full') }}
                      alt={t('lists.proofPhoto')}
                    />
                  )}
                </>
              ) : (
                '—'
              ),
          },
          {
            key: 'actions',
            title: t('common.actions'),
            width: 110,
            fixed: 'right',
            render: (_v, p) => (
              <Space size={4}>
                {canWrite && p.status === 'open' && (
                  <Button
                    size="small"
                    type="primary"
                    ghost
                    loading={claim.isPending && claim.variables === p.id}
                    onClick={() => claim.mutate(p.id)}
                    data-testid={`project-claim-${p.id}`}
                  >
                    {t('lists.claim')}
                  </Button>
                )}
                {p.status === 'claimed' && p.claimedByLogin === me.account.login && (
                  <Button size="small" type="primary" onClick={() => setCompleting(p)} data-testid={`project-complete-${p.id}`}>
                    {t('lists.complete')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <NewProjectModal open={creating} onClose={() => setCreating(false)} />
      <CompleteProjectModal project={completing} onClose={() => setCompleting(null)} />
    </>
  );
}
