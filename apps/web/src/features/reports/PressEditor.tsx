import { useEffect } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Drawer, Form, Input, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { PressRelease } from '@youshe/shared';
import { errorText, isApiError } from '../../app/api';
import { applyServerErrors } from '../../app/forms';
import { photoUrl } from '../activities/activities.api';
import { pressApi, pressKeys } from './press.api';

interface TextValues {
  title: string;
  lead: string;
  body: string;
}
interface PublishValues {
  outlet: string;
  publishedOn: Dayjs;
  link?: string;
}

/** Edits a release's text and, once it is out, records where and when it was published. */
export function PressEditor({ release, onClose }: { release: PressRelease | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<TextValues>();
  const [pub] = Form.useForm<PublishValues>();
  useEffect(() => {
    if (release) {
      form.setFieldsValue({ title: release.title, lead: release.lead, body: release.body });
      pub.setFieldsValue({
        outlet: release.outlet ?? '',
        publishedOn: release.publishedOn ? dayjs(release.publishedOn) : dayjs(),
        link: release.link ?? '',
      });
    }
  }, [release, form, pub]);

  const onError = (f: typeof form | typeof pub, fields: string[]) => (e: unknown) => {
    if (isApiError(e) && e.code === 'conflict') void message.error(t('reports.press.conflict'));
    else if (!applyServerErrors(f, e, fields).length) void message.error(errorText(e));
  };
  const save = useMutation({
    mutationFn: (v: TextValues) => pressApi.update(release!.id, { version: release!.version, ...v }),
    onSuccess: () => {
      void message.success(t('common.saved'));
      void qc.invalidateQueries({ queryKey: pressKeys.all });
      onClose();
    },
    onError: onError(form, ['title', 'lead', 'body']),
  });
  const publish = useMutation({
    mutationFn: (v: PublishValues) =>
      pressApi.publish(release!.id, {
        version: release!.version,
        outlet: v.outlet,
        publishedOn: v.publishedOn.format('YYYY-MM-DD'),
        link: v.link || undefined,
      }),
    onSuccess: () => {
      void message.success(t('reports.press.published'));
      void qc.invalidateQueries({ queryKey: pressKeys.all });
      onClose();
    },
    onError: onError(pub, ['outlet', 'publishedOn', 'link']),
  });
  const lead = Form.useWatch('lead', form) ?? '';
  const body = Form.useWatch('body', form) ?? '';

  return (
    <Drawer open={!!release} onClose={onClose} title={t('reports.press.edit')} size="large" destroyOnHidden>
      {release && (
        <>
          <Alert
            type="info"
            showIcon
            title={t('reports.press.fromRecords', { title: release.activityTitle ?? '' })}
            style={{ marginBottom: 16 }}
          />
          {release.activityId && release.photoIds.length > 0 && (
            <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', marginBottom: 16 }} data-testid="press-photos">
              {release.photoIds.map((id, i) => (
                <a key={id} href={photoUrl(release.activityId!, id, 'full')} target="_blank" rel="noopener noreferrer">
                  <img
                    src={photoUrl(release.activityId!, id, 'thumb')}
                    alt={t('reports.press.photo', { n: i + 1 })}
                    style={{ height: 96, borderRadius: 4 }}
                  />
                </a>
              ))}
            </div>
          )}
          <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} data-testid="press-form">
            <Form.Item name="title" label={t('reports.press.title')} rules={[{ required: true, whitespace: true }]}>
              <Input maxLength={100} data-testid="press-title" />
            </Form.Item>
            <Form.Item name="lead" label={t('reports.press.lead')} rules={[{ required: true, whitespace: true }]}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} data-testid="press-lead" />
            </Form.Item>
            <Form.Item
              name="body"
              label={t('reports.press.body')}
              rules={[{ required: true, whitespace: true }]}
              extra={t('reports.press.length', { count: lead.length + body.length })}
            >
              <Input.TextArea autoSize={{ minRows: 8, maxRows: 20 }} maxLength={10000} data-testid="press-body" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="press-save">
              {t('common.save')}
            </Button>
          </Form>
          <Typography.Title level={2} style={{ fontSize: 16, marginTop: 32 }}>
            {t('reports.press.publishTitle')}
          </Typography.Title>
          <Form form={pub} layout="vertical" onFinish={(v) => publish.mutate(v)}>
            <Space wrap align="start">
              <Form.Item name="outlet" label={t('reports.press.outlet')} rules={[{ required: true, whitespace: true }]}>
                <Input maxLength={60} style={{ width: 220 }} data-testid="press-outlet" />
              </Form.Item>
              <Form.Item name="publishedOn" label={t('reports.press.publishedOn')} rules={[{ required: true }]}>
                <DatePicker />
              </Form.Item>
            </Space>
            <Form.Item name="link" label={t('reports.press.link')}>
              <Input maxLength={500} placeholder="https://" data-testid="press-link" />
            </Form.Item>
            <Button htmlType="submit" loading={publish.isPending} data-testid="press-publish">
              {t('reports.press.markPublished')}
            </Button>
          </Form>
        </>
      )}
    </Drawer>
  );
}
