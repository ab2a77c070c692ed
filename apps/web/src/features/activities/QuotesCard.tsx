import { useState } from 'react';
import { DeleteOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Form, Input, List, Popconfirm, Typography } from 'antd';
import type { CreateQuote } from '@youshe/shared';
import { useTranslation } from 'react-i18next';
import { applyServerErrors } from '../../app/forms';
import { ApiError, errorText, problemText } from '../../app/api';
import { activitiesApi, activityKeys } from './activities.api';

/** What participants said, written down with their consent; reports and news releases quote from here. */
export function QuotesCard({ activityId, canWrite }: { activityId: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<CreateQuote>();
  const [adding, setAdding] = useState(false);
  const quotes = useQuery({ queryKey: activityKeys.quotes(activityId), queryFn: () => activitiesApi.quotes(activityId) });
  const refresh = () => void client.invalidateQueries({ queryKey: activityKeys.quotes(activityId) });

  const add = useMutation({
    mutationFn: (body: CreateQuote) => activitiesApi.addQuote(activityId, body),
    onSuccess: () => {
      form.resetFields();
      setAdding(false);
      void message.success(t('quotes.added'));
    },
    onError: (e) => {
      const unmatched = applyServerErrors(form, e, ['speaker', 'text', 'consent']);
      if (unmatched.length || !(e instanceof ApiError)) void message.error(problemText(e));
    },
    onSettled: refresh,
  });
  const remove = useMutation({
    mutationFn: (quoteId: string) => activitiesApi.removeQuote(activityId, quoteId),
    onError: (e) => void message.error(problemText(e)),
    onSettled: refresh,
  });

  const items = quotes.data?.items ?? [];
  return (
    <Card
      size="small"
      title={t('quotes.title', { count: items.length })}
      data-testid="activity-quotes"
      extra={
        canWrite &&
        !adding && (
          <Button size="small" onClick={() => setAdding(true)} data-testid="quote-add">
            {t('quotes.add')}
          </Button>
        )
      }
    >
      {adding && (
        <Form form={form} layout="vertical" onFinish={(v) => add.mutate(v)} data-testid="quote-form">
          <Form.Item name="speaker" label={t('quotes.speaker')} rules={[{ required: true, message: t('quotes.speakerRequired') }]}>
            <Input maxLength={40} placeholder={t('quotes.speakerPlaceholder')} />
          </Form.Item>
          <Form.Item name="text" label={t('quotes.text')} rules={[{ required: true, message: t('quotes.textRequired') }]}>
            <Input.TextArea maxLength={500} rows={3} showCount />
          </Form.Item>
          <Form.Item name="consent" valuePropName="checked" initialValue={false}>
            <Checkbox>{t('quotes.consent')}</Checkbox>
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={add.isPending} data-testid="quote-save">
            {t('common.save')}
          </Button>{' '}
          <Button onClick={() => setAdding(false)}>{t('common.cancel')}</Button>
        </Form>
      )}
      {quotes.isError ? (
        <Typography.Text type="danger">{errorText(quotes.error)}</Typography.Text>
      ) : (
        <List
          dataSource={items}
          // antd's own empty text is too faint to read (axe: 1.8:1); the secondary text colour is not.
          locale={{ emptyText: <Typography.Text type="secondary">{t('quotes.empty')}</Typography.Text> }}
          renderItem={(q) => (
            <List.Item
              actions={
                canWrite
                  ? [
                      <Popconfirm key="remove" title={t('quotes.confirmRemove')} onConfirm={() => remove.mutate(q.id)}>
                        <Button size="small" type="text" icon={<DeleteOutlined />} aria-label={t('quotes.remove')} />
                      </Popconfirm>,
                    ]
                  : []
              }
            >
              <Typography.Paragraph style={{ margin: 0 }}>
                “{q.text}” <Typography.Text type="secondary">—— {q.speaker}</Typography.Text>
              </Typography.Paragraph>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
