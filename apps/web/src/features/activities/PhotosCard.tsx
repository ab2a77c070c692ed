import { useRef, useState } from 'react';
import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Input, Popconfirm, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText, problemText } from '../../app/api';
import { activitiesApi, activityKeys, photoUrl } from './activities.api';
import './photos.css';

/** The activity's photos: taken on a phone or picked on a computer, shown as thumbnails, the full size one click away. */
export function PhotosCard({ activityId, canWrite }: { activityId: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [caption, setCaption] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const photos = useQuery({ queryKey: activityKeys.photos(activityId), queryFn: () => activitiesApi.photos(activityId) });
  const refresh = () => {
    void client.invalidateQueries({ queryKey: activityKeys.photos(activityId) });
    void client.invalidateQueries({ queryKey: activityKeys.detail(activityId) });
  };

  const upload = useMutation({
    mutationFn: async (files: File[]) => {
      // One after another: a phone's connection is slow, and each refusal is named.
      for (const file of files) await activitiesApi.uploadPhoto(activityId, file, caption.trim() || undefined);
    },
    onMutate: () => setRefusal(null),
    onSuccess: () => {
      setCaption('');
      void message.success(t('photos.uploaded'));
    },
    onError: (e) => setRefusal(problemText(e)),
    onSettled: refresh,
  });
  const remove = useMutation({
    mutationFn: (photoId: string) => activitiesApi.removePhoto(activityId, photoId),
    onSuccess: () => void message.success(t('photos.removed')),
    onError: (e) => void message.error(problemText(e)),
    onSettled: refresh,
  });

  const items = photos.data?.items ?? [];
  return (
    <Card size="small" title={t('photos.title', { count: items.length })} data-testid="activity-photos">
      {canWrite && (
        <Space wrap style={{ marginBottom: 12 }}>
          <Input
            value={caption}
            onChange={(e) => setCaption(e.target.value)}
            maxLength={200}
            placeholder={t('photos.captionPlaceholder')}
            aria-label={t('photos.caption')}
            style={{ width: 260 }}
            data-testid="photo-caption"
          />
          <input
            ref={input}
            type="file"
            accept="image/*"
            multiple
            className="sr-only"
            tabIndex={-1}
            aria-label={t('photos.upload')}
            data-testid="photo-upload"
            onChange={(e) => {
              const files = [...(e.target.files ?? [])];
              e.target.value = '';
              if (files.length) upload.mutate(files);
            }}
          />
          <Button
            icon={<UploadOutlined />}
            loading={upload.isPending}
            onClick={() => input.current?.click()}
            data-testid="photo-upload-button"
          >
            {t('photos.upload')}
          </Button>
          <Typography.Text type="secondary">{t('photos.hint')}</Typography.Text>
        </Space>
      )}
      {refusal && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={refusal}
          style={{ marginBottom: 12 }}
          data-testid="photo-error"
          closable={{ onClose: () => setRefusal(null) }}
        />
      )}
      {photos.isError && <Alert type="error" showIcon title={errorText(photos.error)} style={{ marginBottom: 12 }} />}
      {items.length === 0 ? (
        <Typography.Text type="secondary">{photos.isPending ? t('common.loading') : t('photos.empty')}</Typography.Text>
      ) : (
        <ul className="photo-grid" data-testid="photo-grid">
          {items.map((p, i) => (
            <li key={p.id} data-testid={`photo-${p.id}`}>
              <a href={photoUrl(activityId, p.id, 'full')} target="_blank" rel="noopener noreferrer">
                <img
                  src={photoUrl(activityId, p.id, 'thumb')}
                  alt={p.caption || t('photos.alt', { n: i + 1 })}
                  width={p.width}
                  height={p.height}
                  loading="lazy"
                />
                <span className="sr-only">{t('common.opensInNewTab')}</span>
              </a>
              <div className="photo-meta">
                <span className="photo-caption">{p.caption ?? ''}</span>
                {canWrite && (
                  <Popconfirm
                    title={t('photos.confirmRemove')}
                    onConfirm={() => remove.mutate(p.id)}
                    okText={t('common.delete')}
                    cancelText={t('common.cancel')}
                  >
                    <Button
                      size="small"
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('photos.remove')}
                      data-testid={`photo-remove-${p.id}`}
                    />
                  </Popconfirm>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
