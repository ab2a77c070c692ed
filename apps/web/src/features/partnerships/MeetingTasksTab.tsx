import { useState } from 'react';
import { CheckOutlined, UndoOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Segmented, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MeetingTaskRow } from '@youshe/shared';
import { errorText, problemText } from '../../app/api';
import { formatDate, formatDateTimeShort } from '../../app/format';
import { usePaging } from '../../app/use-paging';
import { partnershipKeys, partnershipsApi, type TaskFilters, type TaskView } from './partnerships.api';

const VIEWS: TaskView[] = ['open', 'overdue', 'done', 'all'];

/**
 * The tasks decided at joint meetings (联席会议) across every agreement of the chosen unit's tree:
 * owner, due date, overdue ones flagged; ticking one off here is the same as on its agreement's page.
 */
export function MeetingTasksTab({ orgId, canWrite }: { orgId: string | null; canWrite: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [view, setView] = useState<TaskView>('open');
  const { paging, firstPage, pagination } = usePaging();
  const filters: TaskFilters = { orgId, view, ...paging };
  const list = useQuery({
    queryKey: partnershipKeys.tasks(filters),
    queryFn: () => partnershipsApi.tasks(filters),
    placeholderData: keepPreviousData,
  });
  const counts = list.data?.counts;
  const mark = useMutation({
    mutationFn: ({ id, done }: { id: string; done: boolean }) => partnershipsApi.markTask(id, done),
    onSuccess: (task) => void message.success(task.done ? t('meetings.markedDone') : t('meetings.reopened')),
    onError: (e) => void message.error(problemText(e)),
    // The agreement's own page shows the same tasks.
    onSettled: () => void client.invalidateQueries({ queryKey: partnershipKeys.all }),
  });
  const countOf = (v: TaskView) => (!counts ? null : v === 'all' ? counts.open + counts.done : counts[v]);

  return (
    <>
      <div role="search" className="filter-bar" aria-label={t('common.filters')}>
        <Segmented<TaskView>
          value={view}
          onChange={(v) => {
            setView(v);
            firstPage();
          }}
          aria-label={t('meetings.taskView')}
          options={VIEWS.map((v) => ({
            value: v,
            label: (
              <span data-testid={`tasks-view-${v}`}>
                {t(`meetings.view.${v}`)}
                {countOf(v) !== null && ` (${countOf(v)})`}
              </span>
            ),
          }))}
        />
      </div>
      {list.isError && <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 16 }} />}
      <Table<MeetingTaskRow>
        data-testid="tasks-table"
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 1040 }}
        onRow={(task) =>
          ({
            'data-testid': `task-row-${task.id}`,
            'data-done': task.done,
            'data-overdue': task.overdue,
          }) as React.HTMLAttributes<HTMLElement>
        }
        locale={{ emptyText: <span className="empty-text">{t(`meetings.noTasks.${view}`)}</span> }}
        pagination={pagination(list.data?.total)}
        columns={[
          {
            key: 'title',
            title: t('meetings.taskTitle'),
            width: 300,
            render: (_v, task) => <span className="pre-wrap">{task.title}</span>,
          },
          {
            key: 'owner',
            title: t('meetings.owner'),
            width: 180,
            render: (_v, task) => (
              <>
                <div>{task.ownerName}</div>
                {task.ownerOrgName && <div className="empty-text">{task.ownerOrgName}</div>}
              </>
            ),
          },
          {
            key: 'due',
            title: t('meetings.dueOn'),
            width: 150,
            render: (_v, task) => (
              <>
                <div>{formatDate(task.dueOn)}</div>
                {task.overdue && <Tag color="error">{t('meetings.overdue')}</Tag>}
              </>
            ),
          },
          {
            key: 'status',
            title: t('meetings.status'),
            width: 130,
            render: (_v, task) =>
              task.done ? (
                <>
                  <Tag color="success">{t('meetings.done')}</Tag>
                  {task.doneAt && <div className="empty-text">{formatDateTimeShort(task.doneAt)}</div>}
                </>
              ) : (
                <Tag color="processing">{t('meetings.open')}</Tag>
              ),
          },
          {
            key: 'from',
            title: t('meetings.from'),
            width: 220,
            render: (_v, task) => (
              <>
                <Link to={`/partnerships/${task.partnershipId}`}>{task.partnershipTitle}</Link>
                <div className="empty-text">{t('meetings.heldOnDay', { date: formatDate(task.heldOn) })}</div>
              </>
            ),
          },
          ...(canWrite
            ? [
                {
                  key: 'actions',
                  title: t('common.actions'),
                  width: 130,
                  fixed: 'right' as const,
                  render: (_v: unknown, task: MeetingTaskRow) => (
                    <Button
                      size="small"
                      type={task.done ? 'link' : 'primary'}
                      ghost={!task.done}
                      icon={task.done ? <UndoOutlined /> : <CheckOutlined />}
                      loading={mark.isPending && mark.variables?.id === task.id}
                      onClick={() => mark.mutate({ id: task.id, done: !task.done })}
                      data-testid={`task-mark-${task.id}`}
                    >
                      {task.done ? t('meetings.reopen') : t('meetings.markDone')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
    </>
  );
}
