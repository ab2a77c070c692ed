import { useState } from 'react';
import { CheckCircleOutlined, EditOutlined, PlayCircleOutlined, SendOutlined, StopOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Popconfirm, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Activity, ActivityKind } from '@youshe/shared';
import { problemText } from '../../app/api';
import { activitiesApi, activityKeys, type TransitionTo } from './activities.api';
import { ActivityFormDrawer } from './ActivityFormDrawer';
import { CloseActivityModal } from './CloseActivityModal';

/** What may be done next with an activity, by its status: draft → published → in progress → closed, or cancelled. */
export function ActivityActions({ activity, kind }: { activity: Activity; kind: ActivityKind | undefined }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [closing, setClosing] = useState(false);
  const move = useMutation({
    mutationFn: (to: Exclude<TransitionTo, 'closed'>) => activitiesApi.transition(activity.id, to),
    onSuccess: (_a, to) => {
      void message.success(t(`activities.moved.${to}`));
      void client.invalidateQueries({ queryKey: activityKeys.all });
    },
    onError: (e) => void message.error(problemText(e)),
  });
  const { status } = activity;
  const live = status === 'published' || status === 'in_progress';
  if (status === 'closed' || status === 'cancelled') return null;

  return (
    <>
      <Space wrap>
        {status === 'draft' && (
          <Button
            type="primary"
            icon={<SendOutlined />}
            loading={move.isPending && move.variables === 'published'}
            onClick={() => move.mutate('published')}
            data-testid="activity-publish"
          >
            {t('activities.publish')}
          </Button>
        )}
        {status === 'published' && (
          <Button
            icon={<PlayCircleOutlined />}
            loading={move.isPending && move.variables === 'in_progress'}
            onClick={() => move.mutate('in_progress')}
            data-testid="activity-start"
          >
            {t('activities.start')}
          </Button>
        )}
        {live && (
          <Button type="primary" icon={<CheckCircleOutlined />} onClick={() => setClosing(true)} data-testid="activity-close">
            {t('activities.close')}
          </Button>
        )}
        <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="activity-edit">
          {t('common.edit')}
        </Button>
        <Popconfirm
          title={t('activities.cancelConfirm')}
          okText={t('activities.cancelActivity')}
          okButtonProps={{ danger: true }}
          cancelText={t('activities.keep')}
          onConfirm={() => move.mutateAsync('cancelled').catch(() => undefined)}
        >
          <Button danger icon={<StopOutlined />} loading={move.isPending && move.variables === 'cancelled'} data-testid="activity-cancel">
            {t('activities.cancelActivity')}
          </Button>
        </Popconfirm>
      </Space>
      <ActivityFormDrawer target={editing ? activity : null} onClose={() => setEditing(false)} />
      <CloseActivityModal activity={activity} kind={kind} open={closing} onClose={() => setClosing(false)} />
    </>
  );
}
