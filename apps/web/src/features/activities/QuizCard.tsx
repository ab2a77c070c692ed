import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Activity } from '@youshe/shared';
import { errorText, problemText } from '../../app/api';
import { formatDateTime, formatNumber } from '../../app/format';
import { activitiesApi, activityKeys, publicLinks, type Quiz } from './activities.api';
import { QuizEditor } from './QuizEditor';
import '../partnerships/meetings.css';

const STATUS_COLORS = { draft: 'default', open: 'processing', closed: 'success' } as const;

/**
 * 有奖问答 at the event. Loaded only when asked for: most activities have none, and the server
 * answers "not found" for those.
 */
export function QuizCard({ activity, canWrite }: { activity: Activity; canWrite: boolean }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  return (
    <Card
      size="small"
      title={t('quiz.cardTitle')}
      data-testid="activity-quiz"
      extra={
        !shown && (
          <Button size="small" onClick={() => setShown(true)} data-testid="quiz-show">
            {canWrite ? t('quiz.manage') : t('quiz.view')}
          </Button>
        )
      }
    >
      {shown ? <QuizBody activity={activity} canWrite={canWrite} /> : <Typography.Text type="secondary">{t('quiz.hint')}</Typography.Text>}
    </Card>
  );
}

function QuizBody({ activity, canWrite }: { activity: Activity; canWrite: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [editing, setEditing] = useState(false);
  const quiz = useQuery({ queryKey: activityKeys.quiz(activity.id), queryFn: () => activitiesApi.quiz(activity.id) });
  const change = useMutation({
    mutationFn: (what: 'open' | 'closed' | 'draw') =>
      what === 'draw' ? activitiesApi.drawQuiz(activity.id) : activitiesApi.setQuizStatus(activity.id, what),
    onSuccess: (q) => client.setQueryData(activityKeys.quiz(activity.id), q),
    onError: (e) => void message.error(problemText(e)),
  });

  if (quiz.isPending) return <Typography.Text type="secondary">{t('common.loading')}</Typography.Text>;
  if (quiz.isError) return <Alert type="error" showIcon title={errorText(quiz.error)} />;
  const q: Quiz | null = quiz.data;
  const url = publicLinks(activity.publicToken).quiz;
  return (
    <>
      {!q ? (
        <Typography.Paragraph type="secondary">{t('quiz.none')}</Typography.Paragraph>
      ) : (
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'title', label: t('quiz.title'), children: q.title },
            {
              key: 'status',
              label: t('quiz.status'),
              children: (
                <Tag color={STATUS_COLORS[q.status]} data-testid="quiz-status" data-status={q.status}>
                  {t(`quizStatus.${q.status}`)}
                </Tag>
              ),
            },
            { key: 'questions', label: t('quiz.questions'), children: formatNumber(q.questions.length) },
            { key: 'prizes', label: t('quiz.prizeCount'), children: formatNumber(q.prizeCount) },
            { key: 'entries', label: t('quiz.entries'), children: <span data-testid="quiz-entries">{formatNumber(q.entries)}</span> },
            ...(q.status !== 'draft'
              ? [
                  {
                    key: 'link',
                    label: t('quiz.link'),
                    children: (
                      <Typography.Link
                        href={url}
                        target="_blank"
                        rel="noopener noreferrer"
                        data-testid="quiz-link"
                        className="public-link-url"
                      >
                        {url}
                        <span className="sr-only">{t('common.opensInNewTab')}</span>
                      </Typography.Link>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      {canWrite && (
        <Space wrap style={{ marginTop: 8 }}>
          {(!q || q.status === 'draft') && (
            <Button onClick={() => setEditing(true)} data-testid="quiz-edit">
              {q ? t('quiz.edit') : t('quiz.create')}
            </Button>
          )}
          {q?.status === 'draft' && (
            <Button type="primary" loading={change.isPending} onClick={() => change.mutate('open')} data-testid="quiz-open">
              {t('quiz.open')}
            </Button>
          )}
          {q?.status === 'open' && (
            <Button loading={change.isPending} onClick={() => change.mutate('closed')} data-testid="quiz-close">
              {t('quiz.close')}
            </Button>
          )}
          {q?.status === 'closed' && !q.draw && (
            <Button type="primary" loading={change.isPending} onClick={() => change.mutate('draw')} data-testid="quiz-draw">
              {t('quiz.draw')}
            </Button>
          )}
        </Space>
      )}
      {q?.draw && (
        <div data-testid="quiz-winners" style={{ marginTop: 12 }}>
          <Typography.Paragraph>
            {t('quiz.drawSummary', { at: formatDateTime(q.draw.drawnAt), top: q.draw.topScore, eligible: q.draw.eligible })}
          </Typography.Paragraph>
          <Table
            size="small"
            rowKey={(w) => `${w.name}-${w.phoneMasked}`}
            pagination={false}
            dataSource={q.draw.winners}
            columns={[
              { key: 'name', title: t('public.name'), dataIndex: 'name' },
              { key: 'phone', title: t('public.phone'), dataIndex: 'phoneMasked' },
              { key: 'score', title: t('quiz.scoreCol'), dataIndex: 'score' },
            ]}
          />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            {t('quiz.seed')}：<code data-testid="quiz-seed">{q.draw.seed}</code>
          </Typography.Paragraph>
        </div>
      )}
      <QuizEditor activityId={activity.id} quiz={q} open={editing} onClose={() => setEditing(false)} />
    </>
  );
}
