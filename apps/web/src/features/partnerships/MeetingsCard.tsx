import { useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Empty, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Partnership } from '@youshe/shared';
import { errorText, problemText } from '../../app/api';
import { formatDate } from '../../app/format';
import { MeetingModal } from './MeetingModal';
import { partnershipKeys, partnershipsApi } from './partnerships.api';
import './meetings.css';

/** Joint meetings (联席会议) of an agreement, newest first, with the tasks they decided and who owns them. */
export function MeetingsCard({ partnership, canWrite }: { partnership: Partnership; canWrite: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [adding, setAdding] = useState(false);
  const meetings = useQuery({
    queryKey: partnershipKeys.meetings(partnership.id),
    queryFn: () => partnershipsApi.meetings(partnership.id),
  });
  const toggle = useMutation({
    mutationFn: ({ taskId, done }: { taskId: string; done: boolean }) => partnershipsApi.setTaskDone(partnership.id, taskId, done),
    onError: (e) => void message.error(problemText(e)),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: partnershipKeys.meetings(partnership.id) });
      // The list of tasks across agreements shows the same tasks.
      void client.invalidateQueries({ queryKey: ['partnerships', 'tasks'] });
    },
  });
  const items = meetings.data?.items ?? [];

  return (
    <Card
      size="small"
      title={t('meetings.title')}
      data-testid="partnership-meetings"
      extra={
        canWrite && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="meeting-create">
            {t('meetings.add')}
          </Button>
        )
      }
    >
      {meetings.isError && <Alert type="error" showIcon title={errorText(meetings.error)} style={{ marginBottom: 12 }} />}
      {items.length === 0 ? (
        <Empty description={meetings.isPending ? t('common.loading') : t('meetings.empty')} />
      ) : (
        <ul className="plain-list meeting-list">
          {items.map((m) => (
            <li key={m.id} data-testid={`meeting-${m.id}`}>
              <Typography.Title level={3} style={{ fontSize: 15, margin: 0 }}>
                {formatDate(m.heldOn)}
                {m.location ? ` · ${m.location}` : ''}
              </Typography.Title>
              {m.attendees && (
                <Typography.Text type="secondary">
                  {t('meetings.attendees')}：{m.attendees}
                </Typography.Text>
              )}
              {m.minutes && <div className="pre-wrap">{m.minutes}</div>}
              {m.tasks.length > 0 && (
                <ul className="task-list" aria-label={t('meetings.tasks')}>
                  {m.tasks.map((task) => (
                    <li key={task.id} data-testid={`task-${task.id}`} data-done={task.done}>
                      <Checkbox
                        checked={task.done}
                        disabled={!canWrite || toggle.isPending}
                        onChange={(e) => toggle.mutate({ taskId: task.id, done: e.target.checked })}
                        data-testid={`task-done-${task.id}`}
                      >
                        {task.title}
                      </Checkbox>
                      <span className="empty-text">
                        {task.ownerName} · {t('meetings.dueBy', { date: formatDate(task.dueOn) })}
                      </span>
                      {task.done ? (
                        <Tag color="success">{t('meetings.done')}</Tag>
                      ) : task.overdue ? (
                        <Tag color="error">{t('meetings.overdue')}</Tag>
                      ) : null}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
      <MeetingModal partnership={partnership} open={adding} onClose={() => setAdding(false)} />
    </Card>
  );
}
